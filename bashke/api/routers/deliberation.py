"""Deliberation, read-only: an idea's comments (hidden ones replaced by the moderators'
reason) and a plan's statements with their vote totals. Who voted what is never given out.
Each request runs a fixed number of queries, whatever the number of comments or statements.
"""

import datetime

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from bashke.accounts.models import FORMER_PARTICIPANT
from bashke.api.permissions import ask
from bashke.api.routers.plans import language_of
from bashke.api.schemas import Error, Id, LanguageQuery, ValidationErrorOut
from bashke.consultation.models import Comment, Idea, Statement
from bashke.consultation.services.statements import voting_closed_message, voting_window
from bashke.plans.models import ActionPlan, Stage

router = Router(tags=["deliberation"])


class CommentOut(Schema):
    id: int
    parent: int | None = Field(..., description="The top-level comment this one replies to.")
    author: str = Field(..., description="The name the author shows; \"a former "
                                         "participant\" if the account was deleted; empty "
                                         "if the comment is hidden.")
    language: str
    created_at: datetime.datetime
    edited_at: datetime.datetime | None
    hidden: bool
    hidden_reason: str = Field(..., description="Why the moderators hid it, shown in its "
                                                "place.")
    body: str | None = Field(..., description="The text as written (Markdown-light); null "
                                              "when hidden.")
    body_html: str | None = Field(..., description="The text as sanitised HTML; null when "
                                                   "hidden.")
    replies: list["CommentOut"] = []


class CommentThread(Schema):
    idea: int
    count: int = Field(..., description="Comments not hidden.")
    items: list[CommentOut]


class VoteTotals(Schema):
    agree: int
    disagree: int
    pass_: int = Field(..., alias="pass")
    total: int


class StatementOut(Schema):
    id: int
    text: str
    language: str
    idea: int | None
    component: str | None = Field(..., description="The component's slug.")
    created_at: datetime.datetime
    votes: VoteTotals


class VotingWindow(Schema):
    open: bool
    opens_on: datetime.date | None
    closes_on: datetime.date | None
    message: str


class StatementList(Schema):
    plan: str
    voting: VotingWindow
    items: list[StatementOut]


def comment_data(comment: Comment, replies=()) -> dict:
    hidden = comment.is_hidden
    return {
        "id": comment.pk, "parent": comment.parent_id,
        "author": "" if hidden else (comment.author.public_name if comment.author
                                     else str(FORMER_PARTICIPANT)),
        "language": comment.language, "created_at": comment.created_at,
        "edited_at": comment.edited_at, "hidden": hidden,
        "hidden_reason": comment.hidden_reason if hidden else "",
        "body": None if hidden else comment.body,
        "body_html": None if hidden else comment.body_html,
        "replies": [comment_data(reply) for reply in replies],
    }


@router.get("/ideas/{idea_id}/comments", response={200: CommentThread, 404: Error},
            summary="An idea's comments", operation_id="list_idea_comments")
def list_comments(request: HttpRequest, idea_id: Id):
    """Every comment on the idea, oldest first, each with its replies (one level). A hidden
    comment keeps its place; its text is replaced by the moderators' public reason."""
    idea = Idea.objects.select_related("plan").filter(pk=idea_id).first()
    if idea is None:
        raise HttpError(404, f"No idea has the id {idea_id}.")
    ask(request, "plans.view_plan", idea.plan)
    comments = list(Comment.objects.filter(idea_id=idea_id).for_thread())
    replies = {}
    for comment in comments:
        if comment.parent_id:
            replies.setdefault(comment.parent_id, []).append(comment)
    return {"idea": idea_id, "count": sum(1 for c in comments if not c.is_hidden),
            "items": [comment_data(c, replies.get(c.pk, ())) for c in comments
                      if not c.parent_id]}


@router.get("/plans/{slug}/statements",
            response={200: StatementList, 404: Error, 422: ValidationErrorOut},
            summary="A plan's statements and vote totals", operation_id="list_statements",
            by_alias=True)
def list_statements(request: HttpRequest, response: HttpResponse, slug: str,
                    query: Query[LanguageQuery]):
    """The published statements of the plan's prioritisation, oldest first, with how many
    people agree, disagree or pass; and when voting is (or will be) open."""
    plan = ActionPlan.objects.prefetch_related(
        Prefetch("stages", queryset=Stage.objects.in_order())).filter(slug=slug).first()
    if plan is None:
        raise HttpError(404, f"No action plan has the slug '{slug}'.")
    ask(request, "plans.view_plan", plan)
    statements = list(Statement.objects.for_plan(plan).approved().with_totals()
                      .select_related("component").order_by("created_at", "id"))
    open_stage, upcoming = voting_window(plan)
    with translation.override(language_of(request, response, query.lang)):
        voting = {
            "open": open_stage is not None,
            "opens_on": (open_stage or upcoming).start if (open_stage or upcoming) else None,
            "closes_on": (open_stage or upcoming).end if (open_stage or upcoming) else None,
            "message": "" if open_stage else voting_closed_message(plan),
        }
    return {"plan": plan.slug, "voting": voting, "items": [{
        "id": s.pk, "text": s.text, "language": s.language, "idea": s.idea_id,
        "component": s.component.slug if s.component else None, "created_at": s.created_at,
        "votes": {"agree": s.agree_count, "disagree": s.disagree_count, "pass": s.pass_count,
                  "total": s.agree_count + s.disagree_count + s.pass_count},
    } for s in statements]}
