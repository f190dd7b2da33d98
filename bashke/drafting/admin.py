"""The action plan table in the admin: for looking things up. The table is drafted on the
site's own pages, where every change goes through the services (permissions, the checks on
amounts and dates, versions, the audit log); so here nothing is added, changed or deleted.
Lists show the rows of the plans and components one works on (``RoleScoped``)."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from bashke.core.adminkit import ReadOnly
from bashke.drafting.models import Activity, Measure, Objective
from bashke.plans.admin import RoleScoped


class TableRows(RoleScoped, ReadOnly, admin.ModelAdmin):
    permission = "drafting.view_table"
    search_fields = ("title_sq", "title_en")

    def plan_of(self, obj):
        raise NotImplementedError

    @admin.display(description=_("page"))
    def on_the_site(self, obj):
        plan = self.plan_of(obj)
        return format_html('<a href="{}">{}</a>', reverse("drafting:table",
                                                           kwargs={"slug": plan.slug}),
                           _("open and edit on the site"))


@admin.register(Objective)
class ObjectiveAdmin(TableRows):
    plan_path = "component__goal__plan"
    component_path = "component"
    list_display = ("__str__", "component", "position", "on_the_site")
    list_select_related = ("component__goal__plan",)

    def plan_of(self, obj):
        return obj.component.goal.plan


@admin.register(Measure)
class MeasureAdmin(TableRows):
    plan_path = "objective__component__goal__plan"
    component_path = "objective__component"
    list_display = ("__str__", "ogp_id", "objective", "lead_institution", "on_the_site")
    list_select_related = ("objective__component__goal__plan", "lead_institution")
    search_fields = ("title_sq", "title_en", "ogp_id")

    def plan_of(self, obj):
        return obj.objective.component.goal.plan


@admin.register(Activity)
class ActivityAdmin(TableRows):
    plan_path = "measure__objective__component__goal__plan"
    component_path = "measure__objective__component"
    list_display = ("__str__", "measure", "responsible", "start", "end", "cost",
                    "on_the_site")
    list_select_related = ("measure__objective__component__goal__plan", "responsible")

    def plan_of(self, obj):
        return obj.measure.objective.component.goal.plan
