"""The action plan table in Excel and back, in a real browser: the coordinator downloads
the table from the downloads panel, changes it as a ministry would (openpyxl plays Excel),
uploads a file with mistakes and reads them cell by cell, corrects them, and sees what the
import changed. Every page passes axe, fits a 360 px phone, and is kept as a screenshot."""

import datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from bashke.drafting.models import Activity, Measure, Objective
from bashke.plans.models import Role
from bashke.plans.services import assign_role

from personas import PASSWORD, make_user
from scenes import local_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def scene():
    plan = local_plan()
    coordinator = make_user("drita@example.org", "Drita Hoxha", preferred_language="en")
    assign_role(plan, coordinator, Role.COORDINATOR, actor=None)
    objective = Objective.objects.create(component=plan.goals.get().components.get(),
                                         title_sq="Buxheti i hapur", title_en="Open budget")
    measure = Measure.objects.create(objective=objective, title_sq="Publikimi",
                                     title_en="Publishing the budget")
    activity = Activity.objects.create(
        measure=measure, title_sq="Portali", title_en="A budget portal", start=plan.start,
        end=plan.start + datetime.timedelta(days=180), cost=Decimal("800"),
        state_budget=Decimal("300"))
    return {"plan": plan, "coordinator": coordinator, "activity": activity}


def edit(path, cost, end=None):
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    line = next(r for r in range(1, sheet.max_row + 1)
                if str(sheet[f"M{r}"].value).startswith("activity:"))
    sheet[f"G{line}"] = cost
    if end is not None:
        sheet[f"F{line}"] = end
    workbook.save(path)
    return line


def fits_a_phone(page):
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.set_viewport_size({"width": 1280, "height": 800})


def test_table_import_journey(page, axe_check, screenshot, scene, tmp_path):
    plan, activity = scene["plan"], scene["activity"]
    page.goto("/en/accounts/login/")
    page.get_by_label("E-mail address").fill(scene["coordinator"].email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    page.goto(f"/en/plans/{plan.slug}/export/import/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Import the filled table")
    axe_check(page)
    fits_a_phone(page)
    screenshot(page, "exports-01-import-page")
    page.get_by_label("English").check()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="The table in Excel (.xlsx)").click()
    download = download_info.value
    assert download.suggested_filename == f"{plan.slug}-action-plan-draft-en.xlsx"
    path = tmp_path / "table.xlsx"
    download.save_as(path)

    # Mistakes: text where a number goes, an end after the plan's.
    line = edit(path, "eight hundred", datetime.datetime(plan.end.year + 3, 1, 1))
    page.get_by_label("The filled table (.xlsx)").set_input_files(str(path))
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_role("heading", name="Nothing was imported")).to_be_visible()
    problems = page.get_by_role("table", name="2 problems, cell by cell")
    expect(problems.get_by_role("rowheader", name=f"G{line}")).to_be_visible()
    expect(problems.get_by_role("rowheader", name=f"F{line}")).to_be_visible()
    expect(problems).to_contain_text("“eight hundred” is text")
    axe_check(page)
    fits_a_phone(page)
    screenshot(page, "exports-02-problems-by-cell")
    activity.refresh_from_db()
    assert activity.cost == Decimal("800")

    # Corrected: imported, and the page says what changed.
    edit(path, 950, datetime.datetime(plan.start.year, 7, 31))
    page.get_by_label("The filled table (.xlsx)").set_input_files(str(path))
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_text("The table is imported: 2 changes.")).to_be_visible()
    changes = page.get_by_role("table", name="Changes imported, by row")
    expect(changes).to_contain_text("950")
    axe_check(page)
    fits_a_phone(page)
    screenshot(page, "exports-03-imported")
    activity.refresh_from_db()
    assert activity.cost == Decimal("950") and activity.version == 2
