"""The multi-stakeholder forum: members, meetings, decisions."""

urlpatterns = []
