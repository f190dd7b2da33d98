"""Pages of the plan's versions: the list, one version's table (from its snapshot) with the
public comments on its measures and activities, the comparison of any two, and the
coordinator's forms to freeze, publish, endorse and approve. Every write goes through
:mod:`bashke.drafting.services.versions`; a form with an error keeps what was typed."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bashke.consultation.services.limits import TooManySubmissions
from bashke.core.access import refusal
from bashke.core.permissions import allowed, require
from bashke.core.web import add_service_errors, client_ip, saved
from bashke.drafting import compare as comparing
from bashke.drafting import tree
from bashke.drafting.forms.versions import (
    ApproveForm,
    CommentForm,
    CompareForm,
    EndorsementForm,
    FreezeForm,
    HideForm,
    PublishForm,
)
from bashke.drafting.models import PlanVersion, VersionComment
from bashke.drafting.services import versions as services
from bashke.plans.cycle import today
from bashke.plans.models import ActionPlan

MANAGE_REFUSED = "Only the plan's coordinators manage its versions."


def plan_or_404(slug):
    return get_object_or_404(ActionPlan.objects.select_related("jurisdiction"), slug=slug)


def version_or_404(request, slug, number):
    version = get_object_or_404(
        PlanVersion.objects.select_related("plan", "plan__jurisdiction", "endorsement"),
        plan__slug=slug, number=number)
    require(request.user, "drafting.view_version", version)
    return version


def version_url(version, name="drafting:version"):
    return reverse(name, kwargs={"slug": version.plan.slug, "number": version.number})


def form_page(request, template, context):
    """The form's page; after a refused POST it answers 400, as the consultation's do."""
    return render(request, template, context, status=400 if request.method == "POST" else 200)


def managed(view):
    """Loads the version for the plan's coordinators; the log-in page or a 403 for others."""

    @wraps(view)
    def wrapper(request, slug, number, **kwargs):
        version = version_or_404(request, slug, number)
        refused = refusal(request, "drafting.manage_versions", version, _(MANAGE_REFUSED))
        if refused is not None:
            return refused
        return view(request, version, **kwargs)
    return wrapper


# The list ----------------------------------------------------------------------------------

def version_list(request, slug):
    plan = plan_or_404(slug)
    require(request.user, "drafting.view_version", plan)
    versions = list(PlanVersion.objects.for_plan(plan).defer("snapshot")
                    .select_related("endorsement")
                    .annotate(comment_count=Count("comments")).order_by("-number"))
    numbers = [v.number for v in reversed(versions)]
    form = CompareForm(initial={"a": numbers[-2], "b": numbers[-1]} if len(numbers) > 1
                       else None, numbers=numbers)
    return render(request, "drafting/versions/list.html", {
        "plan": plan, "versions": versions, "compare_form": form,
        "approved": next((v for v in versions if v.is_approved), None),
        "can_manage": allowed(request.user, "drafting.manage_versions", plan),
        "today": today(),
    })


def version_freeze(request, slug):
    plan = plan_or_404(slug)
    refused = refusal(request, "drafting.manage_versions", plan, _(MANAGE_REFUSED))
    if refused is not None:
        return refused
    form = FreezeForm(request.POST or None)
    done = saved(request, form, lambda: services.freeze(
        plan, actor=request.user, note=form.cleaned_data["note"]),
        success=lambda v: _("Version %(number)s is frozen.") % {"number": v.number},
        then=version_url)
    return done or form_page(request, "drafting/versions/freeze.html", {
        "plan": plan, "form": form,
        "approved": PlanVersion.objects.for_plan(plan).approved().exists()})


# One version -------------------------------------------------------------------------------

def _row_choices(table):
    return [(key, f"{item.number} {item.title}") for key, item in table.rows()
            if not key.startswith("objective:")]


def _render_version(request, version, form, status=200):
    table = tree.from_json(version.snapshot)
    comments = list(VersionComment.objects.filter(version=version).for_page())
    by_row = {}
    for item in comments:
        by_row.setdefault(item.row, []).append(item)
    titles = dict(_row_choices(table))
    for key, item in table.rows():
        # What the table's comment column needs, on the row itself: templates cannot look
        # a key up in a dict.
        item.key, item.anchor = key, key.replace(":", "-")
        item.comment_count = len(by_row.get(key, ()))
    problem = services.comment_problem(version)
    user = request.user
    moderate = bool(comments) and allowed(user, "drafting.moderate_version_comments", version)
    return render(request, "drafting/versions/detail.html", {
        "plan": version.plan, "version": version, "table": table,
        "comment_groups": [{"key": key, "anchor": key.replace(":", "-"), "title": title,
                            "comments": by_row[key]}
                           for key, title in titles.items() if key in by_row],
        "comment_total": len(comments),
        "form": form, "problem": problem, "open": not problem,
        "can_manage": allowed(user, "drafting.manage_versions", version),
        "can_moderate": moderate,
        "has_earlier": version.number > 1,
    }, status=status)


def version_detail(request, slug, number):
    version = version_or_404(request, slug, number)
    table = tree.from_json(version.snapshot)
    row = request.GET.get("row", "")
    form = CommentForm(rows=_row_choices(table), initial={
        "row": row, "language": request.LANGUAGE_CODE[:2]})
    return _render_version(request, version, form)


