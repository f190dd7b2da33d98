"""Decisions on ideas: the queue of ideas awaiting a response, and the page that decides on
one idea and writes its reasoned response. For the plan's coordinators and the leaders and
secretariat of the idea's component (``assessment.decide``)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from bashke.assessment.forms.decisions import DecisionForm, QueueFilter
from bashke.assessment.models import Decision, DecisionKind
from bashke.assessment.services import decisions as services
from bashke.consultation.models import Idea, IdeaStatus
from bashke.consultation.outcomes import awaiting_response
from bashke.core.access import refusal
from bashke.core.web import add_service_errors
from bashke.plans.models import ActionPlan, Component
from bashke.plans.rules import ALL, components_run_by

PAGE_SIZE = 50
TEMPLATES = "assessment/decisions"


def queue(request, slug):
    plan = get_object_or_404(ActionPlan.objects.select_related("jurisdiction"), slug=slug)
    refused = refusal(request, "assessment.decide", plan)
    if refused:
        return refused
    runs = components_run_by(request.user, plan)
    components = [c for c in Component.objects.filter(goal__plan=plan).select_related("goal")
                  .order_by("goal__number", "position", "id") if runs is ALL or c.pk in runs]
    form = QueueFilter(request.GET or None, components=components)
    ideas = Idea.objects.filter(plan=plan)
    if runs is not ALL:
        ideas = ideas.filter(component_id__in=[c.pk for c in components])
    if form.is_valid() and form.cleaned_data["component"]:
        ideas = ideas.filter(component_id=form.cleaned_data["component"])
    waiting = awaiting_response(ideas).select_related("component").order_by("submitted_at", "id")
    page_obj = Paginator(waiting, PAGE_SIZE).get_page(request.GET.get("page"))
    for idea in page_obj:
        idea.plan = plan  # for its address, without a join
    query = request.GET.copy()
    query.pop("page", None)
    decided = Decision.objects.filter(idea__in=ideas).count()
    return render(request, f"{TEMPLATES}/queue.html", {
        "plan": plan, "form": form, "page_obj": page_obj, "query": query.urlencode(),
        "decided": decided, "components": components,
    })


def _candidates(idea):
    """The ideas this one may be merged into: the plan's others that are still in play."""
    return list(Idea.objects.filter(plan_id=idea.plan_id, status=IdeaStatus.SUBMITTED,
                                    hidden_at__isnull=True).exclude(pk=idea.pk)
                .exclude(decision__kind=DecisionKind.MERGED).only("pk", "title")
                .order_by("pk"))


def _initial(current):
    if current is None:
        return {"version": 0}
    return {"kind": current.kind, "merged_into": current.merged_into_id,
            "response_sq": current.response_sq, "response_en": current.response_en,
            "version": current.version}


def decide(request, slug, pk):
    idea = get_object_or_404(Idea.objects.select_related("plan", "component"), pk=pk,
                             plan__slug=slug)
    refused = refusal(request, "assessment.decide", idea)
    if refused:
        return refused
    plan = idea.plan
    current = Decision.objects.select_related("merged_into").filter(idea=idea).first()
    candidates = _candidates(idea)
    form = DecisionForm(request.POST or None, initial=_initial(current), candidates=candidates)
    theirs = None
    if request.method == "POST" and form.is_valid():
        values = form.cleaned_data
        try:
            services.decide(idea, actor=request.user, kind=values["kind"],
                            response_sq=values["response_sq"],
                            response_en=values["response_en"],
                            merged_into=form.merged_idea(), expected_version=values["version"])
        except services.Conflict as conflict:
            theirs = conflict.current
            # What was typed stays; saving again replaces their version knowingly.
            data = request.POST.copy()
            data["version"] = theirs.version if theirs is not None else 0
            form = DecisionForm(data, candidates=candidates)
            form.is_valid()
            form.add_error(None, conflict)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The decision is saved and published on the idea's "
                                        "page; its author and followers are told."))
            return redirect(idea)
    return render(request, f"{TEMPLATES}/decide.html", {
        "plan": plan, "idea": idea, "form": form, "current": current, "theirs": theirs,
    }, status=400 if request.method == "POST" else 200)
