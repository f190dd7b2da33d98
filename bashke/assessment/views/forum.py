"""The multi-stakeholder forum's public page — members (government and non-government side
by side, with the balance), its meetings and its decisions — and the coordinators' pages
that keep it (``assessment.manage_forum``)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bashke.accounts.models import Sector
from bashke.assessment.forms.forum import ForumDecisionForm, MemberForm
from bashke.assessment.models import ForumDecision, ForumMember
from bashke.assessment.services import forum as services
from bashke.consultation.models.meetings import Meeting, MeetingKind
from bashke.core.access import refusal
from bashke.core.permissions import allowed, require
from bashke.core.web import saved
from bashke.plans.cycle import today
from bashke.plans.models import ActionPlan

TEMPLATES = "assessment/forum"


def _plan(slug):
    return get_object_or_404(ActionPlan.objects.select_related("jurisdiction"), slug=slug)


def _forum_url(plan):
    return reverse("assessment:forum", kwargs={"slug": plan.slug})


def forum(request, slug):
    plan = _plan(slug)
    require(request.user, "plans.view_plan", plan)
    day = today()
    members = list(ForumMember.objects.filter(plan=plan).select_related("organisation"))
    current = [m for m in members if m.joined_on <= day and (m.left_on is None
                                                              or m.left_on >= day)]
    former = [m for m in members if m.left_on is not None and m.left_on < day]
    can_manage = allowed(request.user, "assessment.manage_forum", plan)
    meetings = Meeting.objects.for_plan(plan).filter(kind=MeetingKind.FORUM).for_list()
    if not can_manage:
        meetings = meetings.public()
    return render(request, f"{TEMPLATES}/forum.html", {
        "plan": plan, "can_manage": can_manage,
        "government": [m for m in current if m.sector == Sector.GOVERNMENT],
        "non_government": [m for m in current if m.sector != Sector.GOVERNMENT],
        "balance": services.balance_of(current), "former": former,
        "has_members": bool(members),
        "meetings": list(meetings.order_by("-starts_at", "-id")),
        "decisions": list(ForumDecision.objects.filter(plan=plan).select_related("meeting")),
    })


def member_add(request, slug):
    plan = _plan(slug)
    refused = refusal(request, "assessment.manage_forum", plan)
    if refused:
        return refused
    form = MemberForm(request.POST or None, initial={"joined_on": today()})
    done = saved(request, form, lambda: services.add_member(
        plan, actor=request.user, **form.cleaned_data),
        success=_("The member is added to the forum."), then=_forum_url(plan))
    return done or render(request, f"{TEMPLATES}/member_form.html", {
        "plan": plan, "form": form}, status=400 if request.method == "POST" else 200)


def _member(slug, pk):
    return get_object_or_404(ForumMember.objects.select_related("plan"), pk=pk,
                             plan__slug=slug)


def member_edit(request, slug, pk):
    member = _member(slug, pk)
    plan = member.plan
    refused = refusal(request, "assessment.manage_forum", plan)
    if refused:
        return refused
    form = MemberForm(request.POST or None, instance=ForumMember.objects.get(pk=member.pk))
    done = saved(request, form, lambda: services.update_member(
        member, actor=request.user, **form.cleaned_data),
        success=_("The membership is saved."), then=_forum_url(plan))
    return done or render(request, f"{TEMPLATES}/member_form.html", {
        "plan": plan, "form": form, "member": member},
        status=400 if request.method == "POST" else 200)


@require_POST
def member_end(request, slug, pk):
    member = _member(slug, pk)
    refused = refusal(request, "assessment.manage_forum", member.plan)
    if refused:
        return refused
    try:
        services.end_membership(member, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The membership has ended; it stays in the forum's "
                                    "record."))
    return redirect(_forum_url(member.plan))


def decision_add(request, slug):
    plan = _plan(slug)
    refused = refusal(request, "assessment.manage_forum", plan)
    if refused:
        return refused
    form = ForumDecisionForm(request.POST or None, plan=plan, initial={"decided_on": today()})
    done = saved(request, form, lambda: services.record_decision(
        plan, actor=request.user, **form.cleaned_data),
        success=_("The forum's decision is recorded."), then=_forum_url(plan))
    return done or render(request, f"{TEMPLATES}/decision_form.html", {
        "plan": plan, "form": form}, status=400 if request.method == "POST" else 200)
