from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "carefor.people"
    label = "people"
