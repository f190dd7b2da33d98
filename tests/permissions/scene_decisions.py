"""The objects the decisions rows of the matrix name, added to the scene (scene.py) after the
consultation's. ``scene`` has the plan, its components, the users and what came before.

- ``awaiting_idea``: an idea of component A without a decision (the rows that decide);
- ``decided_idea``: an idea of component A with a decision and its reasoned response;
- ``forum_member``: a member of the plan's forum (its rows change or end the membership).
"""

import datetime

from bashke.accounts.models import Sector
from bashke.assessment.models import DecisionKind
from bashke.assessment.services import decisions, forum
from bashke.consultation.models import Channel
from bashke.consultation.services import ideas as idea_services


def build(scene):
    plan, author = scene.plan, scene.users["author"]

    def submit(title):
        return idea_services.submit_idea(plan, actor=author, channel=Channel.ONLINE, answers={
            "title": title, "overall_idea": "Publish it.", "component": scene.component,
            "language": "en"})

    awaiting = submit("Open procurement plans")
    decided = submit("Open the land register")
    decisions.decide(decided, actor=None, kind=DecisionKind.DEFERRED,
                     response_en="The cadastre reform comes first; the next plan.")
    member = forum.add_member(plan, actor=None, name="Arben Krasniqi",
                              organisation_name="Ministry of Justice", sector=Sector.GOVERNMENT,
                              joined_on=datetime.date(2020, 1, 15))
    return {"awaiting_idea": awaiting, "decided_idea": decided, "forum_member": member}
