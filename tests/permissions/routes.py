"""How to ask each row of the matrix: the URL's keywords (objects of the scene) and, for a
POST, a plausible body (bodies.py).

A row key is "url-name METHOD [variant]" or "METHOD /api/path [variant]" (see table.py);
a variant names a second object for the same URL (a draft instead of a published meeting).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse

from bashke.accounts.models import Sector

from .bodies import (
    PASSWORD,
    SURVEY_BODY,
    batch_forms,
    brief_body,
    confirm_body,
    email_change_token,
    example_body,
    filled_docx,
    filled_form,
    idea_body,
    meeting_body,
    pdf,
    profile_body,
    question_body,
    question_edit_body,
    reset_kwargs,
    survey_answers,
    survey_body,
    unsubscribe_token,
    upload,
    verify_token,
)


def _none(scene):
    return {}


@dataclass(frozen=True)
class Spec:
    kwargs: Callable = _none       # scene -> URL keywords (or API path parameters)
    data: Callable | None = None   # scene -> POST body
    json: bool = False             # API: send the body as JSON
    query: str = ""                # appended to the URL after "?"
    headers: dict = field(default_factory=dict)


# URL keywords -------------------------------------------------------------------------------

def plan(s):
    return {"slug": s.plan.slug}


def on(name, key="pk"):
    def kwargs(s):
        return {"slug": s.plan.slug, key: getattr(s, name).pk}
    return kwargs


def meeting_and(name, meeting="held_meeting", key="document"):
    def kwargs(s):
        return {"slug": s.plan.slug, "pk": getattr(s, meeting).pk, key: getattr(s, name).pk}
    return kwargs


def survey_and(question, survey="survey"):
    def kwargs(s):
        return {"slug": s.plan.slug, "pk": getattr(s, survey).pk,
                "question": getattr(s, question).pk}
    return kwargs


def example(s):
    return {"example": s.example.slug}


def component(s):
    return {"slug": s.plan.slug, "component_slug": s.component.slug}


ROUTES = {
    # Plans and site-wide pages
    "healthz GET": Spec(),
    "set_language POST": Spec(data=lambda s: {"language": "en", "next": "/en/"}),
    "javascript-catalog GET": Spec(),
    "plans:home GET": Spec(),
    "plans:plan GET": Spec(plan),
    "plans:history GET": Spec(plan),
    "api:openapi-json GET": Spec(),
    "api:openapi-view GET": Spec(),
    "api:api-root GET": Spec(),
    # Accounts
    "accounts:login GET": Spec(),
    "accounts:login POST": Spec(data=lambda s: {"username": "citizen@example.org",
                                                "password": PASSWORD}),
    "accounts:logout POST": Spec(data=_none),
    "accounts:signup GET": Spec(),
    "accounts:signup POST": Spec(data=lambda s: {
        "email": "new.person@example.org", "display_name": "New Person",
        "password1": "a long and unusual pass phrase 42", "password2":
        "a long and unusual pass phrase 42", "organisation": "", "sector": Sector.CITIZEN,
        "gender": ""}),
    "accounts:resend_verification POST": Spec(data=_none),
    "accounts:verify_email GET": Spec(verify_token),
    "accounts:password_change GET": Spec(),
    "accounts:password_change POST": Spec(data=lambda s: {
        "old_password": PASSWORD, "new_password1": "another long pass phrase 43",
        "new_password2": "another long pass phrase 43"}),
    "accounts:password_reset GET": Spec(),
    "accounts:password_reset POST": Spec(data=lambda s: {"email": "citizen@example.org"}),
    "accounts:password_reset_done GET": Spec(),
    "accounts:password_reset_confirm GET": Spec(reset_kwargs),
    "accounts:password_reset_complete GET": Spec(),
    "accounts:profile GET": Spec(),
    "consultation:my_participation GET": Spec(),
    "accounts:profile POST": Spec(data=profile_body),
    "accounts:change_email GET": Spec(),
    "accounts:change_email POST": Spec(data=lambda s: {"email": "moved@example.org",
                                                       "password": PASSWORD}),
    "accounts:confirm_email_change GET": Spec(email_change_token),
    "accounts:confirm_email_change POST": Spec(email_change_token, data=_none),
    "accounts:download_data GET": Spec(),
    "accounts:download_data POST": Spec(data=_none),
    "accounts:delete_account GET": Spec(),
    "accounts:delete_account POST": Spec(data=lambda s: {"password": PASSWORD}),
    "accounts:organisations GET": Spec(),
    "accounts:organisation GET": Spec(lambda s: {"slug": s.organisation.slug}),
    "accounts:organisation_create GET": Spec(),
    "accounts:organisation_create POST": Spec(data=lambda s: {
        "name": "Lëvizja Mjaft", "acronym": "MJAFT", "sector": Sector.CIVIL_SOCIETY,
        "description": "", "website": ""}),
    # Ideas and the Word form
    "consultation:ideas GET": Spec(plan),
    "consultation:submit_idea GET": Spec(plan),
    "consultation:submit_idea POST": Spec(plan, data=idea_body),
    "consultation:save_idea_draft POST": Spec(plan, data=lambda s: {"title": "Half an idea"}),
    "consultation:record_idea GET": Spec(plan),
    "consultation:record_idea POST": Spec(plan, data=lambda s: idea_body(
        s, channel="paper", submitter_name="Drita Leka", publish_name="on")),
    "consultation:idea GET": Spec(on("idea")),
    "consultation:edit_idea GET": Spec(on("idea")),
    "consultation:edit_idea POST": Spec(on("idea"), data=lambda s: idea_body(
        s, title="Open budget data, changed")),
    "consultation:withdraw_idea POST": Spec(on("idea"), data=_none),
    "consultation:idea_form_docx GET": Spec(plan),
    "consultation:upload_idea_form GET": Spec(plan),
    "consultation:upload_idea_form POST": Spec(plan, data=filled_form),
    "consultation:upload_word_batch GET": Spec(plan),
    "consultation:upload_word_batch POST": Spec(plan, data=batch_forms),
    "consultation:confirm_word_form GET": Spec(on("pending")),
    "consultation:confirm_word_form POST": Spec(on("pending"), data=confirm_body),
    "consultation:discard_word_form POST": Spec(on("pending"), data=_none),
    "consultation:idea_docx GET": Spec(on("idea")),
    "consultation:component_ideas_docx GET": Spec(component),
    # Deliberation
    "consultation:support_idea POST": Spec(on("idea"), data=lambda s: {"support": "1"}),
    "consultation:follow_idea POST": Spec(on("idea"), data=lambda s: {"follow": "1"}),
    "consultation:comment_idea POST": Spec(on("idea"), data=lambda s: {
        "body": "I agree.", "language": "en"}),
    "consultation:flag_idea GET": Spec(on("idea")),
    "consultation:flag_idea POST": Spec(on("idea"), data=lambda s: {
        "reason": "spam", "details": "Advertising"}),
    "consultation:hide_idea POST": Spec(on("idea"), data=lambda s: {"reason": "Off topic."}),
    "consultation:restore_idea POST": Spec(on("hidden_idea"), data=_none),
    "consultation:dismiss_idea_flags POST": Spec(on("idea"), data=_none),
    "consultation:edit_comment GET": Spec(on("comment")),
    "consultation:edit_comment POST": Spec(on("comment"), data=lambda s: {
        "body": "Please do, soon."}),
    "consultation:flag_comment GET": Spec(on("comment")),
    "consultation:flag_comment POST": Spec(on("comment"), data=lambda s: {
        "reason": "abuse", "details": ""}),
    "consultation:hide_comment POST": Spec(on("comment"), data=lambda s: {
        "reason": "Insulting."}),
    "consultation:restore_comment POST": Spec(on("hidden_comment"), data=_none),
    "consultation:dismiss_comment_flags POST": Spec(on("comment"), data=_none),
    "consultation:moderation GET": Spec(plan),
    "consultation:statements GET": Spec(plan),
    "consultation:add_statement POST": Spec(plan, data=lambda s: {
        "text": "Every tender online.", "language": "en", "component": ""}),
    "consultation:review_statement POST": Spec(on("proposed_statement"), data=lambda s: {
        "approve": "1"}),
    "consultation:vote POST": Spec(on("statement"), data=lambda s: {"choice": "1"}),
    "consultation:notification_settings GET": Spec(),
    "consultation:notification_settings POST": Spec(data=lambda s: {"daily_digest": "on"}),
    "consultation:unsubscribe GET": Spec(unsubscribe_token),
    "consultation:unsubscribe POST": Spec(unsubscribe_token, data=lambda s: {"scope": "idea"}),
    # Briefs and examples
    "consultation:briefs GET": Spec(plan),
    "consultation:brief_create GET": Spec(plan),
    # New briefs, meetings and surveys are for component B: its leader may add them too.
    "consultation:brief_create POST": Spec(plan, data=lambda s: brief_body(
        s, component=s.other_component.pk)),
    "consultation:brief GET": Spec(on("brief")),
    "consultation:brief GET draft": Spec(on("draft_brief")),
    "consultation:brief_edit GET": Spec(on("brief")),
    "consultation:brief_edit POST": Spec(on("brief"), data=lambda s: brief_body(
        s, title_en="Background (changed)", order="1")),
    "consultation:brief_publish POST": Spec(on("draft_brief"), data=lambda s: {
        "published": "1"}),
    "consultation:brief_package_sent GET": Spec(on("package")),
    "consultation:brief_package_sent POST": Spec(on("package"), data=lambda s: {
        "sent_to": [s.component.pk], "sent_on": ""}),
    "consultation:brief_document_upload GET": Spec(on("brief")),
    "consultation:brief_document_upload POST": Spec(on("brief"), data=lambda s: {
        "file": pdf(), "title_sq": "Aneks", "title_en": "Annex"}),
    "consultation:brief_document GET": Spec(lambda s: {
        "slug": s.plan.slug, "pk": s.brief.pk, "document": s.brief_document.pk}),
    "consultation:brief_document_remove POST": Spec(lambda s: {
        "slug": s.plan.slug, "pk": s.brief.pk, "document": s.brief_document.pk}, data=_none),
    "consultation:examples GET": Spec(),
    "consultation:example_create GET": Spec(),
    "consultation:example_create POST": Spec(data=example_body),
    "consultation:example GET": Spec(example),
    "consultation:example_edit GET": Spec(example),
    "consultation:example_edit POST": Spec(example, data=lambda s: example_body(
        s, slug=s.example.slug, title_en="Decide Madrid (changed)")),
    # Meetings
    "consultation:meetings GET": Spec(plan),
    "consultation:meeting_create GET": Spec(plan),
    "consultation:meeting_create POST": Spec(plan, data=lambda s: meeting_body(
        s, component=s.other_component.pk)),
    "consultation:meeting_participation GET": Spec(plan),
    "consultation:plan_calendar GET": Spec(plan),
    "consultation:meeting GET": Spec(on("meeting")),
    "consultation:meeting GET draft": Spec(on("draft_meeting")),
    "consultation:meeting_calendar GET": Spec(on("meeting")),
    "consultation:meeting_register POST": Spec(on("meeting"), data=_none),
    "consultation:meeting_unregister POST": Spec(on("meeting"), data=_none),
    "consultation:meeting_document GET": Spec(meeting_and("meeting_document")),
    "consultation:meeting_edit GET": Spec(on("meeting")),
    "consultation:meeting_edit POST": Spec(on("meeting"), data=lambda s: meeting_body(
        s, title_en="Meeting (moved)")),
    "consultation:meeting_publish POST": Spec(on("draft_meeting"), data=_none),
    "consultation:meeting_cancel GET": Spec(on("meeting")),
    "consultation:meeting_cancel POST": Spec(on("meeting"), data=lambda s: {
        "reason": "The hall is closed."}),
    "consultation:meeting_attendance GET": Spec(on("held_meeting")),
    "consultation:meeting_attendance POST": Spec(on("held_meeting"), data=lambda s: {
        "action": "paste", "paste-lines": "Besnik Marku; ; citizen; man"}),
    "consultation:meeting_attendance_remove POST": Spec(
        meeting_and("attendance", key="attendance"), data=_none),
    "consultation:meeting_minutes GET": Spec(on("held_meeting")),
    "consultation:meeting_minutes POST": Spec(on("held_meeting"), data=lambda s: {
        "minutes_sq": "Shënime", "minutes_en": "Notes"}),
    "consultation:meeting_documents GET": Spec(on("held_meeting")),
    "consultation:meeting_documents POST": Spec(on("held_meeting"), data=lambda s: {
        "title": "Minutes (signed)", "file": pdf("minutes.pdf")}),
    "consultation:meeting_document_remove POST": Spec(meeting_and("meeting_document"),
                                                      data=_none),
    "consultation:meeting_idea GET": Spec(on("held_meeting")),
    "consultation:meeting_idea POST": Spec(on("held_meeting"), data=lambda s: {
        "title": "Raised at the meeting", "language": "sq", "component": s.component.pk,
        "overall_idea": "A register of tenders.", "problem": "", "solution": "",
        "submitter_name": "Arta Hoxha", "organisation": "", "publish_name": ""}),
    # Surveys
    "consultation:surveys GET": Spec(plan),
    "consultation:survey_create GET": Spec(plan),
    "consultation:survey_create POST": Spec(plan, data=lambda s: {
        **SURVEY_BODY, "component": s.other_component.pk}),
    "consultation:survey GET": Spec(on("survey")),
    "consultation:survey GET draft": Spec(on("draft_survey")),
    "consultation:survey POST": Spec(on("survey"), data=survey_answers),
    "consultation:survey_results GET": Spec(on("survey")),
    "consultation:survey_texts GET": Spec(survey_and("text_question")),
    "consultation:survey_manage GET": Spec(on("survey")),
    "consultation:survey_edit GET": Spec(on("survey")),
    "consultation:survey_edit POST": Spec(on("survey"), data=lambda s: {
        **survey_body(s), "title_en": "Survey (changed)",
        "opens_at": s.survey.opens_at.strftime("%Y-%m-%dT%H:%M"),
        "closes_at": s.survey.closes_at.strftime("%Y-%m-%dT%H:%M"),
        "results_visibility": "live"}),
    "consultation:survey_status POST": Spec(on("survey"), data=lambda s: {
        "status": "closed"}),
    "consultation:survey_question_add GET": Spec(on("draft_survey")),
    "consultation:survey_question_add POST": Spec(on("draft_survey"), data=question_body),
    "consultation:survey_question_edit GET": Spec(survey_and("draft_question",
                                                             "draft_survey")),
    "consultation:survey_question_edit POST": Spec(survey_and("draft_question",
                                                              "draft_survey"),
                                                   data=question_edit_body),
    "consultation:survey_question_delete POST": Spec(survey_and("draft_question",
                                                                "draft_survey"), data=_none),
    "consultation:survey_export GET": Spec(lambda s: {"slug": s.plan.slug, "pk": s.survey.pk,
                                                      "fmt": "csv"}),
    # Input summary
    "consultation:input_summary GET": Spec(plan),
    "consultation:input_summary_component GET": Spec(component),
    # The API
    "GET /api/v1/plans": Spec(),
    "GET /api/v1/plans/{slug}": Spec(plan),
    "GET /api/v1/me": Spec(),
    "GET /api/v1/plans/{slug}/ideas/form.docx": Spec(plan),
    "POST /api/v1/plans/{slug}/ideas/parse-docx": Spec(plan, data=lambda s: {
        "file": upload(filled_docx(s))}),
    "GET /api/v1/plans/{slug}/ideas": Spec(plan),
    "POST /api/v1/plans/{slug}/ideas": Spec(plan, json=True, data=lambda s: {
        "title": "Open contracts", "overall_idea": "Publish every contract.",
        "component": s.component.pk, "language": "en"}),
    "GET /api/v1/ideas/{idea_id}": Spec(lambda s: {"idea_id": s.idea.pk}),
    "GET /api/v1/ideas/{idea_id}/comments": Spec(lambda s: {"idea_id": s.idea.pk}),
    "GET /api/v1/plans/{slug}/statements": Spec(plan),
    "GET /api/v1/examples": Spec(),
    "GET /api/v1/plans/{slug}/briefs": Spec(plan),
    "GET /api/v1/plans/{slug}/input-summary": Spec(plan),
    "GET /api/v1/plans/{slug}/meetings": Spec(plan),
    "GET /api/v1/meetings/{meeting_id}": Spec(lambda s: {"meeting_id": s.meeting.pk}),
    "GET /api/v1/plans/{slug}/surveys": Spec(plan),
    "GET /api/v1/surveys/{survey_id}/results": Spec(lambda s: {"survey_id": s.survey.pk}),
}


def url_for(key, spec, scene):
    """The address a row asks, in English (every URL but the API's is under /<lang>/)."""
    parts = key.split()
    if parts[0] in ("GET", "POST", "PUT", "PATCH", "DELETE"):
        path = parts[1].format(**spec.kwargs(scene))
    else:
        path = reverse(parts[0], kwargs=spec.kwargs(scene) or None)
    return path + (f"?{spec.query}" if spec.query else "")


# Each later app's rows say how they are asked in a module of their own, added here last so
# that those modules can use the helpers above.
from . import (  # noqa: E402
    routes_assessment,
    routes_decisions,
    routes_drafting,
    routes_exports,
    routes_versions,
)

for _area in (routes_assessment, routes_decisions, routes_drafting, routes_versions,
              routes_exports):
    ROUTES.update(_area.ROUTES)
