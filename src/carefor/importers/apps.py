from django.apps import AppConfig


class ImportersConfig(AppConfig):
    name = "carefor.importers"
    label = "importers"
    verbose_name = "Imports and syncs"
