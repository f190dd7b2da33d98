"""Briefs and their documents, per plan and component, and the examples library.

Everyone reads what is published; the people who manage a brief (see
consultation/rules/briefs.py) also see it unpublished, and write it through the services.
"""

import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bashke.consultation.forms.briefs import (
    BriefForm,
    DocumentForm,
    ExampleFilterForm,
    ExampleForm,
    PackageSentForm,
)
from bashke.consultation.models import Brief, BriefDocument, BriefKind, Example
from bashke.consultation.services import briefs as services
from bashke.core.access import asks, refusal
from bashke.core.permissions import allowed, require
from bashke.core.web import saved
from bashke.plans.models import ActionPlan
from bashke.plans.rules import ALL, components_run_by

EXAMPLES_PER_PAGE = 20


def _plan(slug):
    return get_object_or_404(ActionPlan.objects.select_related("jurisdiction"), slug=slug)


def _brief(request, plan, pk):
    """The brief, if published or managed by the visitor; otherwise it does not exist."""
    brief = get_object_or_404(Brief.objects.for_plan(plan).for_page(), pk=pk)
    brief.plan = plan  # already loaded, with its jurisdiction
    if not allowed(request.user, "consultation.view_brief", brief):
        raise Http404
    return brief


def _managed_brief(request, plan, pk):
    """(brief, None) when the visitor manages it, else (brief, the refusal's response)."""
    brief = _brief(request, plan, pk)
    return brief, refusal(request, "consultation.manage_brief", brief)


def group_briefs(briefs):
    """[(component or None, [briefs])]: the whole plan's first, then each component's."""
    groups = []
    for brief in briefs:
        if not groups or groups[-1][0] != brief.component:
            groups.append((brief.component, []))
        groups[-1][1].append(brief)
    return groups


# Public pages ------------------------------------------------------------------------------

def brief_list(request, slug):
    plan = _plan(slug)
    require(request.user, "plans.view_plan", plan)
    # One query for the whole list, rather than "consultation.view_brief" per draft.
    runs = components_run_by(request.user, plan)
    briefs = Brief.objects.for_plan(plan).for_page().in_order()
    if not runs:
        briefs = briefs.published()
    elif runs is not ALL:
        briefs = briefs.filter(Q(published=True) | Q(component__in=runs))
    return render(request, "consultation/briefs/brief_list.html", {
        "plan": plan, "groups": group_briefs(briefs), "can_add": bool(runs),
    })


def brief_detail(request, slug, pk):
    plan = _plan(slug)
    brief = _brief(request, plan, pk)
    return render(request, "consultation/briefs/brief_detail.html", {
        "plan": plan, "brief": brief,
        "can_manage": allowed(request.user, "consultation.manage_brief", brief),
        "can_send": brief.is_package and allowed(request.user, "consultation.send_package",
                                                 plan),
    })


def document_download(request, slug, pk, document):
    plan = _plan(slug)
    brief = _brief(request, plan, pk)
    document = get_object_or_404(BriefDocument, pk=document, brief=brief)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=document.download_name,
                            content_type=document.content_type)
    # A stored document is never run as a page, even if a browser were to guess so.
    response["Content-Security-Policy"] = "sandbox"
    return response


# Writing briefs ----------------------------------------------------------------------------

def brief_create(request, slug):
    plan = _plan(slug)
    refused = refusal(request, "consultation.add_brief", plan)
    if refused:
        return refused
    form = BriefForm(request.POST or None, plan=plan,
                     runs=components_run_by(request.user, plan))
    done = saved(request, form, lambda: services.create_brief(
        plan, actor=request.user, **form.cleaned_data),
        success=_("The brief has been saved."), then=lambda brief: brief)
    return done or render(request, "consultation/briefs/brief_form.html", {
        "plan": plan, "form": form, "brief": None})


def brief_edit(request, slug, pk):
    plan = _plan(slug)
    brief, refused = _managed_brief(request, plan, pk)
    if refused:
        return refused
    form = BriefForm(request.POST or None, instance=Brief.objects.get(pk=brief.pk), plan=plan,
                     runs=components_run_by(request.user, plan))

    def save():
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        services.update_brief(brief, actor=request.user, **changes)
        return changes

    done = saved(request, form, save, then=brief, success=lambda changes: (
        _("The brief has been saved.") if changes
        else _("Nothing to save: the brief was unchanged.")))
    return done or render(request, "consultation/briefs/brief_form.html", {
        "plan": plan, "form": form, "brief": brief})


