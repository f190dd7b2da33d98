"""Deliberation in a real browser: a citizen comments on an idea and supports it; a
moderator hides the comment with a reason, and everyone sees the reason in its place; the
statements page takes a vote without JavaScript's help and with it. Every page passes axe
and is kept as a screenshot."""

import re

import pytest
from playwright.sync_api import expect

from bashke.accounts.models import Sector
from bashke.consultation import notifications
from bashke.consultation.models import Comment, NotificationSettings, Support, Vote
from bashke.consultation.services import ideas as idea_services
from bashke.consultation.services import statements as statement_services
from bashke.plans import services as plan_services
from bashke.plans.models import Role, StageKind

from personas import PASSWORD, make_user
from scenes import local_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def scene():
    plan = local_plan(component=False, stages=[(StageKind.ONLINE_CONSULTATION, -7, 21),
                                               (StageKind.PRIORITISATION, -1, 10)])
    author = make_user("ngo@example.org", "Forumi Qytetar", sector=Sector.CIVIL_SOCIETY)
    citizen = make_user("citizen@example.org", "Qytetarja", preferred_language="en")
    moderator = make_user("moderator@example.org", "Moderatorja")
    coordinator = make_user("coordinator@example.org", "Koordinatorja")
    plan_services.assign_role(plan, moderator, Role.MODERATOR, actor=None)
    plan_services.assign_role(plan, coordinator, Role.COORDINATOR, actor=None)
    idea = idea_services.submit_idea(plan, actor=author, answers={
        "title": "Publish every municipal contract", "language": "en",
        "overall_idea": "Publish every contract the municipality signs, within ten days."})
    statement = statement_services.add_statement(
        plan, actor=coordinator, text="Every contract should be online within ten days.",
        language="en", idea=idea)
    return {"plan": plan, "idea": idea, "citizen": citizen, "moderator": moderator,
            "statement": statement}


def log_in(page, user):
    page.goto("/en/accounts/login/")
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def log_out(page):
    page.get_by_role("button", name="Log out").click()


def test_comment_support_and_moderation(page, axe_check, screenshot, scene):
    idea, citizen = scene["idea"], scene["citizen"]
    idea_path = f"/en/plans/{idea.plan.slug}/ideas/{idea.pk}/"

    # A visitor sees the discussion and is asked to log in.
    page.goto(idea_path)
    expect(page.get_by_role("heading", name="Support and discussion")).to_be_visible()
    expect(page.get_by_text("No comments yet.")).to_be_visible()
    axe_check(page)
    screenshot(page, "deliberation-01-idea-visitor")

    # The citizen supports the idea and comments on it.
    log_in(page, citizen)
    page.goto(idea_path)
    page.get_by_role("button", name="Support this idea").click()
    expect(page.get_by_text("You support this idea.")).to_be_visible()
    expect(page.locator(".support-count")).to_contain_text("1 person supports this idea.")
    page.get_by_label("Your comment").fill("A **searchable** register, please.\n"
                                           "- by supplier\n- by amount")
    page.get_by_label("Written in").last.select_option("en")
    page.get_by_role("button", name="Publish the comment").click()
    expect(page).to_have_url(re.compile(r"#comment-\d+$"))
    comment = Comment.objects.get()
    thread = page.locator(f"#comment-{comment.pk}")
    expect(thread.locator("strong", has_text="searchable")).to_be_visible()
    expect(thread.locator("li", has_text="by supplier")).to_be_visible()
    assert Support.objects.filter(idea=idea, user=citizen).exists()
    axe_check(page)
    screenshot(page, "deliberation-02-idea-citizen-commented")

    # A reply, through the reply form under the comment.
    thread.get_by_text("Reply", exact=True).click()
    thread.get_by_label("Your reply").fill("And by date.")
    thread.get_by_role("button", name="Publish the reply").click()
    expect(page.locator(".replies")).to_contain_text("And by date.")
    log_out(page)

    # The moderator hides the first comment with a reason.
    log_in(page, scene["moderator"])
    page.goto(idea_path)
    target = page.locator(f"#comment-{comment.pk} > article")
    target.get_by_text("Hide", exact=False).first.click()
    target.get_by_label("Public reason, shown in its place").fill(
        "Reveals a person's private data.")
    axe_check(page)
    screenshot(page, "deliberation-03-moderator-hiding")
    target.get_by_role("button", name="Hide the comment").click()
    expect(page.get_by_text("Hidden. The reason is shown in its place.")).to_be_visible()
    page.goto(f"/en/plans/{idea.plan.slug}/moderation/")
    expect(page.get_by_role("heading", name=re.compile("^Moderation"))).to_be_visible()
    expect(page.get_by_role("cell", name="Reveals a person's private data.")).to_be_visible()
    axe_check(page)
    screenshot(page, "deliberation-04-moderation-queue")
    log_out(page)

    # Everyone sees the reason where the comment was; the reply stays.
    page.goto(idea_path)
    hidden = page.locator(f"#comment-{comment.pk} > article .hidden-content")
    expect(hidden).to_have_text("Hidden by the moderators: Reveals a person's private data.")
    expect(page.get_by_text("searchable")).to_have_count(0)
    expect(page.locator(".replies")).to_contain_text("And by date.")
    axe_check(page)
    screenshot(page, "deliberation-05-idea-hidden-comment")


def test_voting_on_statements(page, axe_check, screenshot, scene):
    statement, citizen = scene["statement"], scene["citizen"]
    log_in(page, citizen)
    page.goto(f"/en/plans/{statement.plan.slug}/statements/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Agree or disagree")
    axe_check(page)

    row = page.locator(f"#statement-{statement.pk}")
    row.get_by_role("button", name="Agree", exact=True).click()
    expect(row.locator(".totals")).to_have_text("Agree: 1 · Disagree: 0 · Pass: 0")
    expect(page.locator(f"#statement-{statement.pk}").get_by_role(
        "button", name="Agree", exact=True)).to_have_attribute("aria-pressed", "true")
    page.locator(f"#statement-{statement.pk}").get_by_role("button", name="Disagree").click()
    expect(page.locator(f"#statement-{statement.pk} .totals")).to_have_text(
        "Agree: 0 · Disagree: 1 · Pass: 0")
    assert list(Vote.objects.values_list("choice", flat=True)) == [-1]
    axe_check(page)
    screenshot(page, "deliberation-06-statements-voted")

    # The citizen chooses a daily summary instead of an e-mail each time.
    page.goto("/en/notifications/")
    page.get_by_label("An e-mail each time").uncheck()
    page.get_by_label("One e-mail a day").check()
    axe_check(page)
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_text("Your choices are saved.")).to_be_visible()
    screenshot(page, "deliberation-07-notification-settings")
    log_out(page)

    # The unsubscribe link of an e-mail, opened logged out: a question, then one click.
    page.goto(f"/en/notifications/unsubscribe/{notifications.unsubscribe_token(citizen)}/")
    expect(page.get_by_role("heading", name="Unsubscribe")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Stop all e-mails about ideas").click()
    expect(page.get_by_role("status")).to_contain_text("no more e-mails")
    settings = NotificationSettings.objects.get(user=citizen)
    assert (settings.instant, settings.daily_digest) == (False, False)
    screenshot(page, "deliberation-08-unsubscribed")
