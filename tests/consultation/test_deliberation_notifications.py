"""E-mail notifications: who hears of what (never of their own action), in which language,
the unsubscribe link in every e-mail (one click, no log-in, safe from link scanners), and
the daily digest."""

import datetime
import io

import pytest
from deliberation_fixtures import *  # noqa: F403 (fixtures)
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from django.utils.translation import gettext_lazy

from bashke.consultation import notifications
from bashke.consultation.models import Comment, Follow, NotificationSettings, Support
from bashke.consultation.services import deliberation as services
from bashke.consultation.services import ideas as idea_services

from personas import make_user

pytestmark = pytest.mark.django_db


def mails_to(user):
    return [m for m in mail.outbox if m.to == [user.email]]


def unsubscribe_path(message):
    line = next(line for line in message.body.splitlines() if "/notifications/unsubscribe/"
                in line)
    return line[line.index("/", line.index("//") + 2):].strip()


def test_the_author_hears_of_a_comment_in_their_language(idea, cso_member, citizen):
    cso_member.preferred_language = "en"
    cso_member.save()
    mail.outbox.clear()

    comment = services.add_comment(idea, actor=citizen, body="**Great** idea", language="sq",
                                   site_root="https://bashke.example")

    [message] = mail.outbox
    assert message.to == [cso_member.email]
    assert message.subject == f"A new comment on your idea “{idea.title}”"
    assert "Citizen commented on the idea" in message.body
    assert "Great idea" in message.body and "**" not in message.body
    assert (f"https://bashke.example/en/plans/{idea.plan.slug}/ideas/{idea.pk}/"
            f"#comment-{comment.pk}") in message.body
    assert "https://bashke.example/en/notifications/unsubscribe/" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<https://bashke.example/en/notifications/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_links_follow_the_recipients_language(idea, cso_member, citizen):
    assert cso_member.preferred_language == "sq"
    mail.outbox.clear()
    services.add_comment(idea, actor=citizen, body="Mirë", site_root="https://b.example")

    [message] = mail.outbox
    assert f"https://b.example/sq/plans/{idea.plan.slug}/ideas/{idea.pk}/" in message.body
    assert "https://b.example/sq/notifications/unsubscribe/" in message.body


def test_nobody_hears_of_their_own_comment(idea, cso_member):
    mail.outbox.clear()
    services.add_comment(idea, actor=cso_member, body="A note on my own idea")
    assert mail.outbox == []


def test_followers_and_the_comment_replied_to_are_told(idea, cso_member, citizen, assessor,
                                                       staff):
    services.set_follow(idea, actor=assessor, follow=True)
    top = services.add_comment(idea, actor=citizen, body="Top")
    mail.outbox.clear()

    services.add_comment(idea, actor=staff, body="An answer", parent=top)

    assert {m.to[0] for m in mail.outbox} == {cso_member.email, citizen.email, assessor.email}
    # In the citizen's language, Albanian.
    assert "iu përgjigj komentit tuaj" in mails_to(citizen)[0].body
    assert mails_to(assessor)[0].subject == f"Një koment i ri për “{idea.title}”"


def test_who_chose_otherwise_hears_nothing(idea, cso_member, citizen, assessor):
    services.set_follow(idea, actor=cso_member, follow=False)  # the author, no more
    services.set_follow(idea, actor=assessor, follow=True)
    services.update_notification_settings(assessor, actor=assessor, instant=False,
                                          daily_digest=True)
    unverified = make_user("new@example.org", "New")
    unverified.email_verified = False
    unverified.save()
    services.set_follow(idea, actor=unverified, follow=True)
    mail.outbox.clear()

    services.add_comment(idea, actor=citizen, body="Anyone?")

    assert mail.outbox == []


def test_a_hidden_comment_is_not_mailed(idea, citizen, open_moderator, settings):
    # With a real queue the moderator may be quicker than the worker.
    comment = Comment.objects.create(idea=idea, author=citizen, body="Spam", body_html="",
                                     hidden_at=timezone.now(), hidden_reason="Spam")
    mail.outbox.clear()
    notifications.send_comment_mail.call(comment.pk, "https://b.example")
    assert mail.outbox == []


def test_withdrawing_tells_the_followers_but_not_the_author(idea, cso_member, citizen):
    services.set_follow(idea, actor=citizen, follow=True)
    mail.outbox.clear()

    idea_services.withdraw_idea(idea, actor=cso_member)

    [message] = mail.outbox
    assert message.to == [citizen.email]
    # In the follower's language (Albanian by default), status labels included.
    assert message.body.startswith("Përshëndetje Citizen,")
    assert "“Paraqitur”" in message.body


