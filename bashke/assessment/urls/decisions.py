"""Decisions on ideas and their reasoned responses."""

from django.urls import path

from bashke.assessment.views import decisions

urlpatterns = [
    path("plans/<slug:slug>/decisions/", decisions.queue, name="decisions"),
    path("plans/<slug:slug>/ideas/<int:pk>/decision/", decisions.decide, name="decide"),
]
