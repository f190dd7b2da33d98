import pytest
from django.core.management import call_command
from django.db import DatabaseError
from django.utils import translation

from bashke.core import audit
from bashke.core.models import AuditEntry
from bashke.core.text import pick
from bashke.plans.models import ActionPlan, Component, Jurisdiction, PlanRole, Stage


def test_healthz_answers_200_with_the_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_without_the_database(client, db, monkeypatch):
    class Unreachable:
        def cursor(self):
            raise DatabaseError("connection refused")

    monkeypatch.setattr("bashke.core.views.connection", Unreachable())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


def test_root_redirects_to_albanian(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/sq/"


def test_an_unknown_language_prefix_is_a_clear_404(client, db):
    response = client.get("/de/plans/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "“de”" in page
    assert 'href="/sq/"' in page and 'href="/en/"' in page


def test_audit_entries_are_append_only(plan):
    entry = AuditEntry.objects.for_scope(plan.audit_scope).first()
    entry.note = "rewritten"
    with pytest.raises(RuntimeError):
        entry.save()
    with pytest.raises(RuntimeError):
        entry.delete()


def test_every_service_write_is_audited_with_before_and_after(plan, coordinator):
    from bashke.plans import services

    services.update_plan(plan, actor=coordinator, title_en="New title")
    entry = AuditEntry.objects.newest_first().first()
    assert entry.actor == coordinator
    assert entry.action == "update"
    assert entry.changes == {"title_en": ["Action Plan 2020–2022", "New title"]}
    assert entry.scope == plan.audit_scope


def test_personal_fields_are_left_out_of_public_changes(db):
    entry = AuditEntry(changes={"email": ["a@x", "b@x"], "sector": ["citizen", "academia"]},
                       personal_fields=["email"])
    assert entry.public_changes() == {"sector": ["citizen", "academia"]}


def test_snapshot_is_json_safe(plan):
    data = audit.snapshot(plan)
    assert data["start"] == "2020-07-01"
    assert data["jurisdiction"] == plan.jurisdiction_id


def test_bilingual_pick_falls_back_to_the_other_language(plan):
    plan.title_en = ""
    with translation.override("en"):
        assert pick(plan, "title") == "Plani i Veprimit 2020–2022"
        assert plan.title == "Plani i Veprimit 2020–2022"
    with translation.override("sq"):
        assert plan.title == "Plani i Veprimit 2020–2022"


def test_loaddemo_loads_the_seed_plan_once(db, capsys):
    call_command("loaddemo")
    counts = (Jurisdiction.objects.count(), ActionPlan.objects.count(), Stage.objects.count(),
              Component.objects.count(), PlanRole.objects.count(), AuditEntry.objects.count())
    call_command("loaddemo")
    assert counts == (Jurisdiction.objects.count(), ActionPlan.objects.count(),
                      Stage.objects.count(), Component.objects.count(),
                      PlanRole.objects.count(), AuditEntry.objects.count())
    plan = ActionPlan.objects.get(slug="albania-2020-2022")
    assert plan.previous.slug == "albania-2018-2020" and plan.gap_days == 0
    assert [g.title_en for g in plan.goals.order_by("number")] == [
        "Access to Justice", "Digital Governance", "Fiscal Transparency",
        "Fight against Corruption"]
    assert Component.objects.filter(goal__plan=plan).count() == 8
    output = capsys.readouterr().out
    assert "coordinator@bashke.example" in output and "bashke-demo-2026" in output


def test_the_demo_local_plan_is_in_online_consultation_today(client, db):
    call_command("loaddemo")
    local = ActionPlan.objects.get(jurisdiction__slug="shkoder")
    page = client.get(f"/en/plans/{local.slug}/").content.decode()
    assert 'aria-current="step"' in page
    assert "Call for ideas: online consultation" in page
    assert "Put forward your ideas" in page


def test_a_save_that_changes_nothing_writes_no_entry(plan):
    from bashke.plans import services

    before = AuditEntry.objects.count()
    services.update_plan(plan, actor=None, title_en=plan.title_en)
    assert AuditEntry.objects.count() == before


def test_bar_chart_escapes_labels_and_keeps_the_numbers_in_a_table():
    from bashke.core.charts import bar_chart

    chart = bar_chart("Ideas by sector", [("<script>", 3), ("Civil society", 0)],
                      label_header="Sector", value_header="Ideas", percent_of=3)
    assert "<script>" not in chart.svg and "&lt;script&gt;" in chart.svg
    assert chart.rows == [["<script>", "3", "100"], ["Civil society", "0", "0"]]
    assert 'aria-hidden="true"' in chart.svg
