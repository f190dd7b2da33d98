"""Operational records are pruned daily (core/housekeeping.py and each app's module)."""

import datetime
from io import StringIO

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from bashke.accounts.models import LoginFailure
from bashke.api.models import ApiToken, hash_token, new_token
from bashke.consultation.models.wordform import PendingWordForm
from bashke.core import housekeeping
from bashke.core.models import AuditEntry, RateEvent

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def token_for(user, **fields):
    token = new_token()
    return ApiToken.objects.create(user=user, prefix=token[:11], token_hash=hash_token(token),
                                   **fields)


@pytest.fixture
def records(plan, citizen):
    """One record of each kind past its retention and one within it."""
    now = timezone.now()
    RateEvent.objects.create(key="idea:user:1", at=now - 2 * DAY)
    RateEvent.objects.create(key="idea:user:1", at=now - datetime.timedelta(minutes=5))
    LoginFailure.objects.create(email="a@example.org", ip="192.0.2.1", at=now - 2 * DAY)
    LoginFailure.objects.create(email="a@example.org", ip="192.0.2.1", at=now)
    old = PendingWordForm.objects.create(plan=plan, uploaded_by=citizen, file_name="old.docx",
                                         parsed={})
    PendingWordForm.objects.filter(pk=old.pk).update(created_at=now - 8 * DAY)
    PendingWordForm.objects.create(plan=plan, uploaded_by=citizen, file_name="new.docx",
                                   parsed={})
    token_for(citizen, name="long revoked")
    ApiToken.objects.filter(name="long revoked").update(revoked_at=now - 91 * DAY)
    token_for(citizen, name="just revoked", revoked_at=now - DAY)
    token_for(citizen, name="in use")
    expired = SessionStore()
    expired.create()
    Session.objects.filter(session_key=expired.session_key).update(expire_date=now - DAY)
    SessionStore().create()
    return now


def test_the_task_prunes_each_kind_past_its_retention_and_keeps_the_rest(records):
    audit_before = AuditEntry.objects.count()
    result = housekeeping.prune_operational_records.enqueue()
    counts = result.return_value
    assert counts["core"] == {"rate_events": 1, "expired_sessions": 1, "finished_tasks": 0}
    assert counts["accounts"] == {"failed_log_ins": 1}
    assert counts["consultation"] == {"word_forms_waiting": 1}
    assert counts["api"]["revoked_api_tokens"] == 1
    assert "idempotency_keys" in counts["api"]
    assert RateEvent.objects.count() == LoginFailure.objects.count() == 1
    assert list(PendingWordForm.objects.values_list("file_name", flat=True)) == ["new.docx"]
    assert set(ApiToken.objects.values_list("name", flat=True)) == {"just revoked", "in use"}
    assert Session.objects.count() == 1
    # Never the audit log.
    assert AuditEntry.objects.count() == audit_before
    # A second run finds nothing more.
    again = housekeeping.prune_all()
    assert all(count == 0 for kinds in again.values() for count in kinds.values())


def test_every_app_module_is_found_through_the_registry():
    labels = [label for label, _module in housekeeping.housekeeping_modules()]
    assert labels[:2] == ["core", "accounts"]
    assert {"consultation", "api"} <= set(labels)


def test_one_apps_failure_does_not_stop_the_others(records, monkeypatch):
    from bashke.consultation import housekeeping as consultation_housekeeping

    def broken(now):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(consultation_housekeeping, "prune", broken)
    counts = housekeeping.prune_all()
    assert counts["consultation"] == {"failed": 1}
    assert counts["accounts"] == {"failed_log_ins": 1}


def test_the_prune_command_prints_the_counts(records):
    out = StringIO()
    call_command("prune", stdout=out)
    lines = out.getvalue().splitlines()
    assert "core.rate_events: 1" in lines
    assert "accounts.failed_log_ins: 1" in lines
    assert "consultation.word_forms_waiting: 1" in lines
    assert "api.revoked_api_tokens: 1" in lines


def test_the_prune_command_fails_loudly_when_an_app_fails(monkeypatch, db):
    from bashke.accounts import housekeeping as accounts_housekeeping

    monkeypatch.setattr(accounts_housekeeping, "prune", lambda now: 1 / 0)
    with pytest.raises(SystemExit):
        call_command("prune", stdout=StringIO(), stderr=StringIO())


def test_finished_background_tasks_are_kept_a_week_and_failures_a_month(db):
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()

    def task_result(status, days_ago):
        return DBTaskResult.objects.create(
            status=status, args_kwargs={"args": [1, "old@example.org"], "kwargs": {}},
            task_path="bashke.accounts.tasks.send_email_changed_notice",
            backend_name="default", queue_name="default", run_after=now,
            finished_at=now - days_ago * DAY)

    task_result("SUCCESSFUL", 8)
    kept = [task_result("SUCCESSFUL", 6), task_result("FAILED", 8)]
    task_result("FAILED", 31)
    assert housekeeping.prune(now)["finished_tasks"] == 2
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {r.pk for r in kept}
