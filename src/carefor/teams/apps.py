from django.apps import AppConfig


class TeamsConfig(AppConfig):
    name = "carefor.teams"
    label = "teams"
    verbose_name = "Workspaces and members"

    def ready(self) -> None:
        from carefor.teams import checks  # noqa: F401  (registers system checks)
