"""A published idea's draft never comes back (issue 7, defect 1): a draft save that a
browser sends after the idea went out — on leaving the last field, or as the page is left —
is refused, and the next "Put forward an idea" starts empty."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from bashke.consultation.models import IdeaDraft
from bashke.consultation.services import ideas as services


def form_started(page):
    return re.search(r'name="draft_started" value="([^"]+)"', page).group(1)


def test_a_save_sent_after_publishing_is_refused_and_the_next_form_is_empty(
        client_for, citizen, open_plan, open_component):
    client = client_for(citizen)
    url = f"/en/plans/{open_plan.slug}/ideas/new/"
    started = form_started(client.get(url).content.decode())
    typed = {"title": "Open the budget", "overall_idea": "Publish it all.",
             "component": open_component.pk, "language": "en", "on_behalf": "person",
             "draft_started": started}
    assert client.post(url + "draft/", typed).status_code == 200
    published = client.post(url, typed)
    assert published.status_code == 302
    # The browser's last save, fired by leaving the page after publishing.
    late = client.post(url + "draft/", typed)
    assert late.status_code == 409 and "already published" in late.json()["detail"]
    assert not IdeaDraft.objects.exists()
    page = client.get(url).content.decode()
    assert "Open the budget" not in page and "is restored below" not in page


def test_a_new_form_after_publishing_keeps_its_drafts(client_for, citizen, open_plan,
                                                      make_idea):
    make_idea(citizen)
    client = client_for(citizen)
    url = f"/en/plans/{open_plan.slug}/ideas/new/"
    started = form_started(client.get(url).content.decode())
    saved = client.post(url + "draft/", {"title": "The second idea", "draft_started": started})
    assert saved.status_code == 200
    # The time as the site writes it: 24-hour clock, no AM/PM.
    assert re.fullmatch(r"[0-2]\d:[0-5]\d", saved.json()["saved_at_text"])
    assert IdeaDraft.objects.get().data == {"title": "The second idea"}


def test_the_service_refuses_a_draft_older_than_the_publication(citizen, open_plan, make_idea):
    started = timezone.now()
    make_idea(citizen)
    with pytest.raises(ValidationError) as refused:
        services.save_draft(open_plan, actor=citizen, data={"title": "late"}, started=started)
    assert refused.value.code == "published"
    assert not IdeaDraft.objects.exists()


@pytest.mark.parametrize("started", ["", "yesterday", "2026-13-45T99:00:00"])
def test_a_malformed_start_is_taken_as_unknown(client_for, citizen, open_plan, started):
    client = client_for(citizen)
    response = client.post(f"/en/plans/{open_plan.slug}/ideas/new/draft/",
                           {"title": "kept", "draft_started": started})
    assert response.status_code == 200
    assert IdeaDraft.objects.get().data == {"title": "kept"}
