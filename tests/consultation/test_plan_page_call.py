"""On a plan whose online consultation is open, "Put forward an idea" is a button with the
closing date and the days left; the long plan page has a table of contents (issue 7)."""

import re

from bashke.core.text import format_day
from bashke.plans.models import StageKind


def test_the_call_to_put_forward_an_idea_is_a_button_with_the_days_left(client, open_plan):
    stage = open_plan.stages.get(kind=StageKind.ONLINE_CONSULTATION)
    page = client.get(f"/en/plans/{open_plan.slug}/").content.decode()
    call = page.split('class="call-to-act"', 1)[1].split("</p>", 1)[0]
    assert f'class="button" href="/en/plans/{open_plan.slug}/ideas/new/"' in call
    assert f"Open until {format_day(stage.end)}: 21 days left." in call


def test_no_call_when_ideas_are_not_collected(client, plan):
    page = client.get(f"/en/plans/{plan.slug}/").content.decode()
    assert "call-to-act" not in page


def test_every_entry_of_the_table_of_contents_leads_somewhere(client, open_plan):
    page = client.get(f"/en/plans/{open_plan.slug}/").content.decode()
    toc = page.split('class="toc"', 1)[1].split("</nav>", 1)[0]
    targets = re.findall(r'href="#([\w-]+)"', toc)
    assert len(targets) >= 4
    for target in targets:
        assert f'id="{target}"' in page, target
