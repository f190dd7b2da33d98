"""The idea form online, the public list of ideas and each idea's page."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bashke.consultation import outcomes
from bashke.consultation.forms.ideas import IdeaFilterForm, IdeaForm, RecordedIdeaForm
from bashke.consultation.models import Idea, IdeaDraft, IdeaStatus
from bashke.consultation.services import ideas as services
from bashke.consultation.views.deliberation import idea_panel_context
from bashke.core.access import refusal
from bashke.core.permissions import allowed
from bashke.core.web import add_service_errors, client_ip, saved
from bashke.plans.models import ActionPlan, Component, PolicyGoal, Stage

PAGE_SIZE = 20
SORT_ORDER = {
    "newest": ["-submitted_at", "-id"],
    "supported": ["-support_count", "-submitted_at", "-id"],
    "discussed": ["-comment_count", "-submitted_at", "-id"],
}


def _plan(slug):
    return get_object_or_404(
        ActionPlan.objects.select_related("jurisdiction").prefetch_related(
            Prefetch("stages", queryset=Stage.objects.in_order())),
        slug=slug)


def _form_kwargs(request, plan):
    # ``goal`` in the query: the component list follows the goal just chosen (htmx asks
    # for this page again and takes only the component field from it).
    return {"plan": plan, "user": request.user, "follow_url": request.path,
            "chosen_goal": request.GET.get("goal", "")}


def submit(request, slug):
    plan = _plan(slug)
    open_stage, upcoming = services.idea_window(plan)
    context = {"plan": plan, "open_stage": open_stage, "upcoming": upcoming,
               "closed_message": None if open_stage else services.closed_message(plan)}
    may_submit = allowed(request.user, "consultation.submit_idea", plan)
    if request.method == "POST" and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if open_stage is None or not may_submit:
        return render(request, "consultation/ideas/submit.html", context)
    draft = IdeaDraft.objects.filter(user=request.user, plan=plan).first()
    if request.method == "POST":
        form = IdeaForm(request.POST, **_form_kwargs(request, plan))
        if form.is_valid():
            try:
                idea = services.submit_idea(plan, actor=request.user, answers=form.answers(),
                                            agencies=form.cleaned_data["agencies"],
                                            client_address=client_ip(request))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Thank you: your idea is published. You can change "
                                            "it until %(end)s.") % {"end": open_stage.end})
                return redirect(idea)
    else:
        form = IdeaForm(initial=_draft_initial(draft), **_form_kwargs(request, plan))
    context.update(form=form, draft=draft, groups=form.question_groups())
    return render(request, "consultation/ideas/submit.html", context)


def _draft_initial(draft):
    if draft is None:
        return None
    initial = dict(draft.data)
    initial["agencies"] = [pk for pk in initial.get("agencies", "").split(",") if pk.isdigit()]
    return initial


def _form_started(raw):
    """When the form was shown ({% now 'c' %} in the page), or None when it cannot be told."""
    try:
        moment = parse_datetime(raw)
    except ValueError:  # well-formed but impossible, e.g. month 13
        return None
    return moment if moment is not None and timezone.is_aware(moment) else None


@require_POST
def save_draft(request, slug):
    plan = get_object_or_404(ActionPlan, slug=slug)
    refused = refusal(request, "consultation.submit_idea", plan)
    if refused:
        return refused
    data = {key: request.POST.get(key, "") for key in request.POST
            if key not in {"csrfmiddlewaretoken", "draft_started"}}
    if "agencies" in request.POST:
        data["agencies"] = ",".join(request.POST.getlist("agencies"))
    try:
        draft = services.save_draft(plan, actor=request.user, data=data,
                                    started=_form_started(request.POST.get("draft_started", "")))
    except ValidationError as error:
        return JsonResponse({"detail": " ".join(error.messages)}, status=409)
    # The time as the site writes it (24-hour clock), not as the browser would.
    return JsonResponse({"saved_at": draft.updated_at.isoformat(),
                         "saved_at_text": f"{timezone.localtime(draft.updated_at):%H:%M}"})


def record(request, slug):
    plan = _plan(slug)
    refused = refusal(request, "consultation.record_idea", plan)
    if refused:
        return refused
    form = RecordedIdeaForm(request.POST or None, **_form_kwargs(request, plan))
    done = saved(request, form, lambda: services.submit_idea(
        plan, actor=request.user, answers=form.answers(), agencies=form.cleaned_data["agencies"],
        channel=form.cleaned_data["channel"], recorded=True),
        success=_("The idea is recorded and published."), then=lambda idea: idea)
    return done or render(request, "consultation/ideas/record.html",
                  {"plan": plan, "form": form, "groups": form.question_groups()})


def edit(request, slug, pk):
    idea = get_object_or_404(Idea.objects.select_related("plan"), pk=pk, plan__slug=slug)
    if not services.can_edit(idea, request.user):
        raise PermissionDenied
    form = IdeaForm(request.POST or None, instance=idea, **_form_kwargs(request, idea.plan))
    done = saved(request, form, lambda: services.edit_idea(
        Idea.objects.get(pk=idea.pk), actor=request.user, answers=form.answers(),
        agencies=form.cleaned_data["agencies"]),
        success=_("Your changes are saved; the earlier version is kept in the idea's "
                  "history."), then=idea)
    return done or render(request, "consultation/ideas/edit.html",
                  {"plan": idea.plan, "idea": idea, "form": form,
                   "groups": form.question_groups()})


@require_POST
def withdraw(request, slug, pk):
    idea = get_object_or_404(Idea.objects.select_related("plan"), pk=pk, plan__slug=slug)
    services.withdraw_idea(idea, actor=request.user)
    messages.success(request, _("Your idea is withdrawn. It stays visible, marked as "
                                "withdrawn."))
    return redirect(idea)


def filtered_ideas(plan, data, goals, components):
    """(form, queryset) for the list's filters; used by the page and the API alike."""
    form = IdeaFilterForm(data, plan=plan, goals=goals, components=components)
    ideas = outcomes.with_outcome(Idea.objects.for_plan(plan).for_list().with_counts())
    sort = "newest"
    if form.is_valid():
        values = form.cleaned_data
        if values["q"]:
            ideas = ideas.search(values["q"])
        if values["goal"]:
            ideas = ideas.filter(goal=values["goal"])
        if values["component"]:
            ideas = ideas.filter(component=values["component"])
        if values["value"]:
            ideas = ideas.filter(**{f"improves_{values['value']}": True})
        if values["channel"]:
            ideas = ideas.filter(channel=values["channel"])
        if values["status"] in IdeaStatus.values:
            ideas = ideas.filter(status=values["status"])
        elif values["status"]:
            ideas = outcomes.filter_by_outcome(ideas, values["status"])
        if values["sector"]:
            ideas = ideas.filter(Q(organisation__sector=values["sector"])
                                 | Q(organisation__isnull=True,
                                     author__sector=values["sector"]))
        sort = values["sort"] or "newest"
    return form, ideas.order_by(*SORT_ORDER[sort])


