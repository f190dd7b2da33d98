from django.urls import path

from bashke.consultation.views.surveys import answer, build, export, results

urlpatterns = [
    path("plans/<slug:slug>/surveys/", build.survey_list, name="surveys"),
    path("plans/<slug:slug>/surveys/new/", build.survey_create, name="survey_create"),
    path("plans/<slug:slug>/surveys/<int:pk>/", answer.survey_detail, name="survey"),
    path("plans/<slug:slug>/surveys/<int:pk>/results/", results.survey_results_page,
         name="survey_results"),
    path("plans/<slug:slug>/surveys/<int:pk>/results/<int:question>/",
         results.text_answers, name="survey_texts"),
    path("plans/<slug:slug>/surveys/<int:pk>/manage/", build.survey_manage,
         name="survey_manage"),
    path("plans/<slug:slug>/surveys/<int:pk>/edit/", build.survey_edit, name="survey_edit"),
    path("plans/<slug:slug>/surveys/<int:pk>/status/", build.survey_status,
         name="survey_status"),
    path("plans/<slug:slug>/surveys/<int:pk>/questions/new/", build.question_add,
         name="survey_question_add"),
    path("plans/<slug:slug>/surveys/<int:pk>/questions/<int:question>/",
         build.question_edit, name="survey_question_edit"),
    path("plans/<slug:slug>/surveys/<int:pk>/questions/<int:question>/delete/",
         build.question_delete, name="survey_question_delete"),
    path("plans/<slug:slug>/surveys/<int:pk>/answers.<str:fmt>", export.survey_export,
         name="survey_export"),
]
