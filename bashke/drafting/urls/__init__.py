"""Drafting URLs live under a plan, /<lang>/plans/<slug>/action-plan/…"""

from django.urls import include, path

app_name = "drafting"
urlpatterns = [
    path("", include("bashke.drafting.urls.table")),
    path("", include("bashke.drafting.urls.versions")),
    path("", include("bashke.drafting.urls.report")),
]
