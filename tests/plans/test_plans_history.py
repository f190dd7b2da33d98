"""A plan's history reads as sentences in the reader's language, with the fields' own labels
and values formatted as the pages show them (issue 7, defect 2)."""

import datetime
import re

from bashke.accounts.models import User
from bashke.plans import services
from bashke.plans.models import Role, StageKind

from personas import make_user


def history(client, plan, language="en"):
    response = client.get(f"/{language}/plans/{plan.slug}/history/")
    assert response.status_code == 200
    return response.content.decode()


def consultation_stage(plan):
    return plan.stages.get(kind=StageKind.ONLINE_CONSULTATION)


def test_a_moved_date_reads_as_a_sentence_with_labels_and_days(client, plan, coordinator):
    services.update_stage(consultation_stage(plan), actor=coordinator,
                          end=datetime.date(2020, 3, 15))
    page = history(client, plan)
    assert "Stage “Online consultation” was changed by the coordinator." in page
    assert "<dt>End</dt><dd>28 February 2020 → 15 March 2020</dd>" in page
    # No field names, no ISO dates.
    assert "2020-03-15" not in page and "<code>" not in page and "end:" not in page


def test_albanian_readers_get_albanian_labels_names_and_lower_case_months(client, plan,
                                                                          coordinator):
    services.update_stage(consultation_stage(plan), actor=coordinator,
                          end=datetime.date(2020, 3, 15))
    services.update_plan(plan, actor=coordinator, title_en="Renamed", title_sq="Riemërtuar")
    page = history(client, plan, "sq")
    assert "15 mars 2020" in page and "28 shkurt 2020" in page
    assert "Mars" not in page and "Shkurt" not in page
    # The object is named in Albanian even though the entry was written in English.
    assert "„Riemërtuar“" in page and "Online consultation" not in page
    assert "koordinatori" in page


def test_choices_booleans_and_institutions_are_shown_by_their_labels(client, plan, coordinator,
                                                                     ministry):
    services.update_plan(plan, actor=coordinator, status="completed")
    services.update_stage(consultation_stage(plan), actor=coordinator, responsible=ministry)
    page = history(client, plan)
    assert "<dt>Status</dt><dd>Implementing → Completed</dd>" in page
    assert "<dt>Responsible institution</dt><dd>— → Ministry of Justice</dd>" in page


def test_a_person_is_named_by_role_never_by_name(client, plan):
    person = make_user("drita.kola@example.org", "Drita Kola")
    services.assign_role(plan, person, Role.COORDINATOR, actor=None)
    services.update_plan(plan, actor=person, title_en="Changed by the coordinator")
    administrator = User.objects.create_superuser(email="besa.leka@example.org",
                                                  password="x" * 12, display_name="Besa Leka")
    services.update_plan(plan, actor=administrator, title_en="Changed by an administrator")
    page = history(client, plan)
    assert "was changed by the coordinator." in page
    assert "was changed by an administrator." in page
    assert not re.search(r"Drita|Kola|Besa|Leka|drita\.kola|besa\.leka", page)


def test_a_removed_stage_keeps_the_name_it_had(client, plan, coordinator):
    stage = consultation_stage(plan)
    services.remove_stage(stage, actor=coordinator)
    page = history(client, plan)
    assert "Stage “Online consultation 2020-01-01–2020-02-28” was removed by the coordinator." \
        in page
