"""The SMART report: every warning of the plan's table on one page, by criterion and by
item, for the coordinator consolidating the draft and for anyone checking it."""

from django.shortcuts import render

from bashke.core.permissions import require
from bashke.drafting import smart, tree
from bashke.drafting.views.table import plan_or_404


def smart_report(request, slug):
    plan = plan_or_404(slug)
    require(request.user, "drafting.view_table", plan)
    table = tree.build(plan)
    report = smart.check(table)
    rows = []
    for measure in table.measures():
        rows.append((measure, "measure", report.of(f"measure:{measure.id}")))
        for activity in measure.activities:
            rows.append((activity, "activity", report.of(f"activity:{activity.id}")))
    return render(request, "drafting/table/smart.html", {
        "plan": plan, "table": table, "report": report,
        "rows": [row for row in rows if row[2]],
    })
