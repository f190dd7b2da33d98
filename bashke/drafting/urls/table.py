"""The action plan table: objectives, measures, activities, the SMART report."""

from django.urls import path

from bashke.drafting.views import items, smart, sources, table

ROOT = "plans/<slug:slug>/action-plan/"
OBJECTIVE = ROOT + "objectives/<int:pk>/"
MEASURE = ROOT + "measures/<int:pk>/"
ACTIVITY = ROOT + "activities/<int:pk>/"

urlpatterns = [
    path(ROOT, table.table_page, name="table"),
    path(ROOT + "smart/", smart.smart_report, name="smart_report"),
    path(ROOT + "components/<int:component>/objectives/new/", items.objective_create,
         name="objective_create"),
    path(OBJECTIVE + "edit/", items.objective_edit, name="objective_edit"),
    path(OBJECTIVE + "delete/", items.objective_delete, name="objective_delete"),
    path(OBJECTIVE + "move/", items.objective_move, name="objective_move"),
    path(OBJECTIVE + "measures/new/", items.measure_create, name="measure_create"),
    path(MEASURE, table.measure_page, name="measure"),
    path(MEASURE + "edit/", items.measure_edit, name="measure_edit"),
    path(MEASURE + "delete/", items.measure_delete, name="measure_delete"),
    path(MEASURE + "move/", items.measure_move, name="measure_move"),
    path(MEASURE + "ideas/", sources.measure_sources, name="measure_sources"),
    path(MEASURE + "activities/new/", items.activity_create, name="activity_create"),
    path(ACTIVITY + "edit/", items.activity_edit, name="activity_edit"),
    path(ACTIVITY + "delete/", items.activity_delete, name="activity_delete"),
    path(ACTIVITY + "move/", items.activity_move, name="activity_move"),
    path(ACTIVITY + "ideas/", sources.activity_sources, name="activity_sources"),
]
