from django import forms
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bashke.accounts import services, throttle
from bashke.accounts.forms import LoginForm
from bashke.accounts.models import PERSONAL_FIELDS, LoginFailure, Organisation, User
from bashke.accounts.services import AUDITED_USER_FIELDS
from bashke.core import audit
from bashke.core.models import AuditEntry
from bashke.core.permissions import allowed


class AdminLoginForm(LoginForm, AdminAuthenticationForm):
    """The admin's log-in counts failures like ours; otherwise it would be the way round
    the throttle."""


admin.site.login_form = AdminLoginForm


class AuditedAdmin(admin.ModelAdmin):
    """Edits made in the admin leave the same audit entries as the services do."""

    audited_fields = None  # None: every concrete field
    personal_fields = ()

    def _snapshot(self, obj):
        return audit.snapshot(obj, fields=self.audited_fields)

    def audit_scope(self, obj) -> str:
        return ""

    def save_model(self, request, obj, form, change):
        before = self._snapshot(type(obj).objects.get(pk=obj.pk)) if change else {}
        super().save_model(request, obj, form, change)
        if change and before == self._snapshot(obj):
            return
        audit.record(actor=request.user, instance=obj, before=before,
                     after=self._snapshot(obj), personal_fields=self.personal_fields,
                     action=AuditEntry.Action.UPDATE if change else AuditEntry.Action.CREATE,
                     scope=self.audit_scope(obj), note="Changed in the admin.")

    def delete_model(self, request, obj):
        self._record_deletion(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self._record_deletion(request, obj)
        super().delete_queryset(request, queryset)

    def _record_deletion(self, request, obj):
        audit.record(actor=request.user, action=AuditEntry.Action.DELETE, instance=obj,
                     before=self._snapshot(obj), personal_fields=self.personal_fields,
                     scope=self.audit_scope(obj), note="Deleted in the admin.")


class CheckedEmail:
    """The services' address check in ``clean``: "Ana@Example.org" beside "ana@example.org"
    is an error on the field, not a failed save."""

    def clean_email(self):
        email = self.cleaned_data["email"]
        if services.email_taken(email, exclude=self.instance if self.instance.pk else None):
            raise ValidationError(services.duplicate_email_error().message_dict["email"])
        return email


class UserCreationForm(CheckedEmail, auth_forms.AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "display_name")


class UserChangeForm(CheckedEmail, auth_forms.UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(AuditedAdmin, auth_admin.UserAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    audited_fields = (*AUDITED_USER_FIELDS, "is_staff", "is_superuser")
    personal_fields = PERSONAL_FIELDS
    # Gender is deliberately absent from lists and filters: it is for statistics only.
    list_display = ("email", "display_name", "organisation", "sector", "email_verified",
                    "is_active", "is_staff")
    list_filter = ("is_active", "is_staff", "email_verified", "sector")
    list_select_related = ("organisation",)
    search_fields = ("email", "display_name")
    ordering = ("email",)
    autocomplete_fields = ("organisation",)
    readonly_fields = ("last_login", "date_joined", "verification_sent_at",
                       "password_reset_sent_at")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("display_name", "organisation", "sector", "gender",
                                  "preferred_language")}),
        (_("E-mail"), {"fields": ("email_verified", "verification_sent_at",
                                  "password_reset_sent_at")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups",
                                       "user_permissions")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",),
                "fields": ("email", "display_name", "usable_password", "password1",
                           "password2")}),
    )

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request, obj)
        return allowed(request.user, "accounts.administer_accounts", obj)

    def save_model(self, request, obj, form, change):
        # Through the services, like every admin: their checks and audit entries.
        if change:
            changes = {name: form.cleaned_data[name] for name in form.changed_data
                       if name in services.ADMIN_FIELDS}
            services.change_account(User.objects.get(pk=obj.pk), actor=request.user,
                                    **changes)
            return
        usable = form.cleaned_data.get("usable_password") not in (False, "false")
        obj.pk = services.create_account(
            actor=request.user, email=form.cleaned_data["email"],
            display_name=form.cleaned_data["display_name"],
            password=form.cleaned_data.get("password1") if usable else None).pk
        obj._state.adding = False


class OrganisationAdminForm(forms.ModelForm):
    """Runs the services' name check in ``clean``, so that a second "QENDRA LIGJORE" beside
    "Qendra Ligjore" is an error on the name field rather than a failed save."""

    class Meta:
        model = Organisation
        fields = services.ORGANISATION_FIELDS

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        try:
            services.check_organisation_name(name, instance=self.instance)
        except ValidationError as error:
            raise ValidationError(error.message_dict["name"]) from None
        return name


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    """Saves through the services (their checks and audit entries), as every admin does."""

    form = OrganisationAdminForm
    list_display = ("name", "acronym", "sector", "member_count")
    list_filter = ("sector",)
    search_fields = ("name", "acronym")
    prepopulated_fields = {"slug": ("name",)}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request).with_member_count()

    def audit_scope(self, obj):
        return obj.audit_scope

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request, obj)
        return allowed(request.user, "accounts.change_organisation_listing", obj)

    def save_model(self, request, obj, form, change):
        fields = {name: form.cleaned_data[name] for name in services.ORGANISATION_FIELDS}
        if change:
            changed = {name: fields[name] for name in form.changed_data if name in fields}
            services.update_organisation(Organisation.objects.get(pk=obj.pk),
                                         actor=request.user, **changed)
        else:
            obj.pk = services.create_organisation(actor=request.user, **fields).pk

    @admin.display(description=_("members"), ordering="member_count")
    def member_count(self, obj):
        return obj.member_count


@admin.register(LoginFailure)
class LoginFailureAdmin(admin.ModelAdmin):
    """Read-only. Above the list, every throttle in force now (who waits, until when), so
    staff can see each lock-out; deleting a pair's rows lifts it early."""

    list_display = ("email", "ip", "at")
    search_fields = ("email", "ip")
    date_hierarchy = "at"
    change_list_template = "admin/accounts/loginfailure/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "lockouts": throttle.current_lockouts()}
        return super().changelist_view(request, extra_context=extra_context)
