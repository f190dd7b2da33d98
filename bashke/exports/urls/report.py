"""Downloads of the co-creation report (.docx, .csv)."""

from django.urls import path

from bashke.exports import views_report

urlpatterns = [
    path("plans/<slug:slug>/export/co-creation-report.docx", views_report.report_docx_view,
         name="cocreation_report_docx"),
    path("plans/<slug:slug>/export/co-creation-report.csv", views_report.report_csv_view,
         name="cocreation_report_csv"),
]
