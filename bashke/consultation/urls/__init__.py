"""Consultation URLs live under a plan, /<lang>/plans/<slug>/…, except a person's own
page of participation, /<lang>/my-participation/."""

from django.urls import include, path

app_name = "consultation"
urlpatterns = [
    path("", include("bashke.consultation.urls.ideas")),
    path("", include("bashke.consultation.urls.wordform")),
    path("", include("bashke.consultation.urls.deliberation")),
    path("", include("bashke.consultation.urls.briefs")),
    path("", include("bashke.consultation.urls.meetings")),
    path("", include("bashke.consultation.urls.surveys")),
    path("", include("bashke.consultation.urls.summary")),
    path("", include("bashke.consultation.urls.mine")),
]
