"""Support, follow, comments, reports and moderation, statements and votes, notification
settings. The idea page includes the panel built by :func:`idea_panel_context`; the POST
endpoints here send people back to it."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from bashke.consultation import notifications
from bashke.consultation.forms.deliberation import (
    CommentEditForm,
    CommentForm,
    FlagForm,
    HideForm,
    NotificationSettingsForm,
)
from bashke.consultation.models import (
    Comment,
    Flag,
    Follow,
    Idea,
    NotificationSettings,
    Support,
)
from bashke.consultation.services import deliberation as services
from bashke.core.access import asks, refusal
from bashke.core.permissions import allowed
from bashke.core.web import add_service_errors, client_ip, site_root
from bashke.plans.models import ActionPlan, Stage

TEMPLATES = "consultation/deliberation"


def error_status(error: ValidationError) -> int:
    codes = {e.code for e in error.error_list} if hasattr(error, "error_list") else set()
    return 429 if "rate_limited" in codes else 400


def _back(request, fallback: str):
    """Where the form came from (the idea page, the moderation queue), if it is ours."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()},
                                                  require_https=request.is_secure()):
        return redirect(target)
    return redirect(fallback)


def _idea(slug, pk):
    return get_object_or_404(Idea.objects.select_related("plan").prefetch_related(
        Prefetch("plan__stages", queryset=Stage.objects.in_order())), pk=pk, plan__slug=slug)


def _comment(slug, pk):
    return get_object_or_404(Comment.objects.select_related("idea__plan", "author"),
                             pk=pk, idea__plan__slug=slug)


def _target(slug, pk, kind):
    return _comment(slug, pk) if kind == "comment" else _idea(slug, pk)


def _refusal(request, permission, idea):
    """As ``core.access.refusal``, but an anonymous visitor logs in back to the idea."""
    if allowed(request.user, permission, idea):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(idea.get_absolute_url())
    raise PermissionDenied


def _idea_of(target):
    return target.idea if isinstance(target, Comment) else target


# Long discussions are read a page of threads (a comment and its replies) at a time.
THREADS_PER_PAGE = 30


def comment_location(comment) -> str:
    """The idea page's address showing this comment: the page of its thread, and the
    comment's anchor."""
    top_id = comment.parent_id or comment.pk
    before = Comment.objects.filter(idea_id=comment.idea_id, parent__isnull=True,
                                    pk__lt=top_id).count()
    page = before // THREADS_PER_PAGE + 1
    query = f"?comments={page}" if page > 1 else ""
    return f"{comment.idea.get_absolute_url()}{query}#comment-{comment.pk}"


def _location(target):
    if isinstance(target, Comment):
        return comment_location(target)
    return target.get_absolute_url() + "#discussion"


# The panel on the idea page ------------------------------------------------------------

def idea_panel_context(request, idea) -> dict:
    """Everything the panel shows, in a fixed number of queries whatever the number of
    comments: the thread is one query and is put together here."""
    user = request.user
    signed_in = user.is_authenticated
    comments = list(Comment.objects.filter(idea=idea).for_thread())
    replies = defaultdict(list)
    for comment in comments:
        if comment.parent_id:
            replies[comment.parent_id].append(comment)
    threads = [(comment, replies[comment.pk]) for comment in comments if not comment.parent_id]
    thread_page = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("comments"))
    _comment_urls(idea.plan.slug, comments)
    support_count = getattr(idea, "support_count", None)
    if support_count is None:
        support_count = Support.objects.filter(idea=idea).count()
    context = {
        "idea": idea, "threads": thread_page.object_list, "thread_page": thread_page,
        "support_count": support_count,
        "comment_count": sum(1 for c in comments if not c.is_hidden),
        "supports": False, "following": False, "flagged_idea": False, "can_moderate": False,
        "idea_flag_count": 0, "can_comment": False, "closed_message": "",
        "labels": _labels(),
        "comment_url": reverse("consultation:comment_idea", args=[idea.plan.slug, idea.pk]),
        "moderation_url": reverse("consultation:moderation", args=[idea.plan.slug]),
    }
    try:
        services.check_discussable(idea)
    except ValidationError as error:
        context["closed_message"] = " ".join(error.messages)
    else:
        context["can_comment"] = allowed(user, "consultation.comment_idea", idea)
    if not signed_in:
        return {"deliberation": context}
    context["supports"] = Support.objects.given(idea, user)
    context["following"] = Follow.objects.follows(idea, user)
    mine = set(Flag.objects.open().on_idea(idea).filter(reporter=user).comment_ids())
    context["flagged_idea"] = None in mine
    context["can_moderate"] = allowed(user, "consultation.moderate", idea)
    counts = defaultdict(int)
    if context["can_moderate"]:
        for comment_id in Flag.objects.open().on_idea(idea).comment_ids():
            counts[comment_id] += 1
        context["idea_flag_count"] = counts[None]
    for comment in comments:
        comment.flagged_by_me = comment.pk in mine
        comment.open_flag_count = counts.get(comment.pk, 0)
    return {"deliberation": context}


