"""The exports of a plan of 1,000 activities: `python benchmarks/bench_exports.py` on its
own, or from `make bench` (benchmarks/run.py calls :func:`bench` on its database).

Builds a plan (beside the demo's) with a table of 10 specific objectives × 10 measures ×
10 activities (bulk-inserted, with institutions and money), then prints the time of a full request
(test client: middleware, queries, writing the file) for each download and for the
pages and API that show the same table, and of checking
the downloaded .xlsx uploaded back unchanged. The target is under 3 seconds each.

Set EXPORT_BENCH_ACTIVITIES to try another size (a multiple of 100).
"""

import datetime
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal

from fresh_site import setup_django

REPEATS = 3
TARGET_SECONDS = 3.0


def _plan():
    """A plan of its own, in drafting: the demo's plans have approved versions, whose
    tables can no longer be imported."""
    from bashke.plans import services
    from bashke.plans.models import Jurisdiction

    jurisdiction = services.create_jurisdiction(
        actor=None, slug="bench", name_sq="Provë", name_en="Benchmark",
        kind=Jurisdiction.Kind.NATIONAL, country_code="AL")
    plan = services.create_plan(
        actor=None, jurisdiction=jurisdiction, number=1, slug="bench-exports",
        title_sq="Plani i provës", title_en="Benchmark plan",
        start=datetime.date(2030, 1, 1), end=datetime.date(2031, 12, 31))
    goal = services.add_goal(plan, actor=None, number=1, title_sq="Qëllimi",
                             title_en="Goal")
    services.add_component(goal, actor=None, slug="all", position=1, title_sq="Komponenti",
                           title_en="Component")
    return plan


def build(activities):
    from bashke.drafting.models import Activity, Measure, Objective
    from bashke.plans.models import Component, Institution

    plan = _plan()
    component = Component.objects.filter(goal__plan=plan).order_by("goal__number").first()
    institutions = list(Institution.objects.all()[:4])
    per_measure, measures_per_objective = 10, 10
    objectives = Objective.objects.bulk_create([
        Objective(component=component, position=100 + o, title_sq=f"Objektivi {o}",
                  title_en=f"Objective {o}")
        for o in range(activities // (per_measure * measures_per_objective))])
    measures = Measure.objects.bulk_create([
        Measure(objective=objective, position=m + 1, title_sq=f"Masa {m}",
                title_en=f"Measure {m}", lead_institution=institutions[0],
                problem_en="A problem.", transparency_en="Published.")
        for objective in objectives for m in range(measures_per_objective)])
    rows = Activity.objects.bulk_create([
        Activity(measure=measure, position=a + 1, title_sq=f"Aktiviteti {a}",
                 title_en=f"Activity {a}", responsible=institutions[a % len(institutions)],
                 start=plan.start, end=plan.start + datetime.timedelta(days=365),
                 cost=Decimal("1250.50"), state_budget=Decimal("600"),
                 foreign_financing=Decimal("400"), indicator_en="Done", target_en="One")
        for measure in measures for a in range(per_measure)])
    through = Activity.other_responsible.through
    through.objects.bulk_create([through(activity_id=row.pk, institution_id=institutions[1].pk)
                                 for row in rows[::3]])
    return plan


def timed(client, url, repeats=REPEATS, **post):
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        response = client.post(url, post) if post else client.get(url)
        timings.append(time.perf_counter() - started)
        assert response.status_code in (200, 302), (url, response.status_code)
    return statistics.median(timings), response


def bench(out=print):
    """Runs on the database Django is set up with (migrated, with the demo loaded)."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from bashke.accounts.models import User
    from bashke.plans.models import Role
    from bashke.plans.services import assign_role

    size = int(os.environ.get("EXPORT_BENCH_ACTIVITIES", "1000"))
    plan = build(size)
    out(f"\nExports: a plan of {size:,} activities (target: under "
        f"{TARGET_SECONDS:.0f} s each)")
    out(f"{'export':62} {'median s':>9}")
    client = Client()
    base = f"/en/plans/{plan.slug}/export"
    xlsx = None
    for label, url in [("action plan (.docx)", f"{base}/action-plan.docx?lang=sq"),
                       ("action plan (.xlsx)", f"{base}/action-plan.xlsx?lang=sq"),
                       ("OGP commitment template, every measure (.docx)",
                        f"{base}/commitments.docx"),
                       ("commitments (.csv)", f"{base}/commitments.csv"),
                       ("commitments (.json)", f"{base}/commitments.json"),
                       ("API: action plan (.docx)",
                        f"/api/v1/plans/{plan.slug}/export/action-plan.docx"),
                       # The pages that show the same table, for comparison.
                       ("page: the action plan table", f"/sq/plans/{plan.slug}/action-plan/"),
                       ("page: the SMART report", f"/sq/plans/{plan.slug}/action-plan/smart/"),
                       ("API: the action plan hierarchy (JSON)",
                        f"/api/v1/plans/{plan.slug}/action-plan")]:
        seconds, response = timed(client, url)
        if url.endswith("action-plan.xlsx?lang=sq"):
            xlsx = response.content
        flag = "" if seconds < TARGET_SECONDS else "  (over the target)"
        out(f"{label:62.62} {seconds:9.2f}{flag}")
    coordinator = User.objects.create_user(email="bench-coordinator@example.org",
                                           password="bench pass phrase 42",
                                           display_name="Bench")
    assign_role(plan, coordinator, Role.COORDINATOR, actor=None)
    client.force_login(coordinator)
    seconds, _response = timed(client, f"{base}/import/", 1,
                               file=SimpleUploadedFile("table.xlsx", xlsx))
    flag = "" if seconds < TARGET_SECONDS else "  (over the target)"
    out(f"{'import the .xlsx back, unchanged (every cell checked)':62} {seconds:9.2f}{flag}")


def main():
    with tempfile.TemporaryDirectory() as folder:
        setup_django(folder)
        bench()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sys.exit(main())
