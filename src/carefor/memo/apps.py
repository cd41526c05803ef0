from django.apps import AppConfig


class MemoConfig(AppConfig):
    name = "carefor.memo"
    label = "memo"

    def ready(self) -> None:
        from django.core.signals import request_finished, request_started
        from django.db.backends.signals import connection_created

        from carefor.memo import revision

        connection_created.connect(revision.watch_writes, dispatch_uid="memo.watch_writes")
        request_started.connect(revision.request_started, dispatch_uid="memo.started")
        request_finished.connect(revision.request_finished, dispatch_uid="memo.finished")
