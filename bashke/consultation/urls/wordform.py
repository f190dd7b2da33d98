from django.urls import path

from bashke.consultation.views import wordform

urlpatterns = [
    path("plans/<slug:slug>/ideas/form.docx", wordform.form_docx, name="idea_form_docx"),
    path("plans/<slug:slug>/ideas/word/", wordform.upload, name="upload_idea_form"),
    path("plans/<slug:slug>/ideas/word/batch/", wordform.upload_batch,
         name="upload_word_batch"),
    path("plans/<slug:slug>/ideas/word/<int:pk>/", wordform.confirm, name="confirm_word_form"),
    path("plans/<slug:slug>/ideas/word/<int:pk>/discard/", wordform.discard,
         name="discard_word_form"),
    path("plans/<slug:slug>/ideas/<int:pk>/idea.docx", wordform.idea_docx, name="idea_docx"),
    path("plans/<slug:slug>/components/<slug:component_slug>/ideas.docx",
         wordform.component_docx, name="component_ideas_docx"),
]
