from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "carefor.web"
    label = "web"
