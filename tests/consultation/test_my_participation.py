"""My participation: a person's ideas, drafts, comments, supports, follows, votes, survey
answers, registrations and the dates ahead in their plans, in one place (issue 7)."""

import datetime

import pytest
from django.utils import timezone

from bashke.consultation.models import IdeaDraft
from bashke.consultation.services import deliberation
from bashke.plans import services as plan_services
from bashke.plans.models import StageKind

from personas import make_user


@pytest.fixture
def someone(db):
    return make_user("someone@example.org", "Someone")


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get("/en/my-participation/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_newcomer_is_pointed_to_the_plans(client_for, someone):
    page = client_for(someone).get("/en/my-participation/").content.decode()
    assert "You have not taken part yet" in page


def test_everything_i_put_in_is_listed_with_the_dates_ahead(client_for, someone, citizen,
                                                            open_plan, make_idea):
    mine = make_idea(someone, title="Open every contract")
    theirs = make_idea(citizen, title="Budget in plain words")
    deliberation.add_comment(theirs, actor=someone, body="Yes, and by supplier too.",
                             language="en")
    deliberation.set_support(theirs, actor=someone, support=True)
    IdeaDraft.objects.create(user=someone, plan=open_plan, data={"title": "Half a thought"})
    plan_services.add_stage(open_plan, actor=None, kind=StageKind.PRIORITISATION,
                            start=timezone.localdate() + datetime.timedelta(days=30),
                            end=timezone.localdate() + datetime.timedelta(days=40))
    page = client_for(someone).get("/en/my-participation/").content.decode()
    for text in ("Open every contract", "Half a thought", "Yes, and by supplier too.",
                 "Budget in plain words", "supported", "followed"):
        assert text in page, text
    # The consultation runs 21 more days; the prioritisation opens next.
    assert "(21 days left)" in page and "Next: " in page
    assert f'href="{mine.get_absolute_url()}"' in page


def test_nobody_sees_another_persons_participation(client_for, someone, citizen, make_idea):
    make_idea(citizen, title="Citizen's own idea")
    page = client_for(someone).get("/en/my-participation/").content.decode()
    assert "Citizen&#x27;s own idea" not in page and "Citizen's own idea" not in page


def test_the_page_runs_a_fixed_number_of_queries(client_for, someone, citizen, open_plan,
                                                 make_idea, django_assert_max_num_queries):
    client = client_for(someone)
    theirs = make_idea(citizen)
    make_idea(someone)
    deliberation.add_comment(theirs, actor=someone, body="One.", language="en")
    with django_assert_max_num_queries(20) as small:
        client.get("/en/my-participation/")
    for number in range(5):
        idea = make_idea(citizen, title=f"More {number}")
        deliberation.add_comment(idea, actor=someone, body=f"Comment {number}.", language="en")
        deliberation.set_support(idea, actor=someone, support=True)
        make_idea(someone, title=f"Mine {number}")
    with django_assert_max_num_queries(20) as large:
        client.get("/en/my-participation/")
    assert len(large.captured_queries) == len(small.captured_queries)
