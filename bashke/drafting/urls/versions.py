"""Versions: freeze, publish for comment, compare, endorse, approve."""

from django.urls import path

from bashke.drafting.views import versions

VERSIONS = "plans/<slug:slug>/action-plan/versions/"
VERSION = VERSIONS + "<int:number>/"

urlpatterns = [
    path(VERSIONS, versions.version_list, name="versions"),
    path(VERSIONS + "new/", versions.version_freeze, name="version_freeze"),
    path(VERSIONS + "compare/", versions.version_compare, name="version_compare"),
    path(VERSION, versions.version_detail, name="version"),
    path(VERSION + "comments/", versions.version_comment, name="version_comment"),
    path(VERSION + "comments/<int:comment>/hide/", versions.comment_hide,
         name="version_comment_hide"),
    path(VERSION + "publish/", versions.version_publish, name="version_publish"),
    path(VERSION + "close/", versions.version_close, name="version_close"),
    path(VERSION + "endorsement/", versions.version_endorsement, name="version_endorsement"),
    path(VERSION + "approve/", versions.version_approve, name="version_approve"),
    path(VERSION + "decision/", versions.decision_document, name="version_document"),
]
