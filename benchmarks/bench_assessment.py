"""The assessment ranking at 10,000 ideas × 5 assessors: `python benchmarks/bench_assessment.py`
on its own, or from `make bench` (benchmarks/run.py calls :func:`bench` on its database).

Adds 10,000 ideas to the Korçë demo plan (its criteria sheet is open) and five assessors who
have each submitted an assessment of every idea — 50,000 assessments and 650,000 scores,
bulk-inserted with their totals as the service keeps them — then prints the median time of
a full request (test client: middleware, templates and queries) and the number of SQL
queries for the ranking page and the API, plain and with each filter.

Set ASSESSMENT_BENCH_IDEAS to try another size.
"""

import os
import random
import statistics
import sys
import tempfile
import time

from fresh_site import setup_django

REPEATS = 9
ASSESSORS = 5
BATCH = 5000


def build(ideas_wanted):
    from django.utils import timezone

    from bashke.accounts.models import User
    from bashke.assessment.models import Assessment, CriterionScore, SheetStatus
    from bashke.assessment.services import criteria as criteria_services
    from bashke.assessment.services import scoring
    from bashke.consultation.models import Channel, Idea
    from bashke.plans.models import ActionPlan, Component

    plan = ActionPlan.objects.filter(slug__startswith="korce").order_by("number").first()
    sheet = criteria_services.ensure_sheet(plan)
    if sheet.status == SheetStatus.PREPARING:
        sheet = criteria_services.open_assessment(sheet, actor=None)
    criteria = list(sheet.criteria.all())
    components = list(Component.objects.filter(goal__plan=plan))
    people = []
    for number in range(ASSESSORS):
        user = User.objects.create_user(email=f"bench-assessor-{number}@example.org",
                                        password=None, display_name=f"Bench {number}")
        scoring.assign_assessor(plan, user, actor=None)
        people.append(user)
    started = time.perf_counter()
    now = timezone.now()
    ideas = Idea.objects.bulk_create(
        Idea(plan=plan, component=components[n % len(components)],
             goal_id=components[n % len(components)].goal_id, title=f"Ideja {n}",
             overall_idea="Një ide e gjeneruar.", channel=Channel.EMAIL,
             search_text=f"ideja {n}") for n in range(ideas_wanted))
    generator = random.Random(1)
    for start in range(0, len(ideas), BATCH // ASSESSORS):
        chunk = ideas[start:start + BATCH // ASSESSORS]
        assessments, values = [], []
        for idea in chunk:
            for person in people:
                given = {c.pk: generator.randint(sheet.scale_min, sheet.scale_max)
                         for c in criteria}
                assessments.append(Assessment(
                    sheet=sheet, idea=idea, assessor=person, submitted_at=now,
                    total=scoring.weighted_total(criteria, given)))
                values.append(given)
        Assessment.objects.bulk_create(assessments)
        CriterionScore.objects.bulk_create(
            (CriterionScore(assessment=assessment, criterion_id=pk, score=score,
                            meets="partly")
             for assessment, given in zip(assessments, values, strict=True)
             for pk, score in given.items()), batch_size=BATCH)
    return plan, len(ideas), time.perf_counter() - started


def timed(client, url, repeats=REPEATS):
    """(median ms, queries) of full requests."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        started = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return (time.perf_counter() - started) * 1000

    timings = [get() for _ in range(repeats - 1)]
    with CaptureQueriesContext(connection) as queries:
        timings.append(get())
    return statistics.median(timings), len(queries)


def bench(out=print):
    """Runs on the database Django is set up with (migrated, with the demo loaded)."""
    from django.test import Client

    size = int(os.environ.get("ASSESSMENT_BENCH_IDEAS", "10000"))
    plan, ideas, seconds = build(size)
    out(f"\nAssessment: {ideas:,} ideas × {ASSESSORS} assessors "
        f"({ideas * ASSESSORS:,} assessments), bulk-inserted in {seconds:.1f} s")
    page = f"/sq/plans/{plan.slug}/assessment/ranking/"
    api = f"/api/v1/plans/{plan.slug}/assessments"
    client = Client()
    out(f"{'page':64} {'median ms':>10} {'queries':>8}")
    for label, url in [
            ("ranking page", page),
            ("ranking page, page 100", f"{page}?page=100"),
            ("ranking by one criterion", f"{page}?criterion=measurable"),
            ("ranking, disagreement only", f"{page}?disagreement=on"),
            ("ranking, score at least 2", f"{page}?min_score=2"),
            ("API", api),
            ("API by one criterion", f"{api}?criterion=measurable&limit=100")]:
        median, queries = timed(client, url)
        out(f"{label + ' ' + url:64.64} {median:10.1f} {queries:8d}")


def main():
    with tempfile.TemporaryDirectory() as folder:
        setup_django(folder)
        bench()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sys.exit(main())
