"""The co-creation report: we asked, you said, we did."""

from django.urls import path

from bashke.drafting.views import report

urlpatterns = [
    path("plans/<slug:slug>/action-plan/co-creation-report/", report.cocreation_report,
         name="cocreation_report"),
]
