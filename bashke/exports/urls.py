"""Downloads of the action plan: .docx, .xlsx, the commitment template, CSV, JSON; the .xlsx import."""

app_name = "exports"
urlpatterns = []
