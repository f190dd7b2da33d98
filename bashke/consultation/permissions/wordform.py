"""Who may upload filled Word forms: anyone logged in uploads their own; the plan's
coordinators and secretariat (as for recording ideas) upload batches received by e-mail.
A pending form is confirmed or discarded by its uploader only."""

import rules

from bashke.consultation.permissions.ideas import in_any_secretariat
from bashke.plans.rules import is_coordinator


@rules.predicate
def is_uploader(user, pending):
    return getattr(user, "pk", None) is not None and pending.uploaded_by_id == user.pk


rules.add_perm("consultation.upload_word_form", rules.is_authenticated)
rules.add_perm("consultation.upload_word_batch",
               is_coordinator | in_any_secretariat | rules.is_staff)
rules.add_perm("consultation.confirm_word_form", is_uploader)
