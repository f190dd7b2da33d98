"""Who may upload filled Word forms: anyone logged in uploads their own; the plan's
coordinators and secretariat (as for recording ideas) upload batches received by e-mail.
A pending form is confirmed or discarded by its uploader only."""

import rules

from bashke.consultation.rules.common import signed_in, works_on_any_component


@rules.predicate
def is_uploader(user, pending):
    return getattr(user, "pk", None) is not None and pending.uploaded_by_id == user.pk


rules.add_perm("consultation.upload_word_form", signed_in)
rules.add_perm("consultation.upload_word_batch", works_on_any_component)
rules.add_perm("consultation.confirm_word_form", signed_in & is_uploader)
