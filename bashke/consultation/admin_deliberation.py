"""Deliberation in the admin: to look things up, not to change them. Hiding, restoring and
closing reports happen on the site (the moderation queue), through the services, so that
each leaves its public reason and its audit entry; supports and votes are not listed at
all — who chose what is nobody's business, the totals are on the site."""

from django.contrib import admin

from bashke.consultation.models import Comment, Flag, Statement
from bashke.plans.admin import RoleScoped
from bashke.plans.models import Role


class Moderated(RoleScoped):
    """The plan's moderators and coordinators look things up here (consultation.moderate)."""

    component_path = None
    roles = (Role.COORDINATOR, Role.MODERATOR)
    permission = "consultation.moderate"


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Comment)
class CommentAdmin(Moderated, ReadOnlyAdmin):
    plan_path = "idea__plan"

    list_display = ("id", "idea", "author", "created_at", "hidden_at")
    list_filter = ("idea__plan", "language")
    search_fields = ("body",)
    list_select_related = ("idea", "author")
    exclude = ("body_html",)


@admin.register(Flag)
class FlagAdmin(Moderated, ReadOnlyAdmin):
    def target(self, obj):
        return obj.plan

    list_display = ("id", "plan", "idea", "comment", "reason", "created_at", "resolution")
    list_filter = ("plan", "reason", "resolution")
    list_select_related = ("plan", "idea", "comment")


@admin.register(Statement)
class StatementAdmin(Moderated, ReadOnlyAdmin):
    list_display = ("text", "plan", "approved", "rejected_at", "created_at")
    list_filter = ("plan", "approved")
    search_fields = ("text",)
    list_select_related = ("plan",)
