"""Export URLs live under a plan, /<lang>/plans/<slug>/export/…"""

from django.urls import include, path

app_name = "exports"
urlpatterns = [
    path("", include("bashke.exports.urls.plan_table")),
    path("", include("bashke.exports.urls.report")),
]
