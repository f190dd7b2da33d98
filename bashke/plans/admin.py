"""Staff edit plan cycles here. Every save goes through :mod:`bashke.plans.services`, so the
admin obeys the same continuity rules and leaves the same audit entries as any other door."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance

from bashke.plans import continuity, services
from bashke.plans.models import (
    ActionPlan,
    Component,
    Institution,
    Jurisdiction,
    PlanRole,
    PolicyGoal,
    Stage,
)


def _fields(form):
    return {name: form.cleaned_data[name] for name in form.cleaned_data
            if name in {f.name for f in form._meta.model._meta.concrete_fields}
            and name not in {"id"}}


class CheckedForm(forms.ModelForm):
    """Runs the cycle rule for the edited instance in ``clean`` so errors land on fields."""

    rule = None

    def clean(self):
        cleaned = super().clean()
        if self.rule and not self.errors:
            candidate = construct_instance(self, self._meta.model(pk=self.instance.pk))
            for attribute in getattr(self, "carried_over", ()):
                setattr(candidate, attribute, getattr(self.instance, attribute))
            try:
                type(self).rule(candidate)
            except ValidationError as error:
                self._update_errors(error)
        return cleaned


class PlanForm(CheckedForm):
    rule = staticmethod(continuity.check_plan)

    class Meta:
        model = ActionPlan
        fields = ("jurisdiction", "number", "slug", "title_sq", "title_en", "summary_sq",
                  "summary_en", "start", "end", "status", "previous", "gap_reason",
                  "length_override_reason")


class StageForm(CheckedForm):
    rule = staticmethod(continuity.check_stage)
    carried_over = ("plan_id",)

    class Meta:
        model = Stage
        fields = ("kind", "start", "end", "title_sq", "title_en", "description_sq",
                  "description_en", "responsible")


class ServiceSavedAdmin(admin.ModelAdmin):
    create = update = None

    def save_model(self, request, obj, form, change):
        fields = _fields(form)
        if change:
            saved = self.update(obj, actor=request.user, **fields)
        else:
            saved = self.create(actor=request.user, **fields)
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        raise ValidationError("Plan-cycle records are not deleted here; change them instead.")

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):
    list_display = ("name_en", "name_sq", "kind", "country_code", "ogp_member_since")
    prepopulated_fields = {"slug": ("name_en",)}

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            obj.pk = services.create_jurisdiction(actor=request.user, **_fields(form)).pk


@admin.register(Institution)
class InstitutionAdmin(ServiceSavedAdmin):
    list_display = ("name_en", "name_sq", "acronym", "kind")
    list_filter = ("kind",)
    search_fields = ("name_en", "name_sq", "acronym")
    create = staticmethod(services.create_institution)
    update = staticmethod(services.update_institution)


class StageInline(admin.TabularInline):
    model = Stage
    form = StageForm
    extra = 0
    fields = ("kind", "start", "end", "title_sq", "title_en", "responsible")
    autocomplete_fields = ("responsible",)


@admin.register(ActionPlan)
class ActionPlanAdmin(ServiceSavedAdmin):
    form = PlanForm
    list_display = ("title_en", "jurisdiction", "number", "start", "end", "status")
    list_filter = ("jurisdiction", "status")
    search_fields = ("title_en", "title_sq", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    inlines = [StageInline]
    create = staticmethod(services.create_plan)
    update = staticmethod(services.update_plan)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Stage:
            return super().save_formset(request, form, formset, change)
        for stage_form in formset.forms:
            if not stage_form.has_changed() or not stage_form.cleaned_data:
                continue
            fields = _fields(stage_form)
            fields.pop("plan", None)
            if stage_form.cleaned_data.get("DELETE") and stage_form.instance.pk:
                services.remove_stage(stage_form.instance, actor=request.user)
            elif stage_form.instance.pk:
                services.update_stage(stage_form.instance, actor=request.user, **fields)
            else:
                services.add_stage(form.instance, actor=request.user, **fields)


class ComponentInline(admin.StackedInline):
    model = Component
    extra = 0
    fields = ("position", "slug", "title_sq", "title_en", "leaders", "secretariat")
    filter_horizontal = ("leaders", "secretariat")


@admin.register(PolicyGoal)
class PolicyGoalAdmin(admin.ModelAdmin):
    list_display = ("__str__", "plan", "number")
    list_filter = ("plan",)
    inlines = [ComponentInline]

    def save_model(self, request, obj, form, change):
        fields = _fields(form)
        plan = fields.pop("plan")
        if change:
            services.update_goal(obj, actor=request.user, **fields)
        else:
            obj.pk = services.add_goal(plan, actor=request.user, **fields).pk

    def save_related(self, request, form, formsets, change):
        for formset in formsets:
            for component_form in formset.forms:
                if not component_form.has_changed() or not component_form.cleaned_data:
                    continue
                data = component_form.cleaned_data
                leaders, secretariat = data.get("leaders", []), data.get("secretariat", [])
                component = component_form.instance
                fields = {k: v for k, v in _fields(component_form).items() if k != "goal"}
                if component.pk:
                    services.update_component(Component.objects.get(pk=component.pk),
                                              actor=request.user, **fields)
                    services.set_component_institutions(component, actor=request.user,
                                                        leaders=leaders, secretariat=secretariat)
                else:
                    services.add_component(form.instance, actor=request.user, leaders=leaders,
                                           secretariat=secretariat, **fields)


@admin.register(PlanRole)
class PlanRoleAdmin(admin.ModelAdmin):
    list_display = ("user", "plan", "role", "component")
    list_filter = ("plan", "role")
    raw_id_fields = ("user",)

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            services.revoke_role(PlanRole.objects.get(pk=obj.pk), actor=request.user)
        obj.pk = services.assign_role(data["plan"], data["user"], data["role"],
                                      actor=request.user, component=data.get("component")).pk

    def delete_model(self, request, obj):
        services.revoke_role(obj, actor=request.user)
