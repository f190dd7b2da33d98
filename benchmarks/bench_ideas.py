"""The public list of ideas and its search at 2,000 and 20,000 ideas (make bench)."""

import statistics
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

REPEATS = 20


def _timed(client, url, params):
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        response = client.get(url, params)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as queries:
        client.get(url, params)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(queries)


def run(client):
    from bashke.consultation.models import Idea
    from bashke.consultation.models.ideas import fold
    from bashke.plans.models import ActionPlan, Component

    plan = ActionPlan.objects.get(jurisdiction__slug="shkoder")
    components = list(Component.objects.filter(goal__plan=plan))
    url = f"/sq/plans/{plan.slug}/ideas/"
    print(f"\n{'ideas list':45} {'ideas':>6} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    existing = Idea.objects.filter(plan=plan).count()
    for target in (2_000, 20_000):
        now = timezone.now()
        words = ["shëndetësi", "buxhet", "transparencë", "rini", "prokurim", "ujë"]
        Idea.objects.bulk_create([
            Idea(plan=plan, goal=components[n % len(components)].goal,
                 component=components[n % len(components)], title=f"Ideja {n}",
                 overall_idea=f"{words[n % len(words)]} {n}",
                 search_text=fold(f"Ideja {n} {words[n % len(words)]}"), submitted_at=now)
            for n in range(existing, target)], batch_size=2000)
        existing = target
        for label, params in (("newest", {}), ("search 'shendetesi'", {"q": "shendetesi"}),
                              ("most supported", {"sort": "supported"})):
            median, p95, queries = _timed(client, url, params)
            print(f"{label:45} {target:>6} {median:10.1f} {p95:8.1f} {queries:8d}")
