"""Decisions on ideas and their reasoned responses."""

urlpatterns = []
