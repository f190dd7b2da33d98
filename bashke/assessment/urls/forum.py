"""The multi-stakeholder forum: members, meetings, decisions."""

from django.urls import path

from bashke.assessment.views import forum

FORUM = "plans/<slug:slug>/forum/"
urlpatterns = [
    path(FORUM, forum.forum, name="forum"),
    path(FORUM + "members/new/", forum.member_add, name="forum_member_add"),
    path(FORUM + "members/<int:pk>/", forum.member_edit, name="forum_member_edit"),
    path(FORUM + "members/<int:pk>/end/", forum.member_end, name="forum_member_end"),
    path(FORUM + "decisions/new/", forum.decision_add, name="forum_decision_add"),
]
