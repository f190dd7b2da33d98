from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "bashke.api"
    label = "api"
    verbose_name = "API"
