"""Coordinators edit plan cycles here. Every save goes through :mod:`bashke.plans.services`,
so the admin obeys the same continuity rules and leaves the same audit entries as any other
door. Being staff only opens the admin: each list shows, and each page changes, only what
the person's roles on a plan allow (``plans/rules.py``, asked through the kernel)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance

from bashke.core.permissions import allowed
from bashke.plans import continuity, services
from bashke.plans.models import (
    ActionPlan,
    Component,
    Institution,
    Jurisdiction,
    PlanRole,
    PolicyGoal,
    Role,
    Stage,
)
from bashke.plans.rules import (
    COMPONENT_ROLES,
    coordinated_plans,
    plans_run_by,
    rows_run_by,
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
    # The cycle's rules and the submission check (no idea left without a response).
    rule = staticmethod(services.check_plan)

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


class CoordinatorAccess:
    """Lets a plan's coordinators (staff accounts without superuser rights) run their plans
    here; what they may touch is asked of the kernel, with the same rules as everywhere.

    ``plan_path`` says how to reach the plan from a row: "" for a plan itself, "plan" for a
    stage, None for shared reference data (institutions) that any coordinator may edit.
    ``permission`` is asked for one row (of its plan); ``shared_permission`` for a list,
    for adding, and for shared reference data."""

    plan_path = None
    permission = "plans.change_plan"
    shared_permission = "plans.open_plan"

    def _plan_of(self, obj):
        return obj if self.plan_path == "" else getattr(obj, self.plan_path)

    def _shared(self, request):
        return allowed(request.user, self.shared_permission)

    def has_module_permission(self, request):
        return self._shared(request)

    def has_view_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return self._shared(request)

    def has_change_permission(self, request, obj=None):
        if obj is None or self.plan_path is None:
            return self._shared(request)
        return allowed(request.user, self.permission, self._plan_of(obj))

    def has_delete_permission(self, request, obj=None):
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        coordinated = coordinated_plans(request.user)
        if db_field.name == "plan":
            kwargs["queryset"] = coordinated
        elif db_field.name == "component":
            kwargs["queryset"] = Component.objects.filter(goal__plan__in=coordinated)
        elif db_field.name == "previous":
            kwargs["queryset"] = ActionPlan.objects.filter(
                jurisdiction__in=coordinated.values("jurisdiction"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_queryset(self, request):
        rows = super().get_queryset(request)
        if self.plan_path is None:
            return rows
        lookup = f"{self.plan_path}__in" if self.plan_path else "pk__in"
        return rows.filter(**{lookup: coordinated_plans(request.user)})


class RoleScoped:
    """For the rows of a plan kept by other apps (briefs, meetings, surveys, comments…):
    lists show only the rows of the plans on which one holds one of ``roles`` and, with
    ``component_path``, of the components one leads or supports; one row is shown or
    changed only when the kernel allows ``permission`` on ``target(row)``. Staff without
    a role see nothing; superusers see everything."""

    plan_path = "plan"
    component_path = "component"
    roles = (Role.COORDINATOR,)
    permission = None

    def target(self, obj):
        return obj

    def get_queryset(self, request):
        return super().get_queryset(request).filter(
            rows_run_by(request.user, self.plan_path, self.component_path, self.roles))

    def has_module_permission(self, request):
        roles = (*self.roles, *COMPONENT_ROLES) if self.component_path else self.roles
        return plans_run_by(request.user, roles).exists()

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return self.has_module_permission(request)
        return allowed(request.user, self.permission, self.target(obj))


class ServiceSavedAdmin(CoordinatorAccess, admin.ModelAdmin):
    create = update = None

    def save_model(self, request, obj, form, change):
        fields = _fields(form)
        if change:
            saved = self.update(obj, actor=request.user, **fields)
        else:
            saved = self.create(actor=request.user, **fields)
        obj.pk = saved.pk



@admin.register(Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):
    list_display = ("name_en", "name_sq", "kind", "country_code", "ogp_member_since")
    prepopulated_fields = {"slug": ("name_en",)}

    def has_module_permission(self, request):
        return allowed(request.user, "plans.manage_jurisdictions")

    def has_view_permission(self, request, obj=None):
        return allowed(request.user, "plans.manage_jurisdictions", obj)

    has_add_permission = has_change_permission = has_view_permission

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            obj.pk = services.create_jurisdiction(actor=request.user, **_fields(form)).pk


@admin.register(Institution)
class InstitutionAdmin(ServiceSavedAdmin):
    shared_permission = "plans.manage_institutions"
    list_display = ("name_en", "name_sq", "acronym", "kind")
    list_filter = ("kind",)
    search_fields = ("name_en", "name_sq", "acronym")
    create = staticmethod(services.create_institution)
    update = staticmethod(services.update_institution)


class CoordinatorInline:
    """Inline rows follow their parent's permission: ``obj`` here is the parent."""

    permission = "plans.change_plan"

    def _allowed(self, request, obj):
        if obj is None:
            return allowed(request.user, "plans.open_plan")
        plan = obj if isinstance(obj, ActionPlan) else obj.plan
        return allowed(request.user, self.permission, plan)

    def has_view_permission(self, request, obj=None):
        return self._allowed(request, obj)

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission


