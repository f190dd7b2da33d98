"""Survey results at 100,000 responses: `python benchmarks/bench_surveys.py` on its own, or
from `make bench` (benchmarks/run.py calls :func:`bench` on its database).

Builds a survey with one question of every kind and 100,000 generated responses (about a
million answer rows, bulk-inserted), then prints the median time of a full request (test
client: middleware, templates and queries) over several requests and the number of SQL
queries for the results page, the API's results, a page of written answers and the survey
page; and how long the CSV and XLSX exports of every answer take.

Set SURVEY_BENCH_RESPONSES to try another size.
"""

import datetime
import os
import statistics
import sys
import tempfile
import time

from fresh_site import setup_django

REPEATS = 9


def build(responses):
    from django.utils import timezone

    from bashke.consultation.demos.surveys import generate_responses
    from bashke.consultation.models import QuestionKind, ResultsVisibility
    from bashke.consultation.services import surveys as services
    from bashke.plans.models import ActionPlan

    plan = ActionPlan.objects.get(slug="albania-2020-2022")
    now = timezone.now()
    survey = services.create_survey(
        plan, actor=None, title_sq="Sondazh i madh", title_en="A large survey",
        opens_at=now - datetime.timedelta(days=30), closes_at=now + datetime.timedelta(days=1),
        allow_anonymous=True, results_visibility=ResultsVisibility.LIVE)
    five = [(f"Opsioni {n}", f"Option {n}") for n in range(1, 6)]
    for kind, extra in [(QuestionKind.SINGLE, {"options": five}),
                        (QuestionKind.MULTIPLE, {"options": five, "max_choices": 3}),
                        (QuestionKind.SCALE, {}), (QuestionKind.RANKING, {"options": five}),
                        (QuestionKind.SHORT_TEXT, {"required": False}),
                        (QuestionKind.LONG_TEXT, {"required": False})]:
        services.add_question(survey, actor=None, kind=kind, text_sq=kind, text_en=kind,
                              **extra)
    survey = services.set_status(survey, actor=None, status="published")
    started = time.perf_counter()
    rows = generate_responses(survey, responses, seed=1, batch=5000)
    return survey, rows, time.perf_counter() - started


def timed(client, url, repeats=REPEATS):
    """(median ms, queries) of full requests, a download read to its end."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        started = time.perf_counter()
        response = client.get(url)
        for _chunk in getattr(response, "streaming_content", ()):
            pass
        assert response.status_code == 200, (url, response.status_code)
        return (time.perf_counter() - started) * 1000

    timings = [get() for _ in range(repeats - 1)]
    with CaptureQueriesContext(connection) as queries:
        timings.append(get())
    return statistics.median(timings), len(queries)


def peak_mb():
    """The process's peak memory so far: flat across the exports means they stream."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench(out=print):
    """Runs on the database Django is set up with (migrated, with the demo loaded)."""
    from django.test import Client

    from bashke.accounts.models import User
    from bashke.consultation.models import SurveyQuestion

    size = int(os.environ.get("SURVEY_BENCH_RESPONSES", "100000"))
    survey, rows, seconds = build(size)
    out(f"\nSurveys: {size:,} responses, {rows:,} answer rows, bulk-inserted in "
        f"{seconds:.1f} s")
    base = f"/en/plans/{survey.plan.slug}/surveys/{survey.pk}"
    text = SurveyQuestion.objects.get(survey=survey, kind="long_text")
    public = Client()
    staff = Client()
    staff.force_login(User.objects.get(email="admin@bashke.example"))
    out(f"{'page':52} {'median ms':>10} {'queries':>8} {'peak MB':>8}")
    for label, client, url, repeats in [
            ("results page", public, f"{base}/results/", REPEATS),
            ("results page (staff)", staff, f"{base}/results/", REPEATS),
            ("API results", public, f"/api/v1/surveys/{survey.pk}/results", REPEATS),
            ("written answers, page 1", public, f"{base}/results/{text.pk}/", REPEATS),
            ("written answers, page 500", public, f"{base}/results/{text.pk}/?page=500",
             REPEATS),
            ("survey page (to answer)", public, f"{base}/", REPEATS),
            ("CSV export, every answer", staff, f"{base}/answers.csv", 1),
            ("XLSX export, every answer", staff, f"{base}/answers.xlsx", 1)]:
        median, queries = timed(client, url, repeats)
        out(f"{label + ' ' + url:52.52} {median:10.1f} {queries:8d} {peak_mb():8.0f}")


def main():
    with tempfile.TemporaryDirectory() as folder:
        setup_django(folder)
        bench()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sys.exit(main())