@require_POST
def brief_publish(request, slug, pk):
    plan = _plan(slug)
    brief, refused = _managed_brief(request, plan, pk)
    if refused:
        return refused
    publish = request.POST.get("published") == "1"
    services.publish_brief(brief, actor=request.user, published=publish)
    messages.success(request, _("The brief is now published.") if publish
                     else _("The brief is no longer published."))
    return redirect(brief)


def package_sent(request, slug, pk):
    plan = _plan(slug)
    brief = _brief(request, plan, pk)
    refused = refusal(request, "consultation.send_package", plan)
    if refused:
        return refused
    if brief.kind != BriefKind.METHODOLOGY:
        raise Http404
    initial = {"sent_to": list(brief.sent_to.all()),
               "sent_on": timezone.localdate(brief.sent_at) if brief.sent_at else None}
    form = PackageSentForm(request.POST or None, initial=initial, plan=plan)

    def save():
        sent_on = form.cleaned_data["sent_on"]
        sent_at = None
        if sent_on and sent_on != timezone.localdate():
            sent_at = timezone.make_aware(datetime.datetime.combine(sent_on,
                                                                    datetime.time(12)))
        return services.mark_package_sent(brief, actor=request.user,
                                          components=form.cleaned_data["sent_to"],
                                          sent_at=sent_at)

    done = saved(request, form, save, then=brief,
                 success=_("Recorded to whom the methodological package was sent."))
    return done or render(request, "consultation/briefs/package_sent.html", {
        "plan": plan, "brief": brief, "form": form})


def document_upload(request, slug, pk):
    plan = _plan(slug)
    brief, refused = _managed_brief(request, plan, pk)
    if refused:
        return refused
    form = DocumentForm(request.POST or None, request.FILES or None)
    done = saved(request, form, lambda: services.add_document(
        brief, actor=request.user, uploaded=form.cleaned_data["file"],
        title_sq=form.cleaned_data["title_sq"], title_en=form.cleaned_data["title_en"]),
        success=_("The document has been added to the brief."), then=brief)
    return done or render(request, "consultation/briefs/document_form.html", {
        "plan": plan, "brief": brief, "form": form, "limit": services.MAX_DOCUMENT_BYTES})


@require_POST
def document_remove(request, slug, pk, document):
    plan = _plan(slug)
    brief, refused = _managed_brief(request, plan, pk)
    if refused:
        return refused
    document = get_object_or_404(BriefDocument, pk=document, brief=brief)
    services.remove_document(document, actor=request.user)
    messages.success(request, _("The document has been removed from the brief."))
    return redirect(brief)


# Examples from other countries ---------------------------------------------------------------

@asks("core.view_public")
def example_list(request):
    data = request.GET.copy()
    if "country" in data:
        data["country"] = data["country"].strip().upper()
    examples = Example.objects.published()
    filter_form = ExampleFilterForm(data, countries=list(examples.countries()))
    filters = filter_form.filters()
    if "theme" in filters:
        examples = examples.filter(theme=filters["theme"])
    if "country" in filters:
        examples = examples.filter(country_code=filters["country"])
    page_obj = Paginator(examples.in_order(), EXAMPLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "consultation/briefs/example_list.html", {
        "page_obj": page_obj, "cards": shared_cards(page_obj), "filter_form": filter_form,
        "filtered": bool(filters),
        "can_manage": allowed(request.user, "consultation.manage_example"),
    })


def shared_cards(examples):
    """One card per commitment: members that made the same commitment (the seed names
    Denmark, Chile and Indonesia together for responsible data stewardship) share a card
    that names each of them, where the card of the first stands in the order."""
    cards, by_title = [], {}
    for example in examples:
        key = (example.theme, example.title)
        if key in by_title:
            by_title[key]["members"].append(example)
        else:
            by_title[key] = {"example": example, "theme": example.get_theme_display(),
                             "members": [example]}
            cards.append(by_title[key])
    return cards


def example_detail(request, example):
    can_manage = allowed(request.user, "consultation.manage_example")
    examples = Example.objects.all() if can_manage else Example.objects.published()
    return render(request, "consultation/briefs/example_detail.html", {
        "example": get_object_or_404(examples, slug=example), "can_manage": can_manage})


@asks("consultation.manage_example")
def example_form(request, example=None):
    instance = get_object_or_404(Example, slug=example) if example else None
    form = ExampleForm(request.POST or None, instance=instance)

    def save():
        if instance is None:
            return services.create_example(actor=request.user, **form.cleaned_data)
        return services.update_example(instance, actor=request.user, **{
            name: form.cleaned_data[name] for name in form.changed_data})

    done = saved(request, form, save, success=_("The example has been saved."),
                 then=lambda example: example)
    return done or render(request, "consultation/briefs/example_form.html", {
        "form": form, "example": instance})
