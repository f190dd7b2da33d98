"""Downloads of the action plan table (.docx, .xlsx, the commitment template, CSV, JSON)
and the .xlsx import back."""

urlpatterns = []
