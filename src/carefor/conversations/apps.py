from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "carefor.conversations"
    label = "conversations"
