"""Surveys in the admin: for looking things up. Surveys are built on the site's own pages,
where every change goes through the services and the audit log, and the answers are read
on the results page and in the exports; so here nothing is added, changed or deleted, and
responses are not listed (who answered is kept only to stop a second response)."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from bashke.consultation.models.surveys import Survey, SurveyOption, SurveyQuestion
from bashke.core.adminkit import ReadOnly
from bashke.plans.admin import RoleScoped


class QuestionInline(ReadOnly, admin.TabularInline):
    model = SurveyQuestion
    fields = ("position", "kind", "text_sq", "text_en", "required")
    readonly_fields = fields
    extra = 0
    show_change_link = True


@admin.register(Survey)
class SurveyAdmin(RoleScoped, ReadOnly, admin.ModelAdmin):
    permission = "consultation.manage_survey"
    list_display = ("__str__", "plan", "component", "opens_at", "closes_at", "status",
                    "on_the_site")
    list_filter = ("status", "plan")
    search_fields = ("title_sq", "title_en")
    date_hierarchy = "opens_at"
    inlines = [QuestionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("plan", "component")

    @admin.display(description=_("on the site"))
    def on_the_site(self, survey):
        url = reverse("consultation:survey_manage",
                      kwargs={"slug": survey.plan.slug, "pk": survey.pk})
        return format_html('<a href="{}">{}</a>', url, _("Manage it there"))


class OptionInline(ReadOnly, admin.TabularInline):
    model = SurveyOption
    fields = ("position", "label_sq", "label_en")
    readonly_fields = fields
    extra = 0


@admin.register(SurveyQuestion)
class SurveyQuestionAdmin(RoleScoped, ReadOnly, admin.ModelAdmin):
    plan_path = "survey__plan"
    component_path = "survey__component"
    permission = "consultation.manage_survey"

    def target(self, obj):
        return obj.survey

    list_display = ("__str__", "survey", "kind", "position", "required")
    list_filter = ("kind",)
    inlines = [OptionInline]

    def get_model_perms(self, request):
        return {}  # reached from its survey, not listed on its own
