"""Assessors' work: assignments, scoring, the offline sheet, the ranking."""

urlpatterns = []
