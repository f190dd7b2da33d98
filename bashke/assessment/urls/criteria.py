"""The criteria sheet: editing it, opening and closing assessment."""

urlpatterns = []
