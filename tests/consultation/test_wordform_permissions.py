"""Who may upload Word forms: one test per permission and persona."""

import pytest

from bashke.consultation.models import PendingWordForm

pytestmark = pytest.mark.django_db

BATCH = {"coordinator": True, "secretariat_member": True, "component_leader": True,
         "staff": True, "citizen": False, "cso_member": False, "assessor": False,
         "reviewer": False, "moderator": False, "anonymous": False,
         "staff_without_role": False, "other_plan_coordinator": False}


@pytest.mark.parametrize(("persona", "allowed"), BATCH.items())
def test_batches_are_for_the_plans_coordinators_and_secretariat(request, plan, persona,
                                                                allowed):
    user = request.getfixturevalue(persona)
    assert user.has_perm("consultation.upload_word_batch", plan) is allowed


@pytest.mark.parametrize(("persona", "allowed"), [
    ("citizen", True), ("cso_member", True), ("coordinator", True), ("anonymous", False)])
def test_anyone_logged_in_uploads_their_own_form(request, plan, persona, allowed):
    user = request.getfixturevalue(persona)
    assert user.has_perm("consultation.upload_word_form", plan) is allowed


def test_only_the_uploader_confirms_a_pending_form(plan, citizen, cso_member, anonymous):
    pending = PendingWordForm.objects.create(plan=plan, uploaded_by=citizen, file_name="a.docx",
                                             parsed={})
    assert citizen.has_perm("consultation.confirm_word_form", pending)
    assert not cso_member.has_perm("consultation.confirm_word_form", pending)
    assert not anonymous.has_perm("consultation.confirm_word_form", pending)


def test_the_services_refuse_what_the_pages_hide(plan, citizen, cso_member):
    from django.core.exceptions import PermissionDenied

    from bashke.consultation.services import wordform as services

    with pytest.raises(PermissionDenied):
        services.stage_uploads(plan, [], actor=citizen, batch=True)
    pending = PendingWordForm.objects.create(plan=plan, uploaded_by=citizen, file_name="a.docx",
                                             parsed={})
    with pytest.raises(PermissionDenied):
        services.confirm(pending, actor=cso_member, answers={"title": "x"})
    with pytest.raises(PermissionDenied):
        services.discard(pending, actor=cso_member)
    assert PendingWordForm.objects.filter(pk=pending.pk).exists()
