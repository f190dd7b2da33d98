"""GET /api/v1/plans/{slug}/meetings and /api/v1/meetings/{id}: public meetings only,
attendance as counts, never names; fixed query counts."""

import pytest
from meetings_helpers import at, held, schedule

from bashke.consultation.services import meetings as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(plan, component, coordinator, citizen):
    past = held(plan, coordinator, component=component, title_en="Past", title_sq="E kaluar")
    services.record_attendance(past, actor=coordinator, rows=[
        {"name": "Arta Private", "sector": "civil_society", "gender": "woman"},
        {"name": "Besnik Private", "sector": "government", "gender": "man"}])
    services.save_minutes(past, actor=coordinator, minutes_sq="", minutes_en="Agreed.")
    services.record_idea(past, actor=coordinator, answers={"title": "Raised",
                                                           "overall_idea": "x"})
    coming = schedule(plan, coordinator, title_en="Coming", title_sq="Së shpejti", capacity=9)
    services.register(coming, actor=citizen)
    draft = schedule(plan, coordinator, title_en="Draft", publish=False)
    return {"past": past, "coming": coming, "draft": draft}


def test_list_has_public_meetings_with_counts(client, plan, meetings):
    response = client.get(f"/api/v1/plans/{plan.slug}/meetings?lang=en")
    assert response.status_code == 200 and response["Content-Language"] == "en"
    data = response.json()
    assert data["count"] == 2
    past, coming = data["items"]
    assert (past["title"], coming["title"]) == ("Past", "Coming")
    assert past["attendance"]["total"] == 2 and past["ideas"] == 1
    assert past["attendance"]["by_gender"] == {"woman": 1, "man": 1, "other": 0, "unsaid": 0}
    assert coming["attendance"] is None and coming["registered"] == 1
    assert coming["capacity"] == 9 and coming["status"] == "published"
    assert "Private" not in response.content.decode()


def test_list_filters_and_languages(client, plan, meetings):
    upcoming = client.get(f"/api/v1/plans/{plan.slug}/meetings?when=upcoming&lang=sq").json()
    assert [m["title"] for m in upcoming["items"]] == ["Së shpejti"]
    past = client.get(f"/api/v1/plans/{plan.slug}/meetings?when=past").json()
    assert [m["title_en"] for m in past["items"]] == ["Past"]
    assert client.get(f"/api/v1/plans/{plan.slug}/meetings?when=soon").status_code == 422
    assert client.get(f"/api/v1/plans/{plan.slug}/meetings?limit=0").status_code == 422
    assert client.get("/api/v1/plans/nope/meetings").status_code == 404


def test_detail_of_a_public_meeting(client, meetings):
    past = meetings["past"]
    data = client.get(f"/api/v1/meetings/{past.pk}?lang=en").json()
    assert data["minutes_en"] == "Agreed." and data["minutes"] == "Agreed."
    assert [idea["title"] for idea in data["raised_ideas"]] == ["Raised"]
    assert data["attendance"]["by_sector"]["civil_society"] == 1
    assert data["ical_url"].endswith(f"/meetings/{past.pk}/meeting.ics")
    assert "Private" not in str(data)


def test_drafts_and_unknown_meetings_are_404(client, meetings):
    assert client.get(f"/api/v1/meetings/{meetings['draft'].pk}").status_code == 404
    assert client.get("/api/v1/meetings/99999").status_code == 404
    assert client.get("/api/v1/meetings/abc").status_code == 422


def test_cancelled_meetings_carry_the_reason(client, coordinator, meetings):
    services.cancel_meeting(meetings["coming"], actor=coordinator, reason="No hall.")
    data = client.get(f"/api/v1/meetings/{meetings['coming'].pk}").json()
    assert (data["status"], data["cancelled_reason"]) == ("cancelled", "No hall.")


def test_queries_are_fixed(client, plan, coordinator, meetings, django_assert_num_queries):
    url = f"/api/v1/plans/{plan.slug}/meetings"
    # plan, count, the page of meetings, attendance figures, idea counts
    with django_assert_num_queries(5):
        client.get(url)
    for day in range(6):
        meeting = held(plan, coordinator, starts_at=at(-10 - day, 9), ends_at=at(-10 - day, 11))
        services.record_attendance(meeting, actor=coordinator, rows=[
            {"name": f"P{n}", "gender": "woman"} for n in range(5)])
    with django_assert_num_queries(5):
        assert client.get(url).json()["count"] == 8
    detail = f"/api/v1/meetings/{meetings['past'].pk}"
    # meeting with counts, attendance figures, ideas count, documents, ideas
    with django_assert_num_queries(5):
        client.get(detail)
