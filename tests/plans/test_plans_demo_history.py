"""The demo's past plans carry the dates their events happened, and the demo prints
addresses a visitor can open (issue 7, defects 2 and 7)."""

import re

from django.core.management import call_command

from bashke.core.models import AuditEntry
from bashke.plans.models import ActionPlan


def test_the_demo_history_of_past_plans_is_dated_when_it_happened(db, client):
    call_command("loaddemo")
    previous = ActionPlan.objects.get(slug="albania-2018-2020")
    current = ActionPlan.objects.get(slug="albania-2020-2022")
    years_previous = set(AuditEntry.objects.for_scope(previous.audit_scope)
                         .values_list("at__year", flat=True))
    # Its consultation's briefs, ideas, meetings and surveys too, not only the plan's rows.
    years_current = set(AuditEntry.objects.for_scope(current.audit_scope)
                        .values_list("at__year", flat=True))
    assert AuditEntry.objects.for_scope(current.audit_scope).exclude(
        object_type__startswith="plans.").exists()
    assert years_previous == {2018}
    assert years_current == {2020}
    # Newest first: the plan's opening, dated at its start, is on the last page (a page
    # number past the end shows the last), and every line shown is dated 2020.
    first = client.get(f"/en/plans/{current.slug}/history/").content.decode()
    last = client.get(f"/en/plans/{current.slug}/history/?page=9999").content.decode()
    assert "1 July 2020, 09:00" in last
    years_shown = set(re.findall(r'<time datetime="(\d{4})-', first + last))
    assert years_shown == {"2020"}


def test_the_demo_prints_full_addresses_on_the_served_port(db, capsys, settings):
    settings.SITE_URL = "http://127.0.0.1:8931"
    call_command("loaddemo")
    output = capsys.readouterr().out
    assert "http://127.0.0.1:8931/sq/plans/albania-2020-2022/" in output
    # Every address the demo prints can be opened as it is: none lacks host and port.
    assert not re.search(r"(?<![\w:/.0-9])/(sq|en)/", output), output
    assert "http://127.0.0.1:8931/sq/examples/" in output
