"""Versions: freeze, publish for comment, compare, endorse, approve."""

urlpatterns = []
