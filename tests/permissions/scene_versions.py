"""The objects the versions rows of the matrix name, added to the scene (scene.py) after the
drafting's. ``scene`` has the plan, its components, the users and what came before.

- ``version`` (1): the plan's table frozen and published for comment (today to in five days,
  within the online consultation), with ``version_comment`` by the author on a measure;
- ``frozen_version`` (2): frozen, not published — published, endorsed and approved by the
  rows that do so (each request is rolled back);
- ``endorsement``: the plan's forum's decision endorsing the draft;
- ``approved_version``: the other plan's (Shkodër's) version 1, approved with a decision
  document — so that the plan itself stays open to drafting for the other rows.
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from bashke.assessment.models import ForumDecision
from bashke.core.pdf import simple_pdf
from bashke.drafting.models import Activity, Measure, Objective
from bashke.drafting.services import versions as services
from bashke.plans.cycle import today


def _ensure_table(plan, component):
    """The drafting scene writes the plan's table; the other plan's is written here."""
    if Objective.objects.filter(component__goal__plan=plan).exists():
        return
    objective = Objective.objects.create(component=component, title_sq="Objektivi",
                                         title_en="Objective")
    measure = Measure.objects.create(objective=objective, title_en="A measure")
    Activity.objects.create(measure=measure, title_en="An activity", start=plan.start,
                            end=plan.start + datetime.timedelta(days=90), cost=100)


def build(scene):
    plan, author = scene.plan, scene.users["author"]
    _ensure_table(plan, scene.component)
    first = services.freeze(plan, actor=None, note="Draft for public comment")
    first = services.publish_for_comment(first, actor=None, opens=today(),
                                         closes=today() + datetime.timedelta(days=5))
    measure_row = next(key for key in services.row_keys(first) if key.startswith("measure:"))
    comment = services.comment(first, measure_row, actor=author, body="Add a deadline.",
                               language="en")
    second = services.freeze(plan, actor=None, note="After the comments")
    endorsement = ForumDecision.objects.create(
        plan=plan, kind=ForumDecision.Kind.ENDORSEMENT, decided_on=today(),
        title_sq="Miratimi i projektplanit nga forumi", title_en="The forum endorses the draft")
    other = scene.other_plan
    _ensure_table(other, other.goals.get().components.get())
    approved = services.approve(
        services.freeze(other, actor=None), actor=None, body="Këshilli Bashkiak",
        approved_on=today(), decision_reference="Nr. 7",
        decision_document=SimpleUploadedFile("vendimi.pdf", simple_pdf(["Vendim"])))
    return {"version": first, "version_comment": comment, "frozen_version": second,
            "endorsement": endorsement, "approved_version": approved,
            "version_row": measure_row}
