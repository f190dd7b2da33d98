from django.urls import path

from bashke.consultation.views import ideas

urlpatterns = [
    path("plans/<slug:slug>/ideas/", ideas.idea_list, name="ideas"),
    path("plans/<slug:slug>/ideas/new/", ideas.submit, name="submit_idea"),
    path("plans/<slug:slug>/ideas/new/draft/", ideas.save_draft, name="save_idea_draft"),
    path("plans/<slug:slug>/ideas/record/", ideas.record, name="record_idea"),
    path("plans/<slug:slug>/ideas/<int:pk>/", ideas.idea_detail, name="idea"),
    path("plans/<slug:slug>/ideas/<int:pk>/edit/", ideas.edit, name="edit_idea"),
    path("plans/<slug:slug>/ideas/<int:pk>/withdraw/", ideas.withdraw, name="withdraw_idea"),
]
