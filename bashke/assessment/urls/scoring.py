"""Assessors' work: their ideas, scoring, the offline sheet; one idea's scores; the
ranking."""

from django.urls import path

from bashke.assessment.views import ranking, scoring

BASE = "plans/<slug:slug>/assessment/"
urlpatterns = [
    path(BASE + "mine/", scoring.my_assessments, name="my_assessments"),
    path(BASE + "mine/sheet.xlsx", scoring.sheet_download, name="sheet_download"),
    path(BASE + "mine/upload/", scoring.sheet_upload, name="sheet_upload"),
    path(BASE + "ideas/<int:pk>/", scoring.assess, name="assess"),
    path(BASE + "ideas/<int:pk>/scores/", scoring.idea_scores, name="idea_scores"),
    path(BASE + "ranking/", ranking.ranking_page, name="ranking"),
]
