from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

# Labels that the task queue's own models mark for translation but ship no Albanian for:
# named here so that `make messages` puts them in our catalogue, which Django reads too.
THIRD_PARTY_LABELS = (gettext_noop("Task Result"), gettext_noop("Task Results"))


class CoreConfig(AppConfig):
    name = "bashke.core"
    label = "core"
    verbose_name = _("Records")

    def ready(self):
        # The admin says whose it is, in the reader's language, not "Django administration".
        from django.contrib import admin

        admin.site.site_header = _("Bashkë administration")
        admin.site.site_title = _("Bashkë administration")
        admin.site.index_title = _("What you look after")
        if apps.is_installed("django_tasks_db"):
            # Its app name is a plain string ("Tasks Database Backend"): give it ours.
            apps.get_app_config("django_tasks_database").verbose_name = _("Background tasks")
