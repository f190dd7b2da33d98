"""The assessment in the admin: for looking things up. Criteria sheets are shaped and
ideas scored on the site's own pages, where every change goes through the services and
the audit log; so here nothing is added, changed or deleted. Lists show the plans one
coordinates (``plans.admin.RoleScoped``)."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from bashke.assessment.models import Assessment, CriteriaSheet, Criterion, CriterionScore
from bashke.core.adminkit import ReadOnly
from bashke.plans.admin import RoleScoped


class CriterionInline(ReadOnly, admin.TabularInline):
    model = Criterion
    fields = ("position", "code", "group_en", "title_en", "title_sq", "weight")
    readonly_fields = fields
    extra = 0


@admin.register(CriteriaSheet)
class CriteriaSheetAdmin(RoleScoped, ReadOnly, admin.ModelAdmin):
    component_path = None
    permission = "assessment.manage_criteria"
    list_display = ("plan", "status", "scale_min", "scale_max", "disagreement_margin",
                    "on_the_site")
    list_filter = ("status",)
    list_select_related = ("plan",)
    inlines = [CriterionInline]

    @admin.display(description=_("page"))
    def on_the_site(self, sheet):
        return format_html('<a href="{}">{}</a>', reverse(
            "assessment:criteria", kwargs={"slug": sheet.plan.slug}),
            _("open and edit on the site"))


class ScoreInline(ReadOnly, admin.TabularInline):
    model = CriterionScore
    fields = ("criterion", "meets", "score", "evidence")
    readonly_fields = fields
    extra = 0


@admin.register(Assessment)
class AssessmentAdmin(RoleScoped, ReadOnly, admin.ModelAdmin):
    plan_path = "sheet__plan"
    component_path = None
    # Each assessor's scores: what "view_scores" lets the plan's coordinators see.
    permission = "assessment.view_scores"
    list_display = ("idea", "assessor", "total", "submitted_at")
    list_filter = ("sheet__plan",)
    list_select_related = ("idea", "assessor")
    search_fields = ("idea__title",)
    inlines = [ScoreInline]

    def target(self, obj):
        return obj.idea
