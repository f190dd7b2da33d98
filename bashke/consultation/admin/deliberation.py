"""Deliberation in the admin: to look things up, and for ideas to hide or restore them.
Every change goes through the services (as on the site's moderation queue), so that each
leaves its public reason and its audit entry; supports and votes are not listed at all —
who chose what is nobody's business, the totals are on the site."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from bashke.consultation.models import Comment, Flag, Idea, Statement
from bashke.consultation.services import deliberation as services
from bashke.core.adminkit import ReadOnly
from bashke.plans.admin import RoleScoped
from bashke.plans.models import Role


class Moderated(RoleScoped):
    """The plan's moderators and coordinators look things up here (consultation.moderate)."""

    component_path = None
    roles = (Role.COORDINATOR, Role.MODERATOR)
    permission = "consultation.moderate"


class ReadOnlyAdmin(ReadOnly, admin.ModelAdmin):
    pass


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Reason shown in its place"), max_length=500,
                             widget=forms.Textarea(attrs={"rows": 3}))


def _each(modeladmin, request, queryset, act):
    """Runs ``act`` on each idea through the services; says how many and what was refused."""
    done = 0
    for idea in queryset:
        try:
            act(idea)
        except (PermissionDenied, ValidationError) as error:
            text = " ".join(getattr(error, "messages", [str(error)]))
            modeladmin.message_user(request, f"{idea.pk}: {text}", messages.ERROR)
        else:
            done += 1
    return done


@admin.action(description=_("Hide the selected ideas, with a public reason"))
def hide_ideas(modeladmin, request, queryset):
    form = HideForm(request.POST if "reason" in request.POST else None)
    if form.is_bound and form.is_valid():
        done = _each(modeladmin, request, queryset, lambda idea: services.hide(
            idea, actor=request.user, reason=form.cleaned_data["reason"]))
        modeladmin.message_user(request, ngettext("%(count)s idea hidden.",
                                                  "%(count)s ideas hidden.", done)
                                % {"count": done})
        return None
    return TemplateResponse(request, "admin/consultation/idea/hide.html", {
        **modeladmin.admin_site.each_context(request), "title": _("Hide ideas"),
        "ideas": queryset, "form": form, "opts": modeladmin.model._meta,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME})


@admin.action(description=_("Restore the selected ideas"))
def restore_ideas(modeladmin, request, queryset):
    done = _each(modeladmin, request, queryset,
                 lambda idea: services.restore(idea, actor=request.user))
    modeladmin.message_user(request, ngettext("%(count)s idea restored.",
                                              "%(count)s ideas restored.", done)
                            % {"count": done})


@admin.register(Idea)
class IdeaAdmin(Moderated, ReadOnlyAdmin):
    """A plan's moderators and coordinators find its ideas here and hide or restore them."""

    list_display = ("title", "plan", "component", "channel", "submitted_at", "hidden_at")
    list_filter = ("plan", "channel", "status")
    search_fields = ("title", "search_text")
    list_select_related = ("plan", "component")
    exclude = ("search_text",)
    actions = [hide_ideas, restore_ideas]

    def has_change_permission(self, request, obj=None):
        # The actions need the list to allow acting; each idea is then asked of the kernel
        # by the services themselves. Nothing is edited in a form here.
        return obj is None and self.has_module_permission(request)


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
