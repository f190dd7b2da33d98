"""The demo's deliberation on the Shkodër plan: loaded once, however often loaddemo runs."""

import io

import pytest
from django.core.management import call_command

from bashke.consultation.models import Comment, Flag, Statement, Support

pytestmark = pytest.mark.django_db


def test_the_demo_discussion_is_loaded_once():
    call_command("loaddemo", stdout=io.StringIO())
    counts = (Comment.objects.count(), Support.objects.count(), Statement.objects.count())
    call_command("loaddemo", stdout=io.StringIO())

    assert (Comment.objects.count(), Support.objects.count(),
            Statement.objects.count()) == counts
    assert counts[0] >= 3 and counts[1] >= 3 and counts[2] >= 3
    hidden = Comment.objects.get(hidden_at__isnull=False)
    assert hidden.hidden_reason and Flag.objects.get(comment=hidden).resolution == "hidden"
    reply = Comment.objects.get(parent__isnull=False)
    assert reply.idea == reply.parent.idea
    assert all(s.approved for s in Statement.objects.all())
    assert {s.plan.slug.split("-")[0] for s in Statement.objects.all()} == {"shkoder", "korce"}
