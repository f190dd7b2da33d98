from django.urls import path

from bashke.consultation.views import mine

urlpatterns = [
    path("my-participation/", mine.my_participation, name="my_participation"),
]