@require_POST
def version_comment(request, slug, number):
    version = version_or_404(request, slug, number)
    if not request.user.is_authenticated:
        return redirect_to_login(version_url(version))
    form = CommentForm(request.POST, rows=_row_choices(tree.from_json(version.snapshot)))
    status = 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.comment(version, data["row"], actor=request.user, body=data["body"],
                             language=data["language"], client_address=client_ip(request))
        except TooManySubmissions as error:
            form.add_error(None, error)
            status = 429
        except services.CommentsClosed as error:
            form.add_error(None, error)
            status = 409
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
            status = 403
        else:
            messages.success(request, _("Thank you: your comment is published."))
            return redirect(f"{version_url(version)}#comments-{data['row'].replace(':', '-')}")
    return _render_version(request, version, form, status=status)


def comment_hide(request, slug, number, comment):
    version = version_or_404(request, slug, number)
    item = get_object_or_404(VersionComment.objects.select_related("version__plan", "author"),
                             version=version, pk=comment)
    refused = refusal(request, "drafting.moderate_version_comments", item,
                      _("Only the plan's moderators and coordinators hide comments."))
    if refused is not None:
        return refused
    form = HideForm(request.POST or None)
    done = saved(request, form, lambda: services.hide_comment(
        item, actor=request.user, reason=form.cleaned_data["reason"]),
        success=_("The comment is hidden; the reason is shown in its place."),
        then=f"{version_url(version)}#comments-{item.row.replace(':', '-')}")
    return done or form_page(request, "drafting/versions/hide.html", {
        "plan": version.plan, "version": version, "comment": item, "form": form})


def decision_document(request, slug, number):
    version = version_or_404(request, slug, number)
    if not version.decision_document:
        raise Http404
    try:
        handle = version.decision_document.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    extension = version.decision_document.name.rsplit(".", 1)[-1]
    response = FileResponse(handle, as_attachment=True,
                            filename=f"{version.plan.slug}-v{version.number}-decision."
                                     f"{extension}")
    response["X-Content-Type-Options"] = "nosniff"
    return response


# The coordinator's forms -------------------------------------------------------------------

@managed
def version_publish(request, version):
    form = PublishForm(request.POST or None)
    done = saved(request, form, lambda: services.publish_for_comment(
        version, actor=request.user, **form.cleaned_data),
        success=lambda v: _("Version %(number)s is published for comment.")
        % {"number": v.number}, then=version_url(version))
    return done or form_page(request, "drafting/versions/publish.html", {
        "plan": version.plan, "version": version, "form": form,
        "stages": services.consultation_stages(version.plan)})


@require_POST
@managed
def version_close(request, version):
    try:
        services.close_comments(version, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Public comment on version %(number)s is closed.")
                         % {"number": version.number})
    return redirect(version_url(version))


@managed
def version_endorsement(request, version):
    form = EndorsementForm(request.POST or None, plan=version.plan)
    done = saved(request, form, lambda: services.record_endorsement(
        version, form.cleaned_data["endorsement"], actor=request.user),
        success=_("The forum's endorsement is recorded."), then=version_url(version))
    return done or form_page(request, "drafting/versions/endorsement.html", {
        "plan": version.plan, "version": version, "form": form})


@managed
def version_approve(request, version):
    form = ApproveForm(request.POST or None, request.FILES or None)
    done = saved(request, form, lambda: services.approve(
        version, actor=request.user, **form.cleaned_data),
        success=lambda v: _("Version %(number)s is recorded as approved. The plan can no "
                            "longer change.") % {"number": v.number},
        then=version_url(version))
    return done or form_page(request, "drafting/versions/approve.html", {
        "plan": version.plan, "version": version, "form": form})


# Comparing two versions --------------------------------------------------------------------

def version_compare(request, slug):
    plan = plan_or_404(slug)
    require(request.user, "drafting.view_version", plan)
    numbers = list(PlanVersion.objects.for_plan(plan).order_by("number")
                   .values_list("number", flat=True))
    data = request.GET if "a" in request.GET or "b" in request.GET else (
        {"a": numbers[-2], "b": numbers[-1]} if len(numbers) > 1 else None)
    form = CompareForm(data, numbers=numbers)
    comparison, first, second, status = None, None, None, 200
    if data is not None:
        if form.is_valid():
            chosen = {v.number: v for v in PlanVersion.objects.for_plan(plan).filter(
                number__in=[form.cleaned_data["a"], form.cleaned_data["b"]])}
            first, second = chosen[form.cleaned_data["a"]], chosen[form.cleaned_data["b"]]
            comparison = comparing.compare(tree.from_json(first.snapshot),
                                           tree.from_json(second.snapshot))
        else:
            status = 400
    return render(request, "drafting/versions/compare.html", {
        "plan": plan, "form": form, "comparison": comparison, "first": first,
        "second": second, "numbers": numbers,
        "rows": _presented(comparison) if comparison else [],
        "totals": [(comparing.label(c.field), comparing.written(c.old),
                    comparing.written(c.new)) for c in comparison.totals] if comparison else [],
    }, status=status)


def _presented(comparison):
    """Each row that differs, with its changes written out for the page."""
    rows = []
    for row in comparison.differences:
        rows.append({
            "row": row, "status": row.status, "kind": row.kind,
            "number": row.number, "old_number": row.old.number if row.old else "",
            "title": row.item.title,
            "changes": [{"label": comparing.label(c.field), "old": comparing.written(c.old),
                         "new": comparing.written(c.new)} for c in row.changes],
        })
    return rows
