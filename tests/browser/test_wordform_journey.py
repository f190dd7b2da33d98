"""The idea form in Word, in a real browser: a citizen downloads the form, fills it in
(python-docx plays the part of Word, leaving question 5 unanswered), uploads it, sees what
was read with the unanswered question flagged, answers it on the page, confirms, and lands
on the published idea. Every page passes axe and is kept as a screenshot."""

import re

import pytest
from docx import Document
from playwright.sync_api import expect

from bashke.consultation.models import Channel, Idea

from personas import PASSWORD, make_user
from scenes import local_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def scene():
    plan = local_plan()
    citizen = make_user("elira@example.org", "Elira Gjoka", preferred_language="en")
    return {"plan": plan, "citizen": citizen}


def fill_like_a_person(path):
    """Opens the downloaded form and answers it the way people do: in the cells, with an
    X for the options, leaving question 5 empty."""
    document = Document(path)

    def cell(start):
        for table in document.tables:
            for row in table.rows:
                if row.cells[0].text.strip().startswith(start):
                    return row.cells[1]
        raise AssertionError(start)

    cell("Title").paragraphs[0].text = "Publish the municipal budget every month"
    cell("Component").paragraphs[0].text = "X I.1 Open budget"
    cell("Language").paragraphs[0].text = "☐ Albanian    X English"
    cell("Your name").paragraphs[0].text = "Elira Gjoka"
    cell("Consent").paragraphs[0].text = "X Yes    ☐ No"
    cell("1.").paragraphs[0].text = "Publish the budget and its execution as open data."
    cell("1.").add_paragraph("Monthly, in a spreadsheet anyone can open.")
    cell("2.").paragraphs[0].text = "Citizens cannot see how the money is spent."
    cell("3.").paragraphs[0].text = "Regular publication lets anyone follow spending."
    cell("4.").paragraphs[0].text = "Spending that everyone can check."
    cell("6.1").paragraphs[0].text = "X Yes    ☐ No"
    cell("6.1").paragraphs[2].text = "Every payment becomes public."
    cell("6.2").paragraphs[0].text = "Yes"
    cell("6.3").paragraphs[0].text = "☐ Yes    X No"
    cell("6.4").paragraphs[0].text = "☐ Yes    ☒ No"
    cell("7.").paragraphs[0].text = "BSH"
    document.save(path)


def test_word_form_journey(page, axe_check, screenshot, scene, tmp_path):
    plan, citizen = scene["plan"], scene["citizen"]
    page.goto("/en/accounts/login/")
    page.get_by_label("E-mail address").fill(citizen.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    # The upload page: download the form in English.
    page.goto(f"/en/plans/{plan.slug}/ideas/word/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Upload a filled idea form")
    axe_check(page)
    screenshot(page, "wordform-01-upload-page")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="The form in English (.docx)").click()
    download = download_info.value
    assert download.suggested_filename == f"{plan.slug}-idea-form-en.docx"
    path = tmp_path / "my-idea.docx"
    download.save_as(path)
    fill_like_a_person(path)

    # Upload it filled: nothing is published yet, everything read is shown.
    page.get_by_label("Your filled form (.docx)").set_input_files(str(path))
    page.get_by_role("button", name="Read my form").click()
    expect(page).to_have_url(re.compile(rf"/en/plans/{plan.slug}/ideas/word/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("my-idea.docx")
    check = page.locator("ul.unanswered")
    expect(check).to_contain_text("5. Main beneficiaries")
    expect(page.locator("#flag-beneficiaries")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Publish the municipal budget every month")
    expect(page.get_by_label("2. What is the problem the idea will address?")).to_have_value(
        "Citizens cannot see how the money is spent.")
    assert not Idea.objects.exists()
    axe_check(page)
    screenshot(page, "wordform-02-confirmation")

    # A reload loses nothing; then the missing answer is given on the page, and confirmed.
    page.reload()
    expect(page.locator("#flag-beneficiaries")).to_be_visible()
    page.get_by_label("5. Main beneficiaries / who benefits?").fill(
        "Residents, journalists and the council.")
    page.get_by_role("button", name="Confirm and publish the idea").click()

    idea = Idea.objects.get()
    expect(page).to_have_url(re.compile(rf"/en/plans/{plan.slug}/ideas/{idea.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Publish the municipal budget every month")
    assert idea.channel == Channel.WORD and idea.author == citizen
    assert idea.beneficiaries == "Residents, journalists and the council."
    # Browsers send a textarea's lines with CRLF.
    assert idea.overall_idea.replace("\r\n", "\n") == (
        "Publish the budget and its execution as open data.\n"
        "Monthly, in a spreadsheet anyone can open.")
    assert (idea.improves_transparency, idea.improves_participation,
            idea.improves_accountability, idea.improves_technology) == (True, True, False, False)
    assert idea.transparency_explanation == "Every payment becomes public."
    assert idea.language == "en" and idea.publish_name
    assert [a.acronym for a in idea.agencies.all()] == ["BSH"]
    axe_check(page)
    screenshot(page, "wordform-03-published-idea")
