from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from bashke.api import services
from bashke.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["prefix", "name", "user", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["prefix", "name", "user__email", "user__display_name"]
    list_select_related = ["user"]
    fields = ["user", "name", "prefix", "token_hash", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["user", "name", "prefix", "token_hash", "created_at", "last_used_at",
                       "revoked_at"]
    actions = ["revoke"]

    # Tokens are made with `bashke createtoken`, which shows the token once; the admin never
    # sees it. They are revoked, not deleted, so the audit log keeps pointing at something.
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Revoke the selected tokens"), permissions=["change"])
    def revoke(self, request, queryset):
        revoked = 0
        for token in queryset.filter(revoked_at__isnull=True):
            services.revoke_token(token, actor=request.user, note="Revoked in the admin.")
            revoked += 1
        self.message_user(request, ngettext("%(count)d token revoked.",
                                            "%(count)d tokens revoked.", revoked)
                          % {"count": revoked}, messages.SUCCESS)
