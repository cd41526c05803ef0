from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "carefor.outreach"
    label = "outreach"
    verbose_name = "Outreach: help with strings attached"