def test_notify_followers_reads_lazy_text_in_each_language(idea, cso_member, citizen):
    services.set_follow(idea, actor=citizen, follow=True)
    citizen.preferred_language = "en"
    citizen.save()
    mail.outbox.clear()

    notifications.notify_followers(idea, gettext_lazy("Submitted"),
                                   "The reasoned response is published.", actor=None)

    assert {m.to[0] for m in mail.outbox} == {cso_member.email, citizen.email}
    assert mails_to(citizen)[0].subject == "Submitted"
    assert "The reasoned response is published." in mails_to(cso_member)[0].body
    assert all("/notifications/unsubscribe/" in m.body for m in mail.outbox)


# Unsubscribing ----------------------------------------------------------------------------

def test_a_link_scanner_opening_the_link_unsubscribes_nobody(client, idea, cso_member,
                                                             citizen):
    services.add_comment(idea, actor=citizen, body="Hello")
    path = unsubscribe_path(mails_to(cso_member)[0])

    page = client.get(path)

    assert page.status_code == 200
    assert "Ndaloni e-mailet për këtë ide" in page.content.decode()  # the link is Albanian
    assert notifications.follower_ids(idea) >= {cso_member.pk}


def test_one_click_stops_the_ideas_e_mails_without_logging_in(idea, cso_member, citizen):
    services.add_comment(idea, actor=citizen, body="Hello")
    path = unsubscribe_path(mails_to(cso_member)[0])
    client = Client(enforce_csrf_checks=True)  # a mail program has no cookie

    response = client.post(path, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert "nuk e ndiqni më" in response.content.decode()
    assert cso_member.pk not in notifications.follower_ids(idea)
    mail.outbox.clear()
    services.add_comment(idea, actor=citizen, body="Again")
    assert mails_to(cso_member) == []


def test_the_page_also_stops_all_e_mails(client, idea, cso_member, citizen):
    services.add_comment(idea, actor=citizen, body="Hello")
    path = unsubscribe_path(mails_to(cso_member)[0])

    client.post(path, {"scope": "all"})

    row = NotificationSettings.objects.get(user=cso_member)
    assert (row.instant, row.daily_digest) == (False, False)


@pytest.mark.parametrize("token", ["nonsense", "eyJ1IjoxfQ:1abc:forged"])
def test_a_forged_link_changes_nothing(client, token, cso_member):
    response = client.post(f"/en/notifications/unsubscribe/{token}/", {"scope": "all"})
    assert response.status_code == 400
    assert not NotificationSettings.objects.exists()


# The daily digest ----------------------------------------------------------------------

def yesterday_noon():
    day = timezone.localdate() - datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def test_the_digest_summarises_yesterday_once(idea, cso_member, citizen, assessor):
    services.update_notification_settings(cso_member, actor=cso_member, instant=False,
                                          daily_digest=True)
    services.add_comment(idea, actor=citizen, body="Yesterday's **remark**")
    services.add_comment(idea, actor=cso_member, body="My own answer")
    services.set_support(idea, actor=assessor, support=True)
    Comment.objects.update(created_at=yesterday_noon())
    Support.objects.update(created_at=yesterday_noon())
    services.add_comment(idea, actor=citizen, body="Today's remark")  # tomorrow's digest
    mail.outbox.clear()
    out = io.StringIO()

    call_command("senddigest", "--site-url", "https://b.example", stdout=out)
    call_command("senddigest", stdout=io.StringIO())  # a second run sends nothing twice

    [message] = mail.outbox
    assert message.to == [cso_member.email]
    assert "Citizen: Yesterday's remark" in message.body
    assert "My own answer" not in message.body and "Today's remark" not in message.body
    assert "1 mbështetës i ri." in message.body  # in the recipient's Albanian
    assert f"https://b.example/sq/plans/{idea.plan.slug}/ideas/{idea.pk}/" in message.body
    assert "https://b.example/sq/notifications/unsubscribe/" in message.body
    assert "Queued 1 digest(s)" in out.getvalue()


def test_no_digest_when_nothing_happened(idea, cso_member):
    services.update_notification_settings(cso_member, actor=cso_member, instant=True,
                                          daily_digest=True)
    mail.outbox.clear()
    call_command("senddigest", stdout=io.StringIO())
    assert mail.outbox == []


def test_the_digest_unsubscribe_link_stops_the_digest(client, idea, cso_member, citizen):
    services.update_notification_settings(cso_member, actor=cso_member, instant=False,
                                          daily_digest=True)
    services.add_comment(idea, actor=citizen, body="Hi")
    Comment.objects.update(created_at=yesterday_noon())
    call_command("senddigest", stdout=io.StringIO())

    client.post(unsubscribe_path(mails_to(cso_member)[0]))

    assert NotificationSettings.objects.get(user=cso_member).daily_digest is False
    assert not Follow.objects.filter(user=cso_member).exists()


def test_the_command_refuses_a_bad_day(db):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("senddigest", "--day", "yesterday")