class StageInline(CoordinatorInline, admin.TabularInline):
    permission = "plans.manage_stages"
    model = Stage
    form = StageForm
    extra = 0
    fields = ("kind", "start", "end", "title_sq", "title_en", "responsible")
    autocomplete_fields = ("responsible",)


@admin.register(ActionPlan)
class ActionPlanAdmin(ServiceSavedAdmin):
    plan_path = ""
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
        # The admin's change message reads these lists, as after formset.save().
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for stage_form in formset.forms:
            if not stage_form.has_changed() or not stage_form.cleaned_data:
                continue
            fields = _fields(stage_form)
            fields.pop("plan", None)
            if stage_form.cleaned_data.get("DELETE") and stage_form.instance.pk:
                services.remove_stage(stage_form.instance, actor=request.user)
                formset.deleted_objects.append(stage_form.instance)
            elif stage_form.instance.pk:
                stage = services.update_stage(Stage.objects.get(pk=stage_form.instance.pk),
                                              actor=request.user, **fields)
                formset.changed_objects.append((stage, stage_form.changed_data))
            else:
                stage = services.add_stage(form.instance, actor=request.user, **fields)
                formset.new_objects.append(stage)


class ComponentInline(CoordinatorInline, admin.StackedInline):
    model = Component
    extra = 0
    fields = ("position", "slug", "title_sq", "title_en", "leaders", "secretariat")
    filter_horizontal = ("leaders", "secretariat")


@admin.register(PolicyGoal)
class PolicyGoalAdmin(CoordinatorAccess, admin.ModelAdmin):
    plan_path = "plan"
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
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            for component_form in formset.forms:
                if not component_form.has_changed() or not component_form.cleaned_data:
                    continue
                data = component_form.cleaned_data
                leaders, secretariat = data.get("leaders", []), data.get("secretariat", [])
                fields = {k: v for k, v in _fields(component_form).items() if k != "goal"}
                if component_form.instance.pk:
                    component = services.update_component(
                        Component.objects.get(pk=component_form.instance.pk),
                        actor=request.user, **fields)
                    services.set_component_institutions(component, actor=request.user,
                                                        leaders=leaders, secretariat=secretariat)
                    formset.changed_objects.append((component, component_form.changed_data))
                else:
                    formset.new_objects.append(services.add_component(
                        form.instance, actor=request.user, leaders=leaders,
                        secretariat=secretariat, **fields))


@admin.register(PlanRole)
class PlanRoleAdmin(CoordinatorAccess, admin.ModelAdmin):
    plan_path = "plan"
    permission = "plans.assign_roles"
    list_display = ("user", "plan", "role", "component")
    list_filter = ("plan", "role")
    raw_id_fields = ("user",)

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            services.revoke_role(PlanRole.objects.get(pk=obj.pk), actor=request.user)
        obj.pk = services.assign_role(data["plan"], data["user"], data["role"],
                                      actor=request.user, component=data.get("component")).pk

    def has_delete_permission(self, request, obj=None):
        # Revoking a role is how a coordinator hands a component to someone else.
        return self.has_change_permission(request, obj)

    def delete_model(self, request, obj):
        services.revoke_role(obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for plan_role in queryset:
            services.revoke_role(plan_role, actor=request.user)


@admin.register(Component)
class ComponentAdmin(RoleScoped, admin.ModelAdmin):
    """A component's leaders and secretariat shape its title while the plan is co-created
    (``plans.change_component``); its coordinators always. Goals, leaders and secretariat
    are set by the coordinator on the goal's page."""

    plan_path = "goal__plan"
    component_path = "pk"  # the components one leads or supports are these rows themselves
    permission = "plans.change_component"
    list_display = ("__str__", "goal", "position")
    list_select_related = ("goal", "goal__plan")
    fields = ("position", "slug", "title_sq", "title_en")

    def has_change_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False  # added with their goal

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        services.update_component(Component.objects.get(pk=obj.pk), actor=request.user,
                                  **{name: form.cleaned_data[name] for name in form.changed_data})
