from django.urls import path

from bashke.consultation.views import deliberation as views
from bashke.consultation.views import statements

IDEA = "plans/<slug:slug>/ideas/<int:pk>/"
COMMENT = "plans/<slug:slug>/comments/<int:pk>/"
ON_IDEA = {"kind": "idea"}
ON_COMMENT = {"kind": "comment"}

urlpatterns = [
    path(f"{IDEA}support/", views.support, name="support_idea"),
    path(f"{IDEA}follow/", views.follow, name="follow_idea"),
    path(f"{IDEA}comments/", views.comment, name="comment_idea"),
    path(f"{IDEA}report/", views.flag, ON_IDEA, name="flag_idea"),
    path(f"{IDEA}hide/", views.hide, ON_IDEA, name="hide_idea"),
    path(f"{IDEA}restore/", views.restore, ON_IDEA, name="restore_idea"),
    path(f"{IDEA}dismiss-reports/", views.dismiss, ON_IDEA, name="dismiss_idea_flags"),
    path(f"{COMMENT}edit/", views.edit_comment, name="edit_comment"),
    path(f"{COMMENT}report/", views.flag, ON_COMMENT, name="flag_comment"),
    path(f"{COMMENT}hide/", views.hide, ON_COMMENT, name="hide_comment"),
    path(f"{COMMENT}restore/", views.restore, ON_COMMENT, name="restore_comment"),
    path(f"{COMMENT}dismiss-reports/", views.dismiss, ON_COMMENT, name="dismiss_comment_flags"),
    path("plans/<slug:slug>/moderation/", views.moderation, name="moderation"),
    path("plans/<slug:slug>/statements/", statements.statements, name="statements"),
    path("plans/<slug:slug>/statements/new/", statements.add_statement, name="add_statement"),
    path("plans/<slug:slug>/statements/<int:pk>/review/", statements.review_statement,
         name="review_statement"),
    path("plans/<slug:slug>/statements/<int:pk>/vote/", statements.vote, name="vote"),
    path("notifications/", views.notification_settings, name="notification_settings"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