def _labels():
    # Translated once for the page, not once per comment.
    return {
        "former": _("A former participant"), "edited": _("edited"),
        "hidden_by": _("Hidden by the moderators:"),
        "hidden_text": _("The hidden text (moderators only)"),
        "restore": _("Restore the comment"), "change": _("Change"),
        "your_comment": _("your comment"), "reported": _("You reported this comment."),
        "report": _("Report"), "this_comment": _("this comment"),
        "open_reports": _("Open reports:"), "see_reports": _("See the reports"),
        "hide": _("Hide"), "public_reason": _("Public reason, shown in its place"),
        "hide_comment": _("Hide the comment"), "reply": _("Reply"),
        "your_reply": _("Your reply"), "written_in": _("Written in"),
        "albanian": _("Albanian"), "english": _("English"),
        "publish_reply": _("Publish the reply"), "replies": _("Replies"),
    }


def _comment_urls(slug, comments):
    """Each comment's action links, reversed once per kind rather than once per comment: a
    thousand comments would otherwise spend most of the page's time in ``{% url %}``."""
    placeholder = 2**31 - 1
    patterns = {name: reverse(f"consultation:{name}_comment", args=[slug, placeholder])
                for name in ("edit", "flag", "hide", "restore")}
    for comment in comments:
        comment.urls = {name: pattern.replace(str(placeholder), str(comment.pk))
                        for name, pattern in patterns.items()}


# Support and follow -------------------------------------------------------------------

