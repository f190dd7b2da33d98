"""E-mail about the ideas people follow, sent through the task queue.

Who hears: an idea's author (a follower without a row, until they say otherwise) and its
followers; on a reply, the author of the comment replied to. Nobody hears of their own
action, unverified addresses hear nothing, and everyone chooses between an e-mail each time
(``instant``) and one a day (``daily_digest``). Every e-mail carries a one-click unsubscribe
link (signed, no log-in) and the List-Unsubscribe headers mail programs show as a button.

Tasks take ids, not objects, and render each e-mail in its recipient's language when sent.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from bashke.accounts.models import User
from bashke.consultation import markup
from bashke.consultation.models import (
    Comment,
    Follow,
    Idea,
    IdeaStatus,
    NotificationSettings,
    Support,
)
from bashke.core.models import AuditEntry

UNSUBSCRIBE_SALT = "bashke.consultation.unsubscribe"
EXCERPT_LENGTH = 600
TEMPLATES = "consultation/deliberation/email"


class InvalidLink(Exception):
    pass


def default_site_root() -> str:
    """Scheme and host for links in e-mails sent without a request (the digest command)."""
    return getattr(settings, "SITE_URL", "").rstrip("/") or "http://localhost:8000"


# Unsubscribe links ---------------------------------------------------------------------

def unsubscribe_token(user, idea=None) -> str:
    # No expiry: an unsubscribe link in an old e-mail must still work.
    return signing.dumps({"u": user.pk, "i": idea.pk if idea else None}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str):
    """(user, idea or None) named by the token; raises InvalidLink."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        raise InvalidLink from None
    if not isinstance(data, dict):
        raise InvalidLink
    user = User.objects.filter(pk=data.get("u")).first()
    if user is None:
        raise InvalidLink
    idea = Idea.objects.filter(pk=data["i"]).select_related("plan").first() if data.get(
        "i") else None
    return user, idea


# Who hears -------------------------------------------------------------------------------

def follower_ids(idea) -> set[int]:
    choices = dict(Follow.objects.filter(idea_id=idea.pk).values_list("user_id", "active"))
    ids = {user_id for user_id, active in choices.items() if active}
    if idea.author_id and choices.get(idea.author_id, True):
        ids.add(idea.author_id)
    return ids


def _instant_recipients(user_ids, *, exclude=None):
    ids = set(user_ids) - {exclude}
    # People without a settings row have the defaults: instant e-mails on.
    return list(User.objects.filter(pk__in=ids, is_active=True, email_verified=True)
                .exclude(notification_settings__instant=False).order_by("pk"))


def _send(user, template: str, context: dict, *, site_root: str, idea=None) -> None:
    with translation.override(user.preferred_language):
        unsubscribe = site_root + reverse("consultation:unsubscribe",
                                          kwargs={"token": unsubscribe_token(user, idea)})
        context = {"user": user, "unsubscribe_url": unsubscribe, "idea": idea,
                   "settings_url": site_root + reverse("consultation:notification_settings"),
                   "idea_url": site_root + idea.get_absolute_url() if idea else "",
                   **context}
        subject = render_to_string(f"{TEMPLATES}/{template}_subject.txt", context)
        body = render_to_string(f"{TEMPLATES}/{template}_body.txt", context)
    EmailMessage(" ".join(subject.split()), body, None, [user.email], headers={
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }).send()


def _excerpt(text: str) -> str:
    text = markup.plain(text).strip()
    return text if len(text) <= EXCERPT_LENGTH else text[:EXCERPT_LENGTH].rstrip() + "…"


# What services call ---------------------------------------------------------------------

def comment_added(comment, *, site_root=None) -> None:
    send_comment_mail.enqueue(comment.pk, site_root or default_site_root())


def notify_status_change(idea, old: str, new: str, *, actor=None, site_root=None) -> None:
    """Tells the idea's followers (its author among them) that its status changed."""
    if old == new:
        return
    send_status_mail.enqueue(idea.pk, old, new, getattr(actor, "pk", None),
                             site_root or default_site_root())


def notify_followers(idea, subject, body, *, actor=None, site_root=None) -> None:
    """A message to everyone following the idea (e.g. the reasoned response to it).

    ``subject`` and ``body`` may be lazy translations: each is read now in both languages,
    and each follower gets it in theirs."""
    texts = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            texts[language] = {"subject": str(subject), "body": str(body)}
    send_followers_mail.enqueue(idea.pk, texts, getattr(actor, "pk", None),
                                site_root or default_site_root())


# Tasks -----------------------------------------------------------------------------------

@task()
def send_comment_mail(comment_id: int, site_root: str) -> None:
    comment = (Comment.objects.select_related("idea__plan", "author", "parent")
               .filter(pk=comment_id, hidden_at__isnull=True).first())
    if comment is None:
        return  # hidden before the mail went out
    idea = comment.idea
    replied_to = comment.parent.author_id if comment.parent_id else None
    ids = follower_ids(idea) | ({replied_to} if replied_to else set())
    for user in _instant_recipients(ids, exclude=comment.author_id):
        why = ("reply" if user.pk == replied_to else
               "author" if user.pk == idea.author_id else "follower")
        _send(user, "comment", {
            "why": why, "commenter": comment.author.public_name if comment.author else "",
            "excerpt": _excerpt(comment.body),
            "comment_url": f"{site_root}{_in_language(user, idea.get_absolute_url)}"
                           f"#comment-{comment.pk}",
        }, site_root=site_root, idea=idea)


