from django.urls import path

from bashke.consultation.views import summary as views

urlpatterns = [
    path("plans/<slug:slug>/input/", views.input_summary, name="input_summary"),
    path("plans/<slug:slug>/input/<slug:component_slug>/", views.input_summary,
         name="input_summary_component"),
]
