"""The criteria sheet: editing it, opening and closing assessment, choosing assessors."""

from django.urls import path

from bashke.assessment.views import criteria

SHEET = "plans/<slug:slug>/assessment/criteria/"
urlpatterns = [
    path(SHEET, criteria.criteria_page, name="criteria"),
    path(SHEET + "scale/", criteria.sheet_settings, name="criteria_scale"),
    path(SHEET + "new/", criteria.criterion_add, name="criterion_add"),
    path(SHEET + "<int:pk>/", criteria.criterion_edit, name="criterion_edit"),
    path(SHEET + "<int:pk>/remove/", criteria.criterion_remove, name="criterion_remove"),
    path(SHEET + "<int:pk>/move/", criteria.criterion_move, name="criterion_move"),
    path(SHEET + "status/", criteria.sheet_status, name="criteria_status"),
    path("plans/<slug:slug>/assessment/assessors/", criteria.assessors, name="assessors"),
    path("plans/<slug:slug>/assessment/assessors/<int:pk>/remove/", criteria.assessor_remove,
         name="assessor_remove"),
]
