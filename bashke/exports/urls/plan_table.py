"""Downloads of the action plan table (.docx, .xlsx, the commitment template, CSV, JSON)
and the .xlsx import back."""

from django.urls import path

from bashke.exports import views

PREFIX = "plans/<slug:slug>/export/"

urlpatterns = [
    path(f"{PREFIX}action-plan.docx", views.action_plan_docx, name="action_plan_docx"),
    path(f"{PREFIX}action-plan.xlsx", views.action_plan_xlsx, name="action_plan_xlsx"),
    path(f"{PREFIX}commitments.docx", views.commitments_docx, name="commitments_docx"),
    path(f"{PREFIX}commitments/<str:number>.docx", views.commitment_template_docx,
         name="commitment_docx"),
    path(f"{PREFIX}commitments.csv", views.commitments_csv, name="commitments_csv"),
    path(f"{PREFIX}commitments.json", views.commitments_json, name="commitments_json"),
    path(f"{PREFIX}import/", views.import_table, name="import_table"),
]
