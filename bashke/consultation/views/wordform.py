"""The idea form in Word: download it, upload it filled (one's own, or a batch received by
e-mail), confirm what was read, and export ideas back to filled forms."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from bashke.consultation.forms import wordform as forms
from bashke.consultation.models import Idea, PendingWordForm
from bashke.consultation.services import ideas as idea_services
from bashke.consultation.services import wordform as services
from bashke.consultation.wordform import generate
from bashke.core.access import refusal
from bashke.core.permissions import allowed, require
from bashke.core.text import active_content_language
from bashke.core.web import client_ip, saved
from bashke.plans.models import ActionPlan


def _plan(request, slug):
    plan = get_object_or_404(services.plan_for_forms(ActionPlan.objects), slug=slug)
    require(request.user, "plans.view_plan", plan)
    return plan


def _language(request, fallback=None):
    asked = request.GET.get("lang", "")
    return asked if asked in ("sq", "en") else (fallback or active_content_language())


def _docx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=generate.MIME_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def form_docx(request, slug):
    plan = _plan(request, slug)
    language = _language(request)
    return _docx(generate.build(plan, language), f"{plan.slug}-idea-form-{language}.docx")


def _pending_list(request, plan, batch):
    return (PendingWordForm.objects.of(request.user, plan).filter(batch=batch)
            .order_by("-created_at", "-id"))


def upload(request, slug):
    """A person uploads the form they filled in; it is read and shown for confirmation."""
    plan = _plan(request, slug)
    refused = refusal(request, "consultation.upload_word_form", plan)
    if refused:
        return refused
    open_stage, _upcoming = idea_services.idea_window(plan)
    form = forms.UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and open_stage is not None and form.is_valid():
        try:
            pending, refused = services.stage_uploads(
                plan, [form.cleaned_data["file"]], actor=request.user,
                client_address=client_ip(request))
        except ValidationError as error:
            form.add_error("file", error)
        else:
            if pending:
                return redirect("consultation:confirm_word_form", slug=plan.slug,
                                pk=pending[0].pk)
            form.add_error("file", refused[0][1])
    return render(request, "consultation/wordform/upload.html", {
        "plan": plan, "form": form, "open_stage": open_stage,
        "closed_message": None if open_stage else idea_services.closed_message(plan),
        "pending_forms": _pending_list(request, plan, batch=False),
        "can_batch": allowed(request.user, "consultation.upload_word_batch", plan),
    })


def upload_batch(request, slug):
    """Staff upload the forms received by e-mail, many at once."""
    plan = _plan(request, slug)
    refused = refusal(request, "consultation.upload_word_batch", plan)
    if refused:
        return refused
    form = forms.BatchUploadForm(request.POST or None, request.FILES or None)
    refused = []
    if request.method == "POST" and form.is_valid():
        try:
            pending, refused = services.stage_uploads(
                plan, form.cleaned_data["files"], actor=request.user, batch=True)
        except ValidationError as error:
            form.add_error("files", error)
        else:
            if pending:
                messages.success(request, ngettext(
                    "%(count)s form read. Confirm it below to publish it as an idea.",
                    "%(count)s forms read. Confirm each below to publish it as an idea.",
                    len(pending)) % {"count": len(pending)})
            if not refused:
                return redirect("consultation:upload_word_batch", slug=plan.slug)
    return render(request, "consultation/wordform/batch.html", {
        "plan": plan, "form": form, "refused": refused,
        "pending_forms": _pending_list(request, plan, batch=True),
    })


def _pending(request, plan, pk):
    pending = PendingWordForm.objects.of(request.user, plan).filter(pk=pk).first()
    if pending is None or not allowed(request.user, "consultation.confirm_word_form", pending):
        # Someone else's pending form is not theirs to see, nor to know about.
        raise Http404
    return pending


def _flags(pending):
    parsed = pending.parsed
    flagged = set(parsed.get("unanswered", []))
    for warning in parsed.get("warnings", []):
        if warning.get("code") in {"both_ticked", "unmatched", "too_long", "several_ticked"}:
            flagged.add(warning.get("field"))
    if "component" in flagged:
        flagged.add("goal")
    return flagged


def confirm(request, slug, pk):
    plan = _plan(request, slug)
    refused = refusal(request, "consultation.upload_word_form", plan)
    if refused:
        return refused
    pending = _pending(request, plan, pk)
    form_class = forms.form_class(pending)
    form = form_class(request.POST or None, initial=forms.initial_from(pending, request.user),
                      plan=plan, user=request.user)
    done = saved(request, form, lambda: services.confirm(
        pending, actor=request.user, answers=form.answers(),
        agencies=form.cleaned_data["agencies"], client_address=client_ip(request)),
        success=_("The idea is published."), then=lambda idea: idea)
    if done:
        return done
    parsed = pending.parsed
    return render(request, "consultation/wordform/confirm.html", {
        "plan": plan, "pending": pending, "form": form, "groups": form.question_groups(),
        "flagged": _flags(pending),
        "unanswered": [services.field_label(key) for key in parsed.get("unanswered", [])],
        "warnings": [services.describe(w) for w in parsed.get("warnings", [])]
        + [note for note in [services.name_note(pending, request.user)] if note],
    })


@require_POST
def discard(request, slug, pk):
    plan = get_object_or_404(ActionPlan, slug=slug)
    refused = refusal(request, "consultation.upload_word_form", plan)
    if refused:
        return refused
    pending = _pending(request, plan, pk)
    services.discard(pending, actor=request.user)
    messages.success(request, _("“%(name)s” is discarded; nothing was published.")
                     % {"name": pending.file_name})
    target = "consultation:upload_word_batch" if pending.batch else "consultation:upload_idea_form"
    return redirect(target, slug=plan.slug)


# Export ----------------------------------------------------------------------------------

def _filled(idea, language) -> generate.FilledForm:
    words = generate.labels.text(language)
    heading = words["idea_heading"].format(number=idea.pk, title=idea.title)
    if idea.is_hidden:
        return generate.FilledForm(heading=heading, hidden_reason=idea.hidden_reason)
    suffix = "en" if language == "en" else "sq"
    agencies = [getattr(a, f"name_{suffix}") or a.name_en for a in idea.agencies.all()]
    if idea.other_agencies:
        agencies += [part.strip() for part in idea.other_agencies.split(";") if part.strip()]
    answers = idea.answers()
    answers.update(language=idea.language, publish_name=idea.publish_name)
    # Only the name the idea shows in public: the organisation's, or the person's with
    # their consent; never an e-mail address.
    return generate.FilledForm(
        heading=heading, answers=answers, goal_id=idea.goal_id, component_id=idea.component_id,
        agencies=agencies, organisation=idea.organisation.name if idea.organisation_id else "",
        submitter_name="" if idea.organisation_id else idea.public_name)


def _ideas():
    return Idea.objects.select_related("plan", "organisation", "author").prefetch_related(
        "agencies")


def idea_docx(request, slug, pk):
    plan = _plan(request, slug)
    idea = get_object_or_404(_ideas(), pk=pk, plan=plan)
    language = _language(request, fallback=idea.language)
    content = generate.build(plan, language, [_filled(idea, language)])
    return _docx(content, f"{plan.slug}-idea-{idea.pk}.docx")


def component_docx(request, slug, component_slug):
    plan = _plan(request, slug)
    component = next((c for goal in plan.goals.all() for c in goal.components.all()
                      if c.slug == component_slug), None)
    if component is None:
        raise Http404
    language = _language(request)
    ideas = list(_ideas().filter(plan=plan, component=component).order_by("submitted_at", "id"))
    if not ideas:
        messages.info(request, _("No ideas have been put forward for this component yet."))
        return redirect(plan)
    content = generate.build(plan, language, [_filled(idea, language) for idea in ideas])
    return _docx(content, f"{plan.slug}-{component.slug}-ideas.docx")
