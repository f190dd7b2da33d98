"""Choosing the ideas a measure or activity came from: a search among the ideas of its
component (or the whole plan), ticked and saved together. Saving records each newly linked
idea as included (:mod:`bashke.drafting.services.sources`)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from bashke.consultation.models import Idea
from bashke.core.web import add_service_errors
from bashke.drafting.forms.table import SourceIdeasForm
from bashke.drafting.models import Activity, Measure
from bashke.drafting.services.sources import set_source_ideas
from bashke.drafting.services.table import Conflict, component_of
from bashke.drafting.views.items import _page, drafted, measure_url

SHOWN = 50


def _choices(item, query, whole_plan):
    """The ideas offered: those already linked, then up to SHOWN matches of the search."""
    component = component_of(item)
    linked = list(item.source_ideas.select_related("plan").order_by("title"))
    ideas = Idea.objects.for_plan(component.goal.plan).visible()
    if not whole_plan:
        ideas = ideas.for_component(component)
    if query:
        ideas = ideas.search(query)
    found = list(ideas.exclude(pk__in=[i.pk for i in linked]).order_by("-submitted_at", "-id")
                 [:SHOWN])
    return linked, found


def _sources(request, item):
    component = component_of(item)
    plan = component.goal.plan
    query = (request.GET.get("q") or "").strip()[:200]
    whole_plan = request.GET.get("scope") == "plan"
    linked, found = _choices(item, query, whole_plan)
    form = SourceIdeasForm(request.POST or None, choices=[*linked, *found],
                           initial={"version": item.version, "ideas": [i.pk for i in linked]})
    measure = item if isinstance(item, Measure) else item.measure
    context = {"plan": plan, "item": item, "measure": measure, "component": component,
               "query": query, "whole_plan": whole_plan, "linked": linked, "found": found,
               "kind": "measure" if isinstance(item, Measure) else "activity"}
    if request.method == "POST" and form.is_valid():
        try:
            set_source_ideas(item, actor=request.user, ideas=form.cleaned_data["ideas"],
                             expected_version=form.cleaned_data["version"])
        except Conflict:
            item.refresh_from_db()
            linked, found = _choices(item, query, whole_plan)
            context.update(linked=linked, found=found)
            form = SourceIdeasForm(choices=[*linked, *found], initial={
                "version": item.version, "ideas": [i.pk for i in linked]})
            context["conflict_note"] = _("Someone else changed this item's sources in the "
                                         "meantime. Their choice is shown now; choose again.")
            context["form"] = form
            return _page(request, "sources.html", context, status=409)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The sources are saved; newly linked ideas are recorded "
                                        "as included in the plan."))
            return redirect(measure_url(measure))
    context["form"] = form
    return _page(request, "sources.html", context)


measure_sources = drafted(Measure)(_sources)
activity_sources = drafted(Activity)(_sources)
