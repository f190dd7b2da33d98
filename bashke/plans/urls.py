from django.urls import path

from bashke.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.home, name="home"),
    path("plans/<slug:slug>/", views.plan_detail, name="plan"),
    path("plans/<slug:slug>/history/", views.plan_history, name="history"),
]
