from django.urls import path

from bashke.consultation.views import briefs as views

plan = "plans/<slug:slug>/briefs/"
urlpatterns = [
    path(plan, views.brief_list, name="briefs"),
    path(f"{plan}new/", views.brief_create, name="brief_create"),
    path(f"{plan}<int:pk>/", views.brief_detail, name="brief"),
    path(f"{plan}<int:pk>/edit/", views.brief_edit, name="brief_edit"),
    path(f"{plan}<int:pk>/publish/", views.brief_publish, name="brief_publish"),
    path(f"{plan}<int:pk>/sent/", views.package_sent, name="brief_package_sent"),
    path(f"{plan}<int:pk>/documents/new/", views.document_upload, name="brief_document_upload"),
    path(f"{plan}<int:pk>/documents/<int:document>/", views.document_download,
         name="brief_document"),
    path(f"{plan}<int:pk>/documents/<int:document>/remove/", views.document_remove,
         name="brief_document_remove"),
    path("examples/", views.example_list, name="examples"),
    path("examples/new/", views.example_form, name="example_create"),
    path("examples/<slug:example>/", views.example_detail, name="example"),
    path("examples/<slug:example>/edit/", views.example_form, name="example_edit"),
]
