"""Briefs and examples in the admin. Every save goes through the services, so the admin
leaves the same audit entries as the web pages; documents are uploaded on the brief's page,
where the file is checked."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from bashke.consultation.models import Brief, Example
from bashke.consultation.services import briefs as services
from bashke.plans.admin import CoordinatorAccess


def _fields(form):
    return {name: form.cleaned_data[name] for name in form.changed_data
            if name in form.cleaned_data}


@admin.register(Brief)
class BriefAdmin(CoordinatorAccess, admin.ModelAdmin):
    plan_path = "plan"
    list_display = ("__str__", "plan", "component", "kind", "published", "order", "page")
    list_filter = ("plan", "kind", "published")
    search_fields = ("title_sq", "title_en")
    fields = ("plan", "component", "kind", "title_sq", "title_en", "body_sq", "body_en",
              "order", "published")

    def get_readonly_fields(self, request, obj=None):
        return ("plan",) if obj is not None else ()  # a brief stays with its plan

    def has_change_permission(self, request, obj=None):
        if obj is not None and not request.user.is_superuser:
            return request.user.has_perm("consultation.manage_brief", obj)
        return super().has_change_permission(request, obj)

    @admin.display(description=_("page"))
    def page(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("documents"))

    def save_model(self, request, obj, form, change):
        if change:
            services.update_brief(Brief.objects.get(pk=obj.pk), actor=request.user,
                                  **_fields(form))
        else:
            data = {k: v for k, v in form.cleaned_data.items() if k != "plan"}
            obj.pk = services.create_brief(form.cleaned_data["plan"], actor=request.user,
                                           **data).pk


@admin.register(Example)
class ExampleAdmin(admin.ModelAdmin):
    list_display = ("title_en", "country_en", "period", "theme", "published")
    list_filter = ("theme", "published", "country_en")
    search_fields = ("title_sq", "title_en", "country_sq", "country_en")
    prepopulated_fields = {"slug": ("country_en", "period")}

    def has_module_permission(self, request):
        return request.user.has_perm("consultation.manage_example")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("consultation.manage_example")

    has_add_permission = has_change_permission = has_view_permission

    def has_delete_permission(self, request, obj=None):
        return False  # unpublish instead: nothing disappears silently

    def save_model(self, request, obj, form, change):
        if change:
            services.update_example(Example.objects.get(pk=obj.pk), actor=request.user,
                                    **_fields(form))
        else:
            obj.pk = services.create_example(actor=request.user, **form.cleaned_data).pk
