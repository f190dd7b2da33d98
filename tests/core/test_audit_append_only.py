"""The audit log is append-only, for bulk writes as much as for single entries."""

import pytest
from django.db import transaction

from bashke.core import audit
from bashke.core.models import AuditEntry

from personas import make_user


@pytest.fixture
def entry(db):
    person = make_user("ana@example.org", "Ana")
    return audit.record(actor=person, action=AuditEntry.Action.CREATE, instance=person,
                        after={"display_name": "Ana"}, note="first")


def unchanged(entry):
    fresh = AuditEntry.objects.get(pk=entry.pk)
    return (fresh.note, fresh.changes, fresh.actor_id) == (entry.note, entry.changes,
                                                           entry.actor_id)


@pytest.mark.parametrize("write", [
    lambda: AuditEntry.objects.update(note="rewritten"),
    lambda: AuditEntry.objects.filter(note="first").update(note="rewritten"),
    lambda: AuditEntry.objects.all().update(changes={}),
])
def test_the_queryset_refuses_update(entry, write):
    with pytest.raises(RuntimeError, match="append-only"):
        write()
    assert unchanged(entry)


def test_bulk_update_is_refused(entry):
    entry.note = "rewritten"
    # bulk_update runs in the caller's transaction, which the refusal then spoils: a
    # savepoint keeps the test's own transaction usable.
    with pytest.raises(RuntimeError, match="append-only"), transaction.atomic():
        AuditEntry.objects.bulk_update([entry], ["note"])
    entry.note = "first"
    assert unchanged(entry)


@pytest.mark.parametrize("write", [
    lambda: AuditEntry.objects.all().delete(),
    lambda: AuditEntry.objects.filter(note="first").delete(),
])
def test_the_queryset_refuses_delete(entry, write):
    with pytest.raises(RuntimeError, match="append-only"):
        write()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_the_manager_has_no_delete(entry):
    # As with Django's own managers: deleting everything takes an explicit queryset.
    assert not hasattr(AuditEntry.objects, "delete")


def test_an_entry_still_refuses_save_and_delete(entry):
    entry.note = "rewritten"
    with pytest.raises(RuntimeError, match="append-only"):
        entry.save()
    with pytest.raises(RuntimeError, match="append-only"):
        entry.delete()
    entry.note = "first"
    assert unchanged(entry)


def test_new_entries_are_still_written(entry):
    other = audit.record(actor=None, action=AuditEntry.Action.UPDATE, instance=entry.actor,
                         before={"display_name": "Ana"}, after={"display_name": "Ana B."})
    assert AuditEntry.objects.count() == 2 and other.pk != entry.pk


def test_deleting_a_person_keeps_their_entries_without_a_name(entry):
    entry.actor.delete()
    kept = AuditEntry.objects.get(pk=entry.pk)
    assert kept.actor_id is None and kept.note == "first"
