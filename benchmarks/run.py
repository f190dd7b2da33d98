"""`make bench`: figures for the pages and API, on a fresh SQLite database in a temp folder.

Prints, per page, the median and 95th-percentile time of a full request through Django's
test client (templates, middleware and queries included) and the number of SQL queries, at
the demo's size and at a large plan (20 goals × 10 components, 60 stages).
"""

import datetime
import statistics
import sys
import tempfile
import time

import bench_assessment
import bench_exports
import bench_ideas
import bench_surveys
from fresh_site import setup_django

REPEATS = 40


def grow(plan):
    from bashke.plans import services
    from bashke.plans.models import Institution

    institutions = list(Institution.objects.all()[:3])
    for number in range(10, 30):
        goal = services.add_goal(plan, actor=None, number=number, title_sq=f"Qëllimi {number}",
                                 title_en=f"Goal {number}")
        for position in range(10):
            services.add_component(goal, actor=None, slug=f"c{number}-{position}",
                                   position=position, title_sq=f"Komponenti {position}",
                                   title_en=f"Component {position}", leaders=institutions,
                                   secretariat=institutions[:1])
    for index in range(60):
        services.add_stage(plan, actor=None, kind="monitoring",
                           start=datetime.date(2021, 1, 1) + datetime.timedelta(days=index),
                           end=datetime.date(2022, 10, 31))


def measure(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(queries)


def main():
    with tempfile.TemporaryDirectory() as folder:
        setup_django(folder)
        from django.test import Client

        from bashke.plans.models import ActionPlan

        client = Client()
        plan = ActionPlan.objects.get(slug="albania-2020-2022")
        pages = ["/sq/", f"/sq/plans/{plan.slug}/", f"/en/plans/{plan.slug}/history/",
                 "/api/v1/plans", f"/api/v1/plans/{plan.slug}"]
        print(f"{'page':45} {'size':>6} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for size in ("demo", "large"):
            if size == "large":
                grow(plan)
            for url in pages:
                median, p95, queries = measure(client, url)
                print(f"{url:45} {size:>6} {median:10.1f} {p95:8.1f} {queries:8d}")
        bench_ideas.run(client)
        bench_surveys.bench()
        bench_assessment.bench()
        bench_exports.bench()
    return 0


if __name__ == "__main__":
    sys.exit(main())
