"""Every trail of breadcrumbs starts at "Plans", and an idea's channel keeps its own
spelling ("Formular Word", not "formular word") — issue 7, defects 5 and 8."""

import re
from pathlib import Path

import bashke
from bashke.consultation.models import Channel
from bashke.consultation.services import ideas as idea_services
from bashke.plans import services as plan_services
from bashke.plans.models import Role

from personas import make_user

TEMPLATES = Path(bashke.__file__).parent
# The organisations' pages stand outside any plan: their trail starts at "Organisations".
OUTSIDE_PLANS = {"accounts/organisation_detail.html"}


def test_every_breadcrumb_trail_starts_at_the_plans():
    trails = 0
    for template in TEMPLATES.rglob("templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        for trail in re.findall(r'class="breadcrumb"><ol>\s*(<li>.*?</li>)', text, re.S):
            trails += 1
            name = template.as_posix().split("/templates/", 1)[1]
            if name in OUTSIDE_PLANS:
                continue
            assert "{% url 'plans:home' %}" in trail, f"{name} starts its trail elsewhere"
    assert trails >= 17


def test_the_idea_page_names_the_plans_and_the_channel_as_written(client, open_plan,
                                                                 open_component):
    coordinator = make_user("coordinator@example.org", "Coordinator")
    plan_services.assign_role(open_plan, coordinator, Role.COORDINATOR, actor=None)
    idea = idea_services.submit_idea(
        open_plan, actor=coordinator, channel=Channel.WORD, recorded=True,
        answers={"title": "Budget in plain words", "overall_idea": "Publish it.",
                 "component": open_component, "submitter_name": "A."})
    page = client.get(f"/sq/plans/{open_plan.slug}/ideas/{idea.pk}/").content.decode()
    crumbs = page.split('class="breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/sq/"' in crumbs and "Planet" in crumbs
    assert "<dd>Formular Word</dd>" in page and "formular word" not in page