@require_POST
def support(request, slug, pk):
    idea = _idea(slug, pk)
    refused = _refusal(request, "consultation.support_idea", idea)
    if refused:
        return refused
    wanted = request.POST.get("support") != "0"
    try:
        now = services.set_support(idea, actor=request.user, support=wanted,
                                   client_address=client_ip(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You support this idea.") if now
                         else _("You no longer support this idea."))
    return redirect(idea.get_absolute_url() + "#discussion")


@require_POST
def follow(request, slug, pk):
    idea = _idea(slug, pk)
    refused = _refusal(request, "consultation.follow_idea", idea)
    if refused:
        return refused
    now = services.set_follow(idea, actor=request.user,
                              follow=request.POST.get("follow") != "0")
    messages.success(request, _("You follow this idea: we will e-mail you about new comments "
                                "and changes.") if now
                     else _("You no longer follow this idea."))
    return redirect(idea.get_absolute_url() + "#discussion")


# Comments -----------------------------------------------------------------------------

def comment(request, slug, pk):
    """POST from the panel; on an error, this page shows the form again with what was
    typed, next to the message."""
    idea = _idea(slug, pk)
    refused = _refusal(request, "consultation.comment_idea", idea)
    if refused:
        return refused
    if request.method != "POST":
        return redirect(idea.get_absolute_url() + "#discussion")
    form = CommentForm(request.POST)
    status = 400
    parent = None
    if form.is_valid():
        if form.cleaned_data["parent"]:
            parent = Comment.objects.filter(pk=form.cleaned_data["parent"], idea=idea).first()
        try:
            new = services.add_comment(idea, actor=request.user, body=form.cleaned_data["body"],
                                       language=form.cleaned_data["language"], parent=parent,
                                       client_address=client_ip(request),
                                       site_root=site_root(request))
        except ValidationError as error:
            add_service_errors(form, error)
            status = error_status(error)
        else:
            messages.success(request, _("Your comment is published."))
            return redirect(comment_location(new))
    return render(request, f"{TEMPLATES}/comment_form.html",
                  {"idea": idea, "plan": idea.plan, "form": form, "parent": parent},
                  status=status)


def edit_comment(request, slug, pk):
    comment = _comment(slug, pk)
    if not allowed(request.user, "consultation.edit_comment", comment):
        raise PermissionDenied
    form = CommentEditForm(request.POST or None, initial={"body": comment.body})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.edit_comment(comment, actor=request.user,
                                      body=form.cleaned_data["body"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your comment is changed."))
                return redirect(comment_location(comment))
    return render(request, f"{TEMPLATES}/comment_edit.html",
                  {"comment": comment, "idea": comment.idea, "plan": comment.idea.plan,
                   "form": form}, status=status)


# Reports and moderation --------------------------------------------------------------

def flag(request, slug, pk, kind):
    target = _target(slug, pk, kind)
    idea = _idea_of(target)
    refused = refusal(request, "consultation.flag_content", target)
    if refused:
        return refused
    form = FlagForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.flag(target, actor=request.user, reason=form.cleaned_data["reason"],
                              details=form.cleaned_data["details"],
                              client_address=client_ip(request))
            except ValidationError as error:
                add_service_errors(form, error)
                status = error_status(error)
            else:
                messages.success(request, _("Thank you. The moderators will look at it."))
                return redirect(_location(target))
    return render(request, f"{TEMPLATES}/flag.html", {
        "target": target, "kind": kind, "idea": idea, "plan": idea.plan, "form": form},
        status=status)


@require_POST
def hide(request, slug, pk, kind):
    target = _target(slug, pk, kind)
    idea = _idea_of(target)
    if not allowed(request.user, "consultation.moderate", target):
        raise PermissionDenied
    form = HideForm(request.POST)
    if form.is_valid():
        try:
            services.hide(target, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Hidden. The reason is shown in its place."))
            return _back(request, _location(target))
    return render(request, f"{TEMPLATES}/hide.html", {
        "target": target, "kind": kind, "idea": idea, "plan": idea.plan, "form": form,
        "next": request.POST.get("next", "")}, status=400)


@require_POST
def restore(request, slug, pk, kind):
    target = _target(slug, pk, kind)
    services.restore(target, actor=request.user)
    messages.success(request, _("Restored: it is shown again."))
    return _back(request, _location(target))


@require_POST
def dismiss(request, slug, pk, kind):
    target = _target(slug, pk, kind)
    count = services.dismiss_flags(target, actor=request.user)
    messages.success(request, ngettext(
        "%(count)s report closed; the content stays as it is.",
        "%(count)s reports closed; the content stays as it is.", count) % {"count": count})
    return _back(request, _location(target))


def moderation(request, slug):
    plan = get_object_or_404(ActionPlan, slug=slug)
    if not allowed(request.user, "consultation.moderate", plan):
        raise PermissionDenied
    flags = list(Flag.objects.open().for_plan(plan).select_related(
        "idea__plan", "comment__idea__plan", "comment__author").order_by("created_at", "id"))
    items = {}
    for report in flags:
        target = report.target
        key = ("comment" if report.comment_id else "idea", target.pk)
        item = items.setdefault(key, {"kind": key[0], "target": target, "reports": [],
                                      "idea": _idea_of(target)})
        item["reports"].append(report)
    hidden_comments = list(Comment.objects.filter(idea__plan=plan, hidden_at__isnull=False)
                           .select_related("idea", "author").order_by("-hidden_at")[:50])
    hidden_ideas = list(Idea.objects.filter(plan=plan, hidden_at__isnull=False)
                        .order_by("-hidden_at")[:50])
    return render(request, f"{TEMPLATES}/moderation.html", {
        "plan": plan, "items": list(items.values()), "hidden_comments": hidden_comments,
        "hidden_ideas": hidden_ideas})


# Notification settings and unsubscribing ----------------------------------------------

@asks("accounts.manage_own_account")
def notification_settings(request):
    current = NotificationSettings.objects.filter(user=request.user).first()
    initial = {"instant": current.instant if current else True,
               "daily_digest": current.daily_digest if current else False}
    form = NotificationSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_notification_settings(request.user, actor=request.user,
                                              **form.cleaned_data)
        messages.success(request, _("Your choices are saved."))
        return redirect("consultation:notification_settings")
    followed = list(Idea.objects.filter(pk__in=notifications.followed_idea_ids(request.user))
                    .select_related("plan").order_by("-submitted_at"))
    return render(request, f"{TEMPLATES}/notification_settings.html",
                  {"form": form, "followed": followed})


@csrf_exempt  # the signed token is the proof; mail programs' one-click POST has no cookie
@asks("core.view_public")
def unsubscribe(request, token):
    try:
        user, idea = notifications.read_unsubscribe_token(token)
    except notifications.InvalidLink:
        return render(request, f"{TEMPLATES}/unsubscribe.html", {"invalid": True}, status=400)
    done = None
    if request.method == "POST":
        # A mail program's one-click POST names no scope: it means this link's own.
        scope = request.POST.get("scope") or ("idea" if idea else "all")
        services.unsubscribe(user, idea=idea if scope == "idea" and idea else None)
        done = "idea" if scope == "idea" and idea else "all"
    # GET only shows the question: link scanners that open every URL unsubscribe nobody.
    return render(request, f"{TEMPLATES}/unsubscribe.html",
                  {"idea": idea, "done": done, "token": token})
