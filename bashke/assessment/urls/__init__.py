"""Assessment URLs live under a plan, /<lang>/plans/<slug>/assessment/…, /…/decisions/…
and /…/forum/…"""

from django.urls import include, path

app_name = "assessment"
urlpatterns = [
    path("", include("bashke.assessment.urls.criteria")),
    path("", include("bashke.assessment.urls.scoring")),
    path("", include("bashke.assessment.urls.decisions")),
    path("", include("bashke.assessment.urls.forum")),
]
