"""The co-creation report: we asked, you said, we did."""

urlpatterns = []
