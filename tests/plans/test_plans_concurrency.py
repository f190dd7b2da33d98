"""Two coordinators saving overlapping plans at the same moment: one wins, one is told why."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import translation

from bashke.plans import services
from bashke.plans.models import ActionPlan, Jurisdiction

D = datetime.date


@pytest.mark.django_db(transaction=True)
def test_concurrent_overlapping_plans_cannot_both_be_saved():
    jurisdiction = services.create_jurisdiction(actor=None, slug="albania", name_sq="Shqipëria",
                                                name_en="Albania", kind=Jurisdiction.Kind.NATIONAL,
                                                country_code="AL")
    barrier = threading.Barrier(2)
    outcomes = []

    def save(number, start):
        translation.activate("en")  # each thread starts in the default language
        try:
            barrier.wait(timeout=10)
            services.create_plan(actor=None, jurisdiction=jurisdiction, number=number,
                                 slug=f"plan-{number}", title_sq=f"Plani {number}",
                                 title_en=f"Plan {number}", start=start,
                                 end=start.replace(year=start.year + 2) - datetime.timedelta(1))
            outcomes.append("saved")
        except ValidationError as error:
            outcomes.append(" ".join(error.message_dict.get("start", [])))
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(5, D(2020, 7, 1))),
               threading.Thread(target=save, args=(6, D(2021, 1, 1)))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes)[-1] == "saved" and len(outcomes) == 2
    assert "overlaps" in sorted(outcomes)[0]
    assert ActionPlan.objects.count() == 1
