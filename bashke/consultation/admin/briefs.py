"""Briefs and examples in the admin. Every save goes through the services, so the admin
leaves the same audit entries as the web pages; documents are uploaded on the brief's page,
where the file is checked."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from bashke.consultation.models import Brief, Example
from bashke.consultation.services import briefs as services
from bashke.core.permissions import allowed
from bashke.plans.admin import RoleScoped
from bashke.plans.rules import plans_run_by


def _fields(form):
    return {name: form.cleaned_data[name] for name in form.changed_data
            if name in form.cleaned_data}


@admin.register(Brief)
class BriefAdmin(RoleScoped, admin.ModelAdmin):
    """The briefs of the plans one coordinates and of the components one runs."""

    permission = "consultation.manage_brief"
    list_display = ("__str__", "plan", "component", "kind", "published", "order", "page")
    list_filter = ("plan", "kind", "published")
    search_fields = ("title_sq", "title_en")
    fields = ("plan", "component", "kind", "title_sq", "title_en", "body_sq", "body_en",
              "order", "published")

    def get_readonly_fields(self, request, obj=None):
        return ("plan",) if obj is not None else ()  # a brief stays with its plan

    def has_change_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False  # unpublish instead: nothing disappears silently

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only plans one may add a brief to; the service still asks for the component.
        if db_field.name == "plan":
            kwargs["queryset"] = plans_run_by(request.user)
        elif db_field.name == "component":
            kwargs["queryset"] = kwargs.get("queryset", db_field.related_model.objects).filter(
                goal__plan__in=plans_run_by(request.user))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

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
        return allowed(request.user, "consultation.manage_example")

    def has_view_permission(self, request, obj=None):
        return allowed(request.user, "consultation.manage_example", obj)

    has_add_permission = has_change_permission = has_view_permission

    def has_delete_permission(self, request, obj=None):
        return False  # unpublish instead: nothing disappears silently

    def save_model(self, request, obj, form, change):
        if change:
            services.update_example(Example.objects.get(pk=obj.pk), actor=request.user,
                                    **_fields(form))
        else:
            obj.pk = services.create_example(actor=request.user, **form.cleaned_data).pk