def _in_language(user, build):
    with translation.override(user.preferred_language):
        return build()


def status_label(value: str) -> str:
    return str(dict(IdeaStatus.choices).get(value, value))


@task()
def send_status_mail(idea_id: int, old: str, new: str, actor_id, site_root: str) -> None:
    idea = Idea.objects.select_related("plan").filter(pk=idea_id).first()
    if idea is None:
        return
    for user in _instant_recipients(follower_ids(idea), exclude=actor_id):
        with translation.override(user.preferred_language):
            labels = {"old": status_label(old), "new": status_label(new)}
        _send(user, "status", labels, site_root=site_root, idea=idea)


@task()
def send_followers_mail(idea_id: int, texts: dict, actor_id, site_root: str) -> None:
    idea = Idea.objects.select_related("plan").filter(pk=idea_id).first()
    if idea is None:
        return
    for user in _instant_recipients(follower_ids(idea), exclude=actor_id):
        text = texts.get(user.preferred_language) or texts.get(settings.LANGUAGE_CODE)
        _send(user, "followers", dict(text), site_root=site_root, idea=idea)


# The daily digest ------------------------------------------------------------------------

def _day_bounds(day: datetime.date):
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    return start, start + datetime.timedelta(days=1)


def followed_idea_ids(user) -> set[int]:
    choices = dict(Follow.objects.filter(user=user).values_list("idea_id", "active"))
    authored = set(Idea.objects.filter(author=user).values_list("pk", flat=True))
    return ({idea_id for idea_id, active in choices.items() if active}
            | {idea_id for idea_id in authored if choices.get(idea_id, True)})


def digest_for(user, day: datetime.date) -> list[dict]:
    """What happened on the day to the ideas the person follows, idea by idea; their own
    comments left out. Empty when nothing did."""
    ids = followed_idea_ids(user)
    if not ids:
        return []
    start, end = _day_bounds(day)
    comments = (Comment.objects.filter(idea_id__in=ids, created_at__gte=start,
                                       created_at__lt=end, hidden_at__isnull=True)
                .exclude(author=user).select_related("author").order_by("created_at", "id"))
    supports = dict(Support.objects.filter(idea_id__in=ids, created_at__gte=start,
                                           created_at__lt=end).exclude(user=user)
                    .order_by().values_list("idea_id").annotate(n=Count("id")))
    changes = (AuditEntry.objects.filter(object_type="consultation.idea",
                                         object_id__in=[str(i) for i in ids],
                                         at__gte=start, at__lt=end)
               .filter(Q(changes__has_key="status")).order_by("at"))
    by_idea = {}
    for comment in comments:
        by_idea.setdefault(comment.idea_id, {"comments": [], "statuses": []})["comments"].append(
            {"author": comment.author.public_name if comment.author else "",
             "excerpt": _excerpt(comment.body)[:200]})
    for entry in changes:
        old, new = entry.changes["status"]
        by_idea.setdefault(int(entry.object_id), {"comments": [], "statuses": []})[
            "statuses"].append({"old": old, "new": new})
    touched = set(by_idea) | set(supports)
    ideas = Idea.objects.select_related("plan").filter(pk__in=touched).order_by("pk")
    return [{"idea": idea, "supports": supports.get(idea.pk, 0),
             **by_idea.get(idea.pk, {"comments": [], "statuses": []})} for idea in ideas]


@task()
def send_digest(user_id: int, day_iso: str, site_root: str) -> bool:
    day = datetime.date.fromisoformat(day_iso)
    user = User.objects.filter(pk=user_id, is_active=True, email_verified=True).first()
    if user is None:
        return False
    # Claims the day first, in one conditional UPDATE: a second run (or a second worker)
    # finds it claimed and sends nothing twice.
    claimed = (NotificationSettings.objects.filter(user=user, daily_digest=True)
               .filter(Q(last_digest_for__isnull=True) | Q(last_digest_for__lt=day))
               .update(last_digest_for=day))
    if not claimed:
        return False
    entries = digest_for(user, day)
    if not entries:
        return False
    with translation.override(user.preferred_language):
        for entry in entries:
            entry["url"] = site_root + entry["idea"].get_absolute_url()
            for change in entry["statuses"]:
                change["old"], change["new"] = status_label(change["old"]), status_label(
                    change["new"])
    _send(user, "digest", {"entries": entries, "day": day}, site_root=site_root)
    return True


def queue_digests(day: datetime.date, site_root=None) -> int:
    """Queues one digest task per subscriber; returns how many."""
    site_root = site_root or default_site_root()
    ids = list(NotificationSettings.objects.filter(
        daily_digest=True, user__is_active=True, user__email_verified=True)
        .values_list("user_id", flat=True))
    for user_id in ids:
        send_digest.enqueue(user_id, day.isoformat(), site_root)
    return len(ids)


@task()
def send_digests(day_iso: str, site_root: str) -> int:
    """For schedulers that run tasks: the same as ``bashke senddigest``."""
    return queue_digests(datetime.date.fromisoformat(day_iso), site_root)
