import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from bashke.consultation.models import Channel, Idea, IdeaDraft
from bashke.consultation.services import ideas as services
from bashke.core.models import AuditEntry
from bashke.core.text import format_day

D = datetime.date


def answers(component, **extra):
    return {"title": "Open budget portal", "overall_idea": "Publish the budget as open data.",
            "component": component, **extra}


def test_a_citizen_submits_an_idea_while_the_consultation_is_open(open_plan, open_component,
                                                                  citizen, agency):
    idea = services.submit_idea(open_plan, actor=citizen, agencies=[agency],
                                answers=answers(open_component, improves_transparency=True))
    assert idea.author == citizen and idea.channel == Channel.ONLINE
    assert idea.goal == open_component.goal  # filled from the component
    assert list(idea.agencies.all()) == [agency]
    entry = AuditEntry.objects.get(object_type="consultation.idea", object_id=str(idea.pk))
    assert entry.scope == open_plan.audit_scope
    assert entry.changes["agencies"] == [None, [agency.pk]]


def test_ideas_are_refused_before_the_consultation_with_the_next_opening(
        open_plan, open_component, citizen, monkeypatch):
    stage = open_plan.stages.get()
    monkeypatch.setattr("bashke.plans.cycle.today",
                        lambda: stage.start - datetime.timedelta(days=10))
    with pytest.raises(ValidationError) as caught:
        services.submit_idea(open_plan, actor=citizen, answers=answers(open_component))
    assert format_day(stage.start) in caught.value.messages[0]
    assert not Idea.objects.exists()


def test_after_the_last_consultation_the_refusal_says_none_is_scheduled(plan, component,
                                                                        citizen):
    with pytest.raises(ValidationError) as caught:
        services.submit_idea(plan, actor=citizen, answers=answers(component))
    assert "no further opportunity" in caught.value.messages[0]


def test_anonymous_people_cannot_submit(open_plan, open_component, anonymous):
    with pytest.raises(PermissionDenied):
        services.submit_idea(open_plan, actor=anonymous, answers=answers(open_component))


def test_a_component_of_another_plan_is_refused(open_plan, component, citizen):
    with pytest.raises(ValidationError) as caught:
        services.submit_idea(open_plan, actor=citizen, answers=answers(component))
    assert "component" in caught.value.message_dict
    assert not Idea.objects.exists()


def test_a_component_of_another_goal_is_refused(open_plan, open_component, citizen):
    other_goal = open_plan.goals.get(number=2)
    with pytest.raises(ValidationError) as caught:
        services.submit_idea(open_plan, actor=citizen,
                             answers=answers(open_component, goal=other_goal))
    assert "another policy goal" in caught.value.message_dict["component"][0]


def test_overlong_answers_are_refused(open_plan, open_component, citizen):
    with pytest.raises(ValidationError) as caught:
        services.submit_idea(open_plan, actor=citizen,
                             answers=answers(open_component, problem="x" * 6000))
    assert "problem" in caught.value.message_dict


def test_submitting_on_behalf_of_someone_elses_organisation_is_refused(open_plan,
                                                                       open_component,
                                                                       citizen, cso):
    with pytest.raises(ValidationError):
        services.submit_idea(open_plan, actor=citizen,
                             answers=answers(open_component, organisation=cso))


def test_submissions_are_rate_limited(open_plan, open_component, citizen):
    for number in range(services.SUBMISSIONS_PER_HOUR):
        services.submit_idea(open_plan, actor=citizen,
                             answers=answers(open_component, title=f"Idea {number}"))
    with pytest.raises(ValidationError) as caught:
        services.submit_idea(open_plan, actor=citizen, answers=answers(open_component))
    assert "try again in" in caught.value.messages[0]
    assert Idea.objects.count() == services.SUBMISSIONS_PER_HOUR


def test_staff_record_an_idea_received_on_paper_at_any_time(plan, component, coordinator):
    idea = services.submit_idea(plan, actor=coordinator, channel=Channel.PAPER, recorded=True,
                                answers=answers(component, submitter_name="Arben Krasniqi",
                                                publish_name=True))
    assert idea.author is None and idea.recorded_by == coordinator
    assert idea.public_name == "Arben Krasniqi"


def test_people_without_a_role_cannot_record_ideas(plan, component, citizen):
    with pytest.raises(PermissionDenied):
        services.submit_idea(plan, actor=citizen, channel=Channel.PAPER, recorded=True,
                             answers=answers(component))


def test_edits_keep_the_earlier_version(open_plan, make_idea, citizen):
    idea = make_idea(citizen)
    services.edit_idea(idea, actor=citizen, answers={"title": "Better title"})
    services.edit_idea(idea, actor=citizen, answers={"problem": "Data is hidden."})
    idea.refresh_from_db()
    assert idea.title == "Better title" and idea.problem == "Data is hidden."
    revisions = list(idea.revisions.order_by("number"))
    assert [r.answers["title"] for r in revisions] == ["Idea 1", "Better title"]


def test_only_the_author_edits_and_only_while_the_stage_is_open(open_plan, make_idea, citizen,
                                                                cso_member, monkeypatch):
    idea = make_idea(citizen)
    with pytest.raises(PermissionDenied):
        services.edit_idea(idea, actor=cso_member, answers={"title": "Mine now"})
    monkeypatch.setattr("bashke.plans.cycle.today", lambda: D(2099, 1, 1))
    with pytest.raises(PermissionDenied):
        services.edit_idea(idea, actor=citizen, answers={"title": "Too late"})
    idea.refresh_from_db()
    assert idea.title == "Idea 1"


def test_a_submitted_idea_replaces_the_draft(open_plan, open_component, citizen):
    services.save_draft(open_plan, actor=citizen, data={"title": "half-written", "evil": "x"})
    assert IdeaDraft.objects.get(user=citizen).data == {"title": "half-written"}
    services.submit_idea(open_plan, actor=citizen, answers=answers(open_component))
    assert not IdeaDraft.objects.filter(user=citizen).exists()


def test_search_ignores_diacritics_and_case(open_plan, make_idea, citizen):
    wanted = make_idea(citizen, overall_idea="Regjistri i shëndetësisë online")
    make_idea(citizen, overall_idea="Something else")
    assert list(Idea.objects.search("SHENDETESISE")) == [wanted]
    assert list(Idea.objects.search("shëndetësi online")) == [wanted]
