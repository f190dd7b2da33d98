"""Who may put ideas forward, change their own, and record ideas received elsewhere (by
e-mail, on paper, at a meeting): the plan's coordinators, and the leaders and secretariat
of any of its components."""

import rules

from bashke.consultation.rules.common import signed_in, works_on_any_component

rules.add_perm("consultation.record_idea", works_on_any_component)


@rules.predicate
def wrote_idea(user, idea):
    return getattr(idea, "author_id", None) is not None and idea.author_id == user.pk


# Who: anyone signed in puts an idea forward (and keeps a draft of it); its author changes
# or withdraws it. When (the plan's idea stage is open) is the services' question, which say
# when the next opportunity opens.
rules.add_perm("consultation.submit_idea", signed_in)
rules.add_perm("consultation.change_own_idea", signed_in & wrote_idea)
