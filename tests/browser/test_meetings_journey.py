"""Staff record who came to a consultation meeting — ticking a registered person, filling a
row, pasting a list (with a mistake first) — and the participation figures show it. Every
page passes axe and is kept as a screenshot."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from bashke.consultation.models.meetings import Attendance
from bashke.consultation.services import meetings as services

from personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def moment(days, hour):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def meeting(plan, component, coordinator, cso_member):
    meeting = services.create_meeting(
        plan, actor=coordinator, component=component, title_sq="Takim për drejtësinë",
        title_en="Meeting on access to justice", starts_at=moment(3, 10),
        ends_at=moment(3, 12), place="Ministria e Drejtësisë, Tiranë", capacity=30)
    meeting = services.publish_meeting(meeting, actor=coordinator)
    services.register(meeting, actor=cso_member)
    # The meeting then takes place: it is moved to yesterday.
    return services.update_meeting(meeting, actor=coordinator, starts_at=moment(-1, 10),
                                   ends_at=moment(-1, 12))


def test_staff_record_attendance_and_the_figures_show_it(page, axe_check, screenshot, plan,
                                                         meeting, coordinator):
    page.goto("/en/accounts/login/")
    page.get_by_label("E-mail address").fill(coordinator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Log in")).click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    page.goto(f"/en/plans/{plan.slug}/meetings/")
    expect(page.locator("h1")).to_contain_text("Consultation meetings")
    axe_check(page)
    screenshot(page, "meetings-01-list")
    page.get_by_role("link", name="Meeting on access to justice").click()
    expect(page.locator("h1")).to_have_text("Meeting on access to justice")
    axe_check(page)
    screenshot(page, "meetings-02-meeting")

    page.get_by_role("navigation", name="Run this meeting").get_by_role(
        "link", name="Attendance").click()
    expect(page.locator("h1")).to_have_text("Attendance")
    axe_check(page)
    screenshot(page, "meetings-03-attendance-empty")

    # A registered person who came, by ticking their name.
    page.get_by_label("NGO Member").check()
    page.get_by_role("button", name="Add the ticked people").click()
    expect(page.get_by_role("status")).to_contain_text("1 person added to the attendance.")

    # One more by the rows of the repeating form.
    page.get_by_label("Name, row 1").fill("Arta Hoxha")
    page.get_by_label("Organisation, row 1").fill("Lëvizja Mjaft")
    page.get_by_label("Sector, row 1").select_option(label="Civil society")
    page.get_by_label("Gender, row 1").select_option(label="Woman")
    page.get_by_role("button", name="Add these people").click()
    expect(page.get_by_role("status")).to_contain_text("1 person added to the attendance.")

    # A pasted list with a mistake: nothing is saved, the line is named, the text stays.
    pasted = ("Besnik Marku; Ministria e Drejtësisë; qeveri; burrë\n"
              "Drita Gjoni; ; martian; woman\n"
              "Klea Shkreli; Universiteti i Tiranës; academia; f")
    page.get_by_label("Attendance list, one person a line").fill(pasted)
    page.get_by_role("button", name="Add everyone on the list").click()
    # Said once in the summary at the top (which takes the focus) and again at the field.
    expect(page.locator("[data-error-summary]")).to_contain_text(
        "Line 2: “martian” is not a sector.")
    expect(page.get_by_text("Line 2: “martian” is not a sector.")).to_have_count(2)
    expect(page.get_by_label("Attendance list, one person a line")).to_have_value(pasted)
    assert Attendance.objects.count() == 2
    axe_check(page)
    screenshot(page, "meetings-04-paste-with-a-mistake")
    page.get_by_label("Attendance list, one person a line").fill(
        pasted.replace("martian", "citizen"))
    page.get_by_role("button", name="Add everyone on the list").click()
    expect(page.get_by_role("status")).to_contain_text("3 people added to the attendance.")
    expect(page.get_by_role("heading", name="5 people recorded")).to_be_visible()
    axe_check(page)
    screenshot(page, "meetings-05-attendance-recorded")

    # The meeting's page and the plan's figures count them, without a name.
    page.get_by_role("link", name="Back to the meeting").click()
    expect(page.get_by_text("5 people took part")).to_be_visible()
    page.get_by_role("link", name="Participation in all the plan's meetings").click()
    expect(page.locator("h1")).to_have_text("Who took part in the consultation meetings")
    facts = page.locator("dl.participation-facts")
    expect(facts.locator("div", has_text="Participants")).to_contain_text("5")
    # NGO Member gave no gender: three women of the four who did.
    expect(facts.locator("div", has_text="Women")).to_contain_text(
        "75% (3 of 4 who gave their gender)")
    gender = page.locator("figure", has_text="Gender balance")
    gender.get_by_text("The figures as a table").click()
    expect(gender.get_by_role("row", name=re.compile("^Woman"))).to_contain_text("3")
    assert "Arta Hoxha" not in page.content()
    axe_check(page)
    screenshot(page, "meetings-06-participation")
