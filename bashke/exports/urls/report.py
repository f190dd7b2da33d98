"""Downloads of the co-creation report (.docx, .csv)."""

urlpatterns = []
