from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


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
