"""What the consultation app holds about one person: for "Download my data" and "Delete my
account" (found by ``bashke.accounts.privacy`` through the app registry, as ``loaddemo``
finds ``demo.py``; accounts may not import consultation).

Each export runs a fixed number of queries (``values()`` lists), whatever the person wrote.
"""

from django.db.models import F

from bashke.consultation.models import (
    BriefDocument,
    Comment,
    Flag,
    Follow,
    Idea,
    IdeaDraft,
    IdeaRevision,
    NotificationSettings,
    Statement,
    Support,
    Survey,
    SurveyAnswer,
    SurveyResponse,
    Vote,
)
from bashke.consultation.models.meetings import (
    Attendance,
    Meeting,
    MeetingDocument,
    MeetingRegistration,
)
from bashke.consultation.models.wordform import PendingWordForm

# Every reference to a person in this app, and what deleting the account does with it.
HANDLES = {
    "consultation.Idea.author": "kept, shown as a former participant",
    "consultation.Idea.recorded_by": "kept (staff work), shown as a former participant",
    "consultation.IdeaRevision.editor": "kept with the idea's history",
    "consultation.IdeaDraft.user": "deleted",
    "consultation.Support.user": "kept, counted anonymously",
    "consultation.Follow.user": "deleted",
    "consultation.Comment.author": "kept, shown as a former participant",
    "consultation.Comment.hidden_by": "kept (moderation record)",
    "consultation.Flag.reporter": "kept, the reporter's name is not shown",
    "consultation.Flag.resolved_by": "kept (moderation record)",
    "consultation.Statement.author": "kept, shown as a former participant",
    "consultation.Vote.user": "kept, counted anonymously",
    "consultation.NotificationSettings.user": "deleted",
    "consultation.Meeting.created_by": "kept (staff work)",
    "consultation.MeetingRegistration.user": "deleted (the seat is freed)",
    "consultation.Attendance.user": "kept for the meeting's counts, the name erased",
    "consultation.Attendance.recorded_by": "kept (staff work)",
    "consultation.MeetingDocument.uploaded_by": "kept (published document)",
    "consultation.Survey.created_by": "kept (staff work)",
    "consultation.SurveyResponse.user": "kept, made anonymous",
    "consultation.PendingWordForm.uploaded_by": "deleted",
    "consultation.BriefDocument.uploaded_by": "kept (published document)",
}


def _rows(queryset, *fields, **expressions):
    return list(queryset.values(*fields, **expressions))


