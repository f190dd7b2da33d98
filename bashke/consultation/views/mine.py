"""My participation: everything a person has put into the consultations, and the dates
that matter to them next, on one page. Each list is one query, whatever its length; a list
stops at its newest ``SHOWN`` rows (the data download has them all)."""

from django.db.models import Prefetch
from django.shortcuts import render

from bashke.consultation import outcomes
from bashke.consultation.models import (
    Comment,
    Follow,
    Idea,
    IdeaDraft,
    Support,
    SurveyResponse,
    Vote,
)
from bashke.consultation.models.meetings import MeetingRegistration
from bashke.core.access import asks
from bashke.plans.cycle import Timeline
from bashke.plans.models import ActionPlan, PlanRole, Stage

SHOWN = 100


@asks("accounts.manage_own_account")
def my_participation(request):
    user = request.user
    sections = {
        "ideas": _with_outcomes(newest(outcomes.with_outcome(
            Idea.objects.filter(author=user).select_related("plan")), "-submitted_at")),
        "drafts": newest(IdeaDraft.objects.filter(user=user).select_related("plan"),
                         "-updated_at"),
        "comments": newest(Comment.objects.filter(author=user).select_related("idea__plan"),
                           "-created_at"),
        "supports": newest(Support.objects.filter(user=user).select_related("idea__plan"), "-id"),
        "follows": newest(Follow.objects.filter(user=user).select_related("idea__plan"), "-id"),
        "votes": newest(Vote.objects.filter(user=user).select_related("statement__plan"), "-id"),
        "responses": newest(SurveyResponse.objects.filter(user=user)
                            .select_related("survey__plan"), "-created_at"),
        "registrations": newest(MeetingRegistration.objects.filter(user=user)
                                .select_related("meeting__plan"), "-meeting__starts_at"),
        "roles": list(PlanRole.objects.for_user(user).select_related("plan", "component")),
    }
    return render(request, "consultation/mine/participation.html", {
        **sections, "shown": SHOWN, "deadlines": _deadlines(sections),
        "nothing_yet": not any(sections.values()),
    })


def _with_outcomes(ideas):
    """Each idea's decision, by its label (read in the same query as the ideas)."""
    labels = dict(outcomes.decision_kinds())
    for idea in ideas:
        idea.decision_kind_label = labels.get(idea.decision_kind, "")
    return ideas


def newest(queryset, order):
    return list(queryset.order_by(order)[:SHOWN])


def _deadlines(sections):
    """The plans the person takes part in, each with the stages under way and the next one."""
    plan_ids = {row.plan_id for key in ("ideas", "drafts", "roles") for row in sections[key]}
    plan_ids |= {row.idea.plan_id for key in ("comments", "supports", "follows")
                 for row in sections[key]}
    plan_ids |= {vote.statement.plan_id for vote in sections["votes"]}
    plan_ids |= {response.survey.plan_id for response in sections["responses"]}
    plan_ids |= {registration.meeting.plan_id for registration in sections["registrations"]}
    if not plan_ids:
        return []
    plans = ActionPlan.objects.filter(pk__in=plan_ids).select_related("jurisdiction") \
        .prefetch_related(Prefetch("stages", queryset=Stage.objects.in_order())) \
        .order_by("-start")
    found = []
    for plan in plans:
        timeline = Timeline.of(plan, plan.stages.all())
        for stage in timeline.current:
            stage.days_left = (stage.end - timeline.day).days
        if timeline.next is not None:
            timeline.next.days_until = (timeline.next.start - timeline.day).days
        if timeline.current or timeline.next:
            found.append({"plan": plan, "current": timeline.current, "next": timeline.next})
    return found
