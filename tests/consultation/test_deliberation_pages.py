"""The deliberation pages and endpoints: the panel on the idea page, the forms that keep
what was typed, moderation, statements and votes (with and without htmx), notification
settings; and the number of queries each page runs, pinned at two sizes."""

import re

import pytest
from deliberation_fixtures import *  # noqa: F403 (fixtures)
from deliberation_fixtures import fresh
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bashke.accounts.models import User
from bashke.consultation.models import Comment, Flag, Idea, NotificationSettings, Support, Vote
from bashke.consultation.services import deliberation as services
from bashke.consultation.services import statements as statement_services
from bashke.consultation.services.limits import LIMITS
from bashke.consultation.views.deliberation import idea_panel_context

from personas import make_user

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"consultation:{name}", args=args)


def page_of(idea, client):
    response = client.get(idea.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def add_comments(idea, count, *, replies_each=1):
    authors = [User.objects.filter(email=f"person{n}@example.org").first()
               or make_user(f"person{n}@example.org", f"Person {n}") for n in range(3)]
    for number in range(count):
        top = Comment.objects.create(idea=idea, author=authors[number % 3], body=f"c{number}",
                                     body_html=f"<p>c{number}</p>")
        for _reply in range(replies_each):
            Comment.objects.create(idea=idea, author=authors[(number + 1) % 3], parent=top,
                                   body="r", body_html="<p>r</p>")
    return authors


# The panel ---------------------------------------------------------------------------------

def test_visitors_see_the_discussion_and_are_asked_to_log_in(client, idea, citizen):
    services.set_support(idea, actor=citizen, support=True)
    services.add_comment(idea, actor=citizen, body="Good **idea**", language="en")

    html = page_of(idea, client)

    assert "1</strong> person supports this idea." in html
    assert "Good <strong>idea</strong>" in html
    assert "to support this idea, follow it or comment." in html
    assert url("comment_idea", idea.plan.slug, idea.pk) not in html


def test_a_citizen_supports_follows_and_comments_from_the_idea_page(client_for, idea,
                                                                   citizen):
    client = client_for(citizen)
    assert "Support this idea" in page_of(idea, client)

    response = client.post(url("support_idea", idea.plan.slug, idea.pk), {"support": "1"})
    assert response.status_code == 302
    assert response["Location"] == idea.get_absolute_url() + "#discussion"
    assert Support.objects.filter(idea=idea, user=citizen).exists()

    response = client.post(url("comment_idea", idea.plan.slug, idea.pk),
                           {"body": "Yes, *please*.", "language": "en"})
    comment = Comment.objects.get()
    assert response["Location"] == idea.get_absolute_url() + f"#comment-{comment.pk}"

    html = page_of(idea, client)
    assert "Withdraw your support" in html and "You follow this idea." in html
    assert f'id="comment-{comment.pk}"' in html and "Yes, <em>please</em>." in html

    client.post(url("support_idea", idea.plan.slug, idea.pk), {"support": "0"})
    assert not Support.objects.filter(idea=idea).exists()


def test_replies_show_under_their_comment(client_for, idea, citizen, cso_member):
    top = services.add_comment(idea, actor=citizen, body="Top")
    client = client_for(cso_member)
    client.post(url("comment_idea", idea.plan.slug, idea.pk),
                {"body": "Answer", "language": "en", "parent": top.pk})

    html = page_of(idea, client)
    thread = html[html.index(f'id="comment-{top.pk}"'):]
    assert re.search(r'<ol class="replies"[^>]*>\s*<li class="comment reply"', thread)
    assert Comment.objects.get(body="Answer").parent == top


def test_a_refused_comment_is_shown_again_with_the_message(client_for, idea, citizen):
    response = client_for(citizen).post(url("comment_idea", idea.plan.slug, idea.pk),
                                        {"body": "x" * 5001, "language": "en"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "at most 5000 characters" in html
    assert "x" * 5001 in html  # nothing typed is lost
    assert not Comment.objects.exists()


def test_the_rate_limit_answers_429_and_keeps_the_text(client_for, idea, citizen):
    limit = LIMITS["comment"].count
    client = client_for(citizen)
    for number in range(limit):
        client.post(url("comment_idea", idea.plan.slug, idea.pk), {"body": f"n{number}",
                                                                   "language": "sq"})
    response = client.post(url("comment_idea", idea.plan.slug, idea.pk),
                           {"body": "One too many", "language": "sq"})

    assert response.status_code == 429
    assert "please wait" in response.content.decode()
    assert "One too many" in response.content.decode()


def test_anonymous_posts_are_sent_to_log_in(client, idea):
    for name, data in [("support_idea", {"support": "1"}), ("comment_idea", {"body": "x"}),
                       ("follow_idea", {})]:
        response = client.post(url(name, idea.plan.slug, idea.pk), data)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Comment.objects.exists() and not Support.objects.exists()


def test_get_on_post_endpoints_changes_nothing(client_for, idea, citizen):
    client = client_for(citizen)
    assert client.get(url("support_idea", idea.plan.slug, idea.pk)).status_code == 405
    assert client.get(url("hide_idea", idea.plan.slug, idea.pk)).status_code == 405
    assert not Support.objects.exists()


def test_comments_show_escaped_and_sanitised(client, idea, citizen):
    services.add_comment(idea, actor=citizen,
                         body="<script>alert(1)</script> [x](javascript:alert(2))")
    html = page_of(idea, client)

    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript' not in html


# Reports and moderation ----------------------------------------------------------------

def test_reporting_a_comment_takes_a_reason(client_for, idea, citizen, cso_member):
    comment = services.add_comment(idea, actor=cso_member, body="Spammy")
    client = client_for(citizen)
    report_url = url("flag_comment", idea.plan.slug, comment.pk)

    page = client.get(report_url)
    assert page.status_code == 200 and "Spammy" in page.content.decode()
    missing = client.post(report_url, {"details": "kept text"})
    assert missing.status_code == 400 and "kept text" in missing.content.decode()

    done = client.post(report_url, {"reason": "spam", "details": "Advertising"})
    assert done.status_code == 302
    assert Flag.objects.get().details == "Advertising"
    assert "You reported this comment." in page_of(idea, client)


def test_a_moderator_hides_a_comment_and_the_reason_shows_in_its_place(
        client_for, client, idea, citizen, open_moderator):
    comment = services.add_comment(idea, actor=citizen, body="Insulting words")
    services.flag(comment, actor=make_user("r@example.org", "R"), reason="abuse")
    moderator = client_for(open_moderator)

    queue = moderator.get(url("moderation", idea.plan.slug)).content.decode()
    assert "Insulting words" in queue and "Insulting, hateful or threatening" in queue

    response = moderator.post(url("hide_comment", idea.plan.slug, comment.pk),
                              {"reason": "Insults a participant.",
                               "next": url("moderation", idea.plan.slug)})
    assert response["Location"] == url("moderation", idea.plan.slug)

    public = page_of(idea, client)
    assert "Hidden by the moderators:</strong> Insults a participant." in public
    assert "Insulting words" not in public
    assert "No open reports." in moderator.get(url("moderation", idea.plan.slug)).content.decode()

    moderator.post(url("restore_comment", idea.plan.slug, comment.pk))
    assert "Insulting words" in page_of(idea, client)


def test_hiding_without_a_reason_shows_the_form_again(client_for, idea, open_moderator):
    response = client_for(open_moderator).post(url("hide_idea", idea.plan.slug, idea.pk),
                                               {"reason": ""})
    assert response.status_code == 400
    assert fresh(idea).hidden_at is None


@pytest.mark.parametrize("name", ["citizen", "moderator", "open_secretariat"])
def test_others_cannot_open_the_queue_or_hide(request, client_for, idea, name):
    client = client_for(request.getfixturevalue(name))
    assert client.get(url("moderation", idea.plan.slug)).status_code == 403
    assert client.post(url("hide_idea", idea.plan.slug, idea.pk),
                       {"reason": "x"}).status_code == 403
    assert client.post(url("restore_idea", idea.plan.slug, idea.pk)).status_code == 403
    assert fresh(idea).hidden_at is None


def test_hiding_an_idea_from_its_page(client_for, client, idea, open_moderator):
    moderator = client_for(open_moderator)
    moderator.post(url("hide_idea", idea.plan.slug, idea.pk), {"reason": "Off topic."})

    assert "Off topic." in page_of(idea, client)
    assert "Restore this idea" in page_of(idea, moderator)


def test_the_open_redirect_guard(client_for, idea, open_moderator):
    response = client_for(open_moderator).post(
        url("dismiss_idea_flags", idea.plan.slug, idea.pk), {"next": "https://evil.example/"})
    assert response["Location"] == idea.get_absolute_url() + "#discussion"


# Statements and votes ------------------------------------------------------------------

def test_votes_work_without_javascript(client_for, statement, citizen):
    client = client_for(citizen)
    page = client.get(url("statements", statement.plan.slug)).content.decode()
    assert 'name="choice" value="1"' in page and 'value="-1"' in page and 'value="0"' in page

    response = client.post(url("vote", statement.plan.slug, statement.pk), {"choice": "1"})
    assert response.status_code == 302
    client.post(url("vote", statement.plan.slug, statement.pk), {"choice": "0"})

    assert list(Vote.objects.values_list("choice", flat=True)) == [0]
    page = client.get(url("statements", statement.plan.slug)).content.decode()
    assert "Agree: 0 · Disagree: 0 · Pass: 1" in page
    assert 'value="0" aria-pressed="true"' in page


def test_an_htmx_vote_returns_only_the_statement(client_for, statement, citizen):
    response = client_for(citizen).post(url("vote", statement.plan.slug, statement.pk),
                                        {"choice": "-1"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.startswith(f'<li class="statement" id="statement-{statement.pk}"')
    assert "Agree: 0 · Disagree: 1 · Pass: 0" in html


def test_a_bad_vote_is_refused_with_a_message(client_for, statement, citizen):
    response = client_for(citizen).post(url("vote", statement.plan.slug, statement.pk),
                                        {"choice": "7"}, headers={"HX-Request": "true"})
    assert response.status_code == 400
    assert "Choose agree, disagree or pass." in response.content.decode()
    assert not Vote.objects.exists()


def test_outside_the_stage_the_page_says_when_voting_opens(client, open_plan):
    page = client.get(url("statements", open_plan.slug)).content.decode()
    assert "Voting on statements is not open" in page
    assert 'name="choice"' not in page


def test_a_participant_proposes_and_a_moderator_approves(client_for, voting_plan, citizen,
                                                         open_moderator):
    response = client_for(citizen).post(url("add_statement", voting_plan.slug),
                                        {"text": "Evening meetings", "language": "en"})
    assert response.status_code == 302
    moderator = client_for(open_moderator)
    page = moderator.get(url("statements", voting_plan.slug)).content.decode()
    assert "Proposed statements waiting for approval" in page

    proposal = voting_plan.statements.get()
    moderator.post(url("review_statement", voting_plan.slug, proposal.pk), {"approve": "1"})
    assert fresh(proposal).approved


def test_a_too_long_statement_is_kept_with_the_error(client_for, voting_plan,
                                                     open_coordinator):
    response = client_for(open_coordinator).post(url("add_statement", voting_plan.slug),
                                                 {"text": "y" * 300, "language": "en"})
    assert response.status_code == 400
    assert "y" * 300 in response.content.decode()


# Notification settings -------------------------------------------------------------------

def test_notification_settings_are_saved(client_for, citizen, idea):
    services.set_follow(idea, actor=citizen, follow=True)
    client = client_for(citizen)
    page = client.get("/en/notifications/").content.decode()
    assert idea.title in page

    client.post("/en/notifications/", {"daily_digest": "on"})
    row = NotificationSettings.objects.get(user=citizen)
    assert (row.instant, row.daily_digest) == (False, True)


def test_notification_settings_need_a_login(client):
    assert client.get("/en/notifications/").status_code == 302


# Queries, pinned ----------------------------------------------------------------------

def panel_queries(idea, user):
    idea = Idea.objects.select_related("plan").get(pk=idea.pk)  # as the idea page loads it
    request = RequestFactory().get("/")
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        idea_panel_context(request, idea)
    return len(queries)


def test_the_panel_runs_a_fixed_number_of_queries(idea, citizen, open_moderator,
                                                  django_assert_num_queries):
    add_comments(idea, 2)
    small = {user: panel_queries(fresh(idea), user) for user in (citizen, open_moderator)}
    add_comments(idea, 200, replies_each=2)
    large = {user: panel_queries(fresh(idea), user) for user in (citizen, open_moderator)}

    assert small == large
    # Citizen: comments, support count, stages, own support, follow, own reports, roles ×2.
    assert small[citizen] == 8
    # Moderator: found at the first role query, then one more for the open reports.
    assert small[open_moderator] == 8


def test_the_idea_page_runs_as_many_queries_with_2_or_500_comments(client_for, idea,
                                                                     citizen):
    client = client_for(citizen)
    add_comments(idea, 2)
    page_of(idea, client)
    with CaptureQueriesContext(connection) as small:
        page_of(idea, client)
    add_comments(idea, 250, replies_each=1)
    with CaptureQueriesContext(connection) as large:
        html = page_of(idea, client)

    # The first page of threads, with every reply to them.
    from bashke.consultation.views.deliberation import THREADS_PER_PAGE

    shown = Comment.objects.filter(idea=idea, parent__isnull=True).order_by(
        "created_at", "id")[:THREADS_PER_PAGE]
    replies = Comment.objects.filter(parent__in=list(shown)).count()
    assert replies > 0 and html.count('class="comment reply"') == replies
    assert len(small) == len(large)


def test_the_statements_page_and_queue_run_fixed_queries(client_for, voting_plan, statement,
                                                         open_coordinator, citizen, idea,
                                                         django_assert_num_queries):
    client = client_for(open_coordinator)

    def counts():
        results = []
        for target in (url("statements", voting_plan.slug), url("moderation", voting_plan.slug)):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(target).status_code == 200
            results.append(len(queries))
        return results

    small = counts()
    for number in range(30):
        extra = statement_services.add_statement(voting_plan, actor=open_coordinator,
                                                 text=f"S{number}")
        statement_services.vote(extra, actor=citizen, choice=1)
        comment = Comment.objects.create(idea=idea, author=citizen, body="b",
                                         body_html="<p>b</p>")
        Flag.objects.create(plan=voting_plan, comment=comment, reporter=open_coordinator,
                            reason="spam")
    assert counts() == small


def test_long_discussions_come_a_page_of_threads_at_a_time(client_for, idea, citizen,
                                                          django_assert_max_num_queries):
    from bashke.consultation.models import Comment
    from bashke.consultation.views.deliberation import THREADS_PER_PAGE

    Comment.objects.bulk_create([
        Comment(idea=idea, author=citizen, body=f"Thread {n}", body_html=f"<p>Thread {n}</p>",
                language="en") for n in range(THREADS_PER_PAGE + 5)])
    client = client_for(citizen)
    first = client.get(idea.get_absolute_url()).content.decode()
    assert "<p>Thread 0</p>" in first and f"<p>Thread {THREADS_PER_PAGE}</p>" not in first
    assert "?comments=2" in first
    second = client.get(idea.get_absolute_url() + "?comments=2").content.decode()
    assert f"<p>Thread {THREADS_PER_PAGE}</p>" in second and "<p>Thread 0</p>" not in second
    # A reply lands on the page of its thread.
    last = Comment.objects.order_by("-pk").first()
    response = client.post(f"/en/plans/{idea.plan.slug}/ideas/{idea.pk}/comments/",
                           {"body": "A reply", "language": "en", "parent": last.pk})
    assert response.status_code == 302 and "?comments=2#comment-" in response["Location"]
