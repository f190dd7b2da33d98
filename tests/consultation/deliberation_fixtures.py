"""Fixtures for the deliberation tests (imported by tests/consultation/test_deliberation_*):
the personas holding their roles in the open plan, an idea to discuss, and a plan whose
prioritisation stage (voting on statements) is open today."""

import datetime

import pytest

from bashke.accounts.models import Sector
from bashke.consultation.services import statements as statement_services
from bashke.plans import services as plan_services
from bashke.plans.cycle import today
from bashke.plans.models import Role, StageKind

from personas import make_user


def _with_role(plan, email, name, role, component=None, **extra):
    user = make_user(email, name, **extra)
    plan_services.assign_role(plan, user, role, actor=None, component=component)
    return user


@pytest.fixture
def open_moderator(open_plan):
    return _with_role(open_plan, "mod-open@example.org", "Moderatorja", Role.MODERATOR,
                      sector=Sector.CIVIL_SOCIETY)


@pytest.fixture
def open_coordinator(open_plan):
    return _with_role(open_plan, "coord-open@example.org", "Koordinatorja", Role.COORDINATOR,
                      sector=Sector.GOVERNMENT)


@pytest.fixture
def open_secretariat(open_plan, open_component):
    return _with_role(open_plan, "sec-open@example.org", "Sekretariati", Role.SECRETARIAT,
                      component=open_component, sector=Sector.GOVERNMENT)


@pytest.fixture
def idea(make_idea, cso_member):
    return make_idea(cso_member, title="Open budget data", language="en")


@pytest.fixture
def voting_plan(open_plan):
    """The open plan with its prioritisation stage under way."""
    day = today()
    plan_services.add_stage(open_plan, actor=None, kind=StageKind.PRIORITISATION,
                            start=day - datetime.timedelta(days=1),
                            end=day + datetime.timedelta(days=10))
    return open_plan


@pytest.fixture
def statement(voting_plan, open_coordinator, idea):
    return statement_services.add_statement(voting_plan, actor=open_coordinator,
                                  text="The budget should be published as open data.",
                                  language="en", idea=idea)


def fresh(instance):
    return type(instance).objects.get(pk=instance.pk)