def export(user) -> dict:
    ideas = _rows(Idea.objects.filter(author=user).order_by("pk"),
                  "id", "title", "language", "overall_idea", "problem", "solution",
                  "objective_impact", "beneficiaries", "improves_transparency",
                  "transparency_explanation", "improves_participation",
                  "participation_explanation", "improves_accountability",
                  "accountability_explanation", "improves_technology",
                  "technology_explanation", "other_agencies", "channel", "status",
                  "publish_name", "submitted_at", "updated_at", "hidden_at", "hidden_reason",
                  plan_slug=F("plan__slug"), on_behalf_of=F("organisation__name"))
    responses = _rows(SurveyResponse.objects.filter(user=user).order_by("pk"),
                      "id", "survey_id", "created_at")
    answers = _rows(SurveyAnswer.objects.filter(response__user=user).order_by("pk"),
                    "response_id", "number", "text",
                    question_sq=F("question__text_sq"), question_en=F("question__text_en"),
                    option_sq=F("option__label_sq"), option_en=F("option__label_en"))
    by_response = {}
    for answer in answers:
        by_response.setdefault(answer.pop("response_id"), []).append(answer)
    for response in responses:
        response["answers"] = by_response.get(response["id"], [])
    return {
        "ideas": ideas,
        "idea_versions": _rows(
            IdeaRevision.objects.filter(idea__author=user).order_by("idea_id", "number"),
            "idea_id", "number", "at", "answers"),
        "idea_drafts": _rows(IdeaDraft.objects.filter(user=user).order_by("pk"),
                             "data", "updated_at", plan_slug=F("plan__slug")),
        "comments": _rows(Comment.objects.filter(author=user).order_by("pk"),
                          "id", "idea_id", "parent_id", "body", "language", "created_at",
                          "edited_at", "hidden_at", "hidden_reason"),
        "supports": _rows(Support.objects.filter(user=user).order_by("pk"),
                          "idea_id", "created_at"),
        "follows": _rows(Follow.objects.filter(user=user).order_by("pk"),
                         "idea_id", "active", "created_at"),
        "reports": _rows(Flag.objects.filter(reporter=user).order_by("pk"),
                         "idea_id", "comment_id", "reason", "details", "created_at",
                         "resolution"),
        "statements": _rows(Statement.objects.filter(author=user).order_by("pk"),
                            "id", "text", "language", "approved", "created_at"),
        "votes": _rows(Vote.objects.filter(user=user).order_by("pk"),
                       "statement_id", "choice", "created_at", "updated_at",
                       statement_text=F("statement__text")),
        "notification_settings": _rows(NotificationSettings.objects.filter(user=user),
                                       "instant", "daily_digest"),
        "survey_responses": responses,
        "meeting_registrations": _rows(
            MeetingRegistration.objects.filter(user=user).order_by("pk"),
            "meeting_id", "created_at", meeting_starts=F("meeting__starts_at")),
        "meeting_attendance": _rows(
            Attendance.objects.filter(user=user).order_by("pk"),
            "meeting_id", "name", "organisation_name", "sector", "gender", "recorded_at",
            organisation_listed=F("organisation__name")),
        "word_forms_waiting": _rows(
            PendingWordForm.objects.filter(uploaded_by=user).order_by("pk"),
            "file_name", "parsed", "created_at", plan_slug=F("plan__slug")),
        # Work done in a role, listed so the person knows it is kept with their account.
        "recorded_for_others": {
            "ideas_recorded": list(Idea.objects.filter(recorded_by=user)
                                   .values_list("pk", flat=True)),
            "meetings_created": list(Meeting.objects.filter(created_by=user)
                                     .values_list("pk", flat=True)),
            "surveys_created": list(Survey.objects.filter(created_by=user)
                                    .values_list("pk", flat=True)),
            "comments_hidden": list(Comment.objects.filter(hidden_by=user)
                                    .values_list("pk", flat=True)),
            "reports_resolved": list(Flag.objects.filter(resolved_by=user)
                                     .values_list("pk", flat=True)),
            "attendance_recorded": Attendance.objects.filter(recorded_by=user).count(),
            "idea_versions_edited": IdeaRevision.objects.filter(editor=user).count(),
        },
    }


def files(user):
    """(name in the zip, open file) for each file the person uploaded."""
    for model, folder, name_field in ((BriefDocument, "brief-documents", "original_name"),
                                      (MeetingDocument, "meeting-documents", "filename")):
        for document in model.objects.filter(uploaded_by=user).order_by("pk"):
            if document.file:
                # The name it was uploaded under; storage keeps it under a random one.
                name = getattr(document, name_field) or document.file.name.rsplit("/", 1)[-1]
                yield f"{folder}/{document.pk}-{name.replace('/', '_')}", document.file


def erase(user) -> dict:
    """Delete what is only the person's own; keep what was published, unnamed."""
    counts = {}
    for label, queryset in (
        ("idea_drafts", IdeaDraft.objects.filter(user=user)),
        ("follows", Follow.objects.filter(user=user)),
        ("notification_settings", NotificationSettings.objects.filter(user=user)),
        ("meeting_registrations", MeetingRegistration.objects.filter(user=user)),
        ("word_forms_waiting", PendingWordForm.objects.filter(uploaded_by=user)),
    ):
        counts[label] = queryset.delete()[0]
    # Answers stay in the results; without the person they are as any anonymous answer.
    counts["survey_responses_anonymised"] = SurveyResponse.objects.filter(
        user=user).update(user=None, session_key="")
    # The meeting keeps its head count and its (now anonymous) statistics, not the name.
    counts["attendance_anonymised"] = Attendance.objects.filter(user=user).update(name="")
    return counts
