from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "carefor.care"
    label = "care"
    verbose_name = "Follow-through"
