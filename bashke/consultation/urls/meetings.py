from django.urls import path

from bashke.consultation.views import meetings, meetings_staff

MEETING = "plans/<slug:slug>/meetings/<int:pk>/"

urlpatterns = [
    path("plans/<slug:slug>/meetings/", meetings.meeting_list, name="meetings"),
    path("plans/<slug:slug>/meetings/new/", meetings_staff.meeting_create,
         name="meeting_create"),
    path("plans/<slug:slug>/meetings/participation/", meetings.participation_page,
         name="meeting_participation"),
    path("plans/<slug:slug>/calendar.ics", meetings.plan_calendar, name="plan_calendar"),
    path(MEETING, meetings.meeting_detail, name="meeting"),
    path(MEETING + "meeting.ics", meetings.meeting_calendar, name="meeting_calendar"),
    path(MEETING + "register/", meetings.register, name="meeting_register"),
    path(MEETING + "unregister/", meetings.unregister, name="meeting_unregister"),
    path(MEETING + "documents/<int:document>/", meetings.document, name="meeting_document"),
    path(MEETING + "edit/", meetings_staff.meeting_edit, name="meeting_edit"),
    path(MEETING + "publish/", meetings_staff.meeting_publish, name="meeting_publish"),
    path(MEETING + "cancel/", meetings_staff.meeting_cancel, name="meeting_cancel"),
    path(MEETING + "attendance/", meetings_staff.attendance, name="meeting_attendance"),
    path(MEETING + "attendance/<int:attendance>/remove/", meetings_staff.attendance_remove,
         name="meeting_attendance_remove"),
    path(MEETING + "minutes/", meetings_staff.minutes, name="meeting_minutes"),
    path(MEETING + "documents/", meetings_staff.documents, name="meeting_documents"),
    path(MEETING + "documents/<int:document>/remove/", meetings_staff.document_remove,
         name="meeting_document_remove"),
    path(MEETING + "ideas/new/", meetings_staff.record_idea, name="meeting_idea"),
]
