"""Who may support, comment, flag, moderate, publish statements and vote.

Predicates say *who*; *when* (the plan's stage) is checked by the services, which say when
the next opportunity opens — a superuser passes every predicate, not every stage.
"""

import rules

from bashke.consultation.models import Comment, Idea, Statement
from bashke.consultation.rules.common import signed_in, works_on_any_component
from bashke.plans.models import ActionPlan
from bashke.plans.rules import is_coordinator, is_moderator


def plan_of(target):
    if isinstance(target, ActionPlan):
        return target
    if isinstance(target, Comment):
        return target.idea.plan
    if isinstance(target, (Idea, Statement)):
        return target.plan
    return None


@rules.predicate
def moderates(user, target):
    # As "plans.moderate": the plan's moderators and coordinators.
    plan = plan_of(target)
    return plan is not None and (is_moderator(user, plan) or is_coordinator(user, plan))


@rules.predicate
def speaks_for_plan(user, target):
    # Those who record ideas for the plan (coordinators, secretariat, component leaders)
    # also publish its statements.
    plan = plan_of(target)
    return plan is not None and works_on_any_component(user, plan)


@rules.predicate
def wrote_comment(user, comment):
    return isinstance(comment, Comment) and comment.author_id == getattr(user, "pk", None)


rules.add_perm("consultation.support_idea", signed_in)
rules.add_perm("consultation.follow_idea", signed_in)
rules.add_perm("consultation.comment_idea", signed_in)
rules.add_perm("consultation.edit_comment", signed_in & wrote_comment)
rules.add_perm("consultation.flag_content", signed_in)
rules.add_perm("consultation.moderate", signed_in & moderates)
rules.add_perm("consultation.publish_statement", signed_in & speaks_for_plan)
rules.add_perm("consultation.propose_statement", signed_in)
rules.add_perm("consultation.review_statement", signed_in & (moderates | speaks_for_plan))
rules.add_perm("consultation.vote", signed_in)