def idea_list(request, slug):
    plan = _plan(slug)
    goals = list(PolicyGoal.objects.filter(plan=plan).order_by("number"))
    components = list(Component.objects.filter(goal__plan=plan)
                      .order_by("goal__number", "position"))
    form, ideas = filtered_ideas(plan, request.GET or None, goals, components)
    page_obj = Paginator(ideas, PAGE_SIZE).get_page(request.GET.get("page"))
    labels = dict(outcomes.decision_kinds())
    for idea in page_obj:
        idea.decision_kind_label = labels.get(idea.decision_kind, "")
    query = request.GET.copy()
    query.pop("page", None)
    open_stage, upcoming = services.idea_window(plan)
    return render(request, "consultation/ideas/list.html", {
        "plan": plan, "form": form, "page_obj": page_obj, "query": query.urlencode(),
        "open_stage": open_stage, "upcoming": upcoming,
        "can_record": allowed(request.user, "consultation.record_idea", plan),
    })


def idea_detail(request, slug, pk):
    idea = get_object_or_404(Idea.objects.for_page(), pk=pk, plan__slug=slug)
    context = {"idea": idea, "plan": idea.plan, "can_edit": services.can_edit(idea, request.user),
               "revisions": list(idea.revisions.all()), "outcome": outcomes.outcome_of(idea)}
    # The decision is the assessment's; those who take it find the way there from here.
    if allowed(request.user, "assessment.decide", idea):
        context["decide_url"] = outcomes.decide_url(idea)
    context.update(_deliberation(request, idea))
    return render(request, "consultation/ideas/detail.html", context)


def _deliberation(request, idea):
    # Supporters, comments and moderation come from the deliberation module.
    return {"deliberation_template": "consultation/deliberation/idea_panel.html",
            **idea_panel_context(request, idea)}
