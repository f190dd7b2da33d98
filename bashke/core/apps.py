from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "bashke.core"
    label = "core"
    verbose_name = "Core"
