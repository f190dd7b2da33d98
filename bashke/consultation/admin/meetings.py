"""Meetings in the admin: for looking things up. Meetings are run on the site's own pages
(schedule, publish, cancel, attendance…), where every change goes through the services and
the audit log; so here nothing is added, changed or deleted."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from bashke.consultation.models.meetings import (
    Attendance,
    Meeting,
    MeetingDocument,
    MeetingRegistration,
)
from bashke.core.adminkit import ReadOnly
from bashke.plans.admin import RoleScoped


class DocumentInline(ReadOnly, admin.TabularInline):
    model = MeetingDocument
    fields = ("title", "filename", "size", "uploaded_at")
    readonly_fields = fields
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(RoleScoped, ReadOnly, admin.ModelAdmin):
    permission = "consultation.manage_meeting"
    list_display = ("__str__", "plan", "component", "starts_at", "status", "on_the_site")
    list_filter = ("status", "kind", "plan")
    search_fields = ("title_sq", "title_en", "place")
    date_hierarchy = "starts_at"
    list_select_related = ("plan", "component")
    inlines = [DocumentInline]

    @admin.display(description=_("page"))
    def on_the_site(self, meeting):
        return format_html('<a href="{}">{}</a>', meeting.get_absolute_url(),
                           _("open and edit on the site"))


class ItsMeetingsPeople(RoleScoped):
    """Who registered or came: for those who run the meeting, as its attendance page."""

    plan_path = "meeting__plan"
    component_path = "meeting__component"
    permission = "consultation.view_attendance_names"

    def target(self, obj):
        return obj.meeting


@admin.register(MeetingRegistration)
class RegistrationAdmin(ItsMeetingsPeople, ReadOnly, admin.ModelAdmin):
    list_display = ("meeting", "user", "created_at")
    list_select_related = ("meeting", "user")
    search_fields = ("meeting__title_en", "meeting__title_sq")


@admin.register(Attendance)
class AttendanceAdmin(ItsMeetingsPeople, ReadOnly, admin.ModelAdmin):
    list_display = ("name", "meeting", "organisation_name", "sector")
    list_select_related = ("meeting",)
    list_filter = ("sector",)
    search_fields = ("name", "organisation_name")
