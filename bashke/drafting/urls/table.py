"""The action plan table: objectives, measures, activities, the SMART report."""

urlpatterns = []
