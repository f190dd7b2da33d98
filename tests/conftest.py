"""Personas (as healthchecks' Alice/Bob/Charlie), reused by every test.

``plan`` is a small plan cycle built through the services, with one goal and two
components; each persona holds the role that its name says in that plan.
"""

import datetime

import pytest
from django.test import Client

from bashke.accounts.models import Organisation, Sector, User
from bashke.plans import services
from bashke.plans.models import Institution, Jurisdiction, Role, StageKind

from personas import PASSWORD, make_user


@pytest.fixture
def staff(db):
    return User.objects.create_superuser(email="staff@example.org", password=PASSWORD,
                                         display_name="Staff")


@pytest.fixture
def jurisdiction(db):
    return services.create_jurisdiction(actor=None, slug="albania", name_sq="Shqipëria",
                                        name_en="Albania", kind=Jurisdiction.Kind.NATIONAL,
                                        country_code="AL", ogp_member_since=2011)


@pytest.fixture
def ministry(db):
    return services.create_institution(actor=None, name_sq="Ministria e Drejtësisë",
                                       name_en="Ministry of Justice", acronym="MD",
                                       kind=Institution.Kind.MINISTRY)


@pytest.fixture
def agency(db):
    return services.create_institution(
        actor=None, name_sq="Agjencia Kombëtare e Shoqërisë së Informacionit",
        name_en="National Agency for Information Society", acronym="AKSHI",
        kind=Institution.Kind.AGENCY)


@pytest.fixture
def previous_plan(jurisdiction):
    return services.create_plan(
        actor=None, jurisdiction=jurisdiction, number=4, slug="albania-2018-2020",
        title_sq="Plani i Veprimit 2018–2020", title_en="Action Plan 2018–2020",
        start=datetime.date(2018, 7, 1), end=datetime.date(2020, 6, 30), status="completed")


@pytest.fixture
def plan(jurisdiction, previous_plan, ministry, agency):
    plan = services.create_plan(
        actor=None, jurisdiction=jurisdiction, number=5, slug="albania-2020-2022",
        title_sq="Plani i Veprimit 2020–2022", title_en="Action Plan 2020–2022",
        start=datetime.date(2020, 7, 1), end=datetime.date(2022, 6, 30),
        previous=previous_plan, status="implementing")
    goal = services.add_goal(plan, actor=None, number=1, title_sq="Aksesi në drejtësi",
                             title_en="Access to Justice")
    services.add_component(goal, actor=None, slug="accessibility", position=1,
                           title_sq="Aksesueshmëria në drejtësi",
                           title_en="Accessibility to Justice", leaders=[ministry])
    services.add_component(goal, actor=None, slug="transparency", position=2,
                           title_sq="Transparenca dhe llogaridhënia",
                           title_en="Transparency & Accountability", leaders=[ministry],
                           secretariat=[agency])
    services.add_stage(plan, actor=None, kind=StageKind.ONLINE_CONSULTATION,
                       start=datetime.date(2020, 1, 1), end=datetime.date(2020, 2, 28))
    services.add_stage(plan, actor=None, kind=StageKind.APPROVAL,
                       start=datetime.date(2020, 5, 1), end=datetime.date(2020, 6, 15))
    services.add_stage(plan, actor=None, kind=StageKind.IMPLEMENTATION,
                       start=datetime.date(2020, 7, 1), end=datetime.date(2022, 6, 30))
    return plan


@pytest.fixture
def component(plan):
    return plan.goals.get(number=1).components.get(slug="accessibility")


@pytest.fixture
def cso(db):
    return Organisation.objects.create(name="Qendra për Shoqëri të Hapur",
                                       sector=Sector.CIVIL_SOCIETY)


@pytest.fixture
def coordinator(plan):
    user = make_user("coordinator@example.org", "Coordinator", sector=Sector.GOVERNMENT)
    services.assign_role(plan, user, Role.COORDINATOR, actor=None)
    return user


@pytest.fixture
def component_leader(plan, component):
    user = make_user("leader@example.org", "Component Leader", sector=Sector.GOVERNMENT)
    services.assign_role(plan, user, Role.COMPONENT_LEADER, actor=None, component=component)
    return user


@pytest.fixture
def secretariat_member(plan, component):
    user = make_user("secretariat@example.org", "Secretariat", sector=Sector.GOVERNMENT)
    services.assign_role(plan, user, Role.SECRETARIAT, actor=None, component=component)
    return user


@pytest.fixture
def assessor(plan):
    user = make_user("assessor@example.org", "Assessor", sector=Sector.CIVIL_SOCIETY)
    services.assign_role(plan, user, Role.ASSESSOR, actor=None)
    return user


@pytest.fixture
def reviewer(plan):
    user = make_user("reviewer@example.org", "Reviewer", sector=Sector.ACADEMIA)
    services.assign_role(plan, user, Role.REVIEWER, actor=None)
    return user


@pytest.fixture
def moderator(plan):
    user = make_user("moderator@example.org", "Moderator", sector=Sector.CIVIL_SOCIETY)
    services.assign_role(plan, user, Role.MODERATOR, actor=None)
    return user


@pytest.fixture
def staff_without_role(db):
    """Opens the admin (``is_staff``) but holds no role anywhere: that grants nothing."""
    return make_user("staff-only@example.org", "Staff Without Role", is_staff=True)


@pytest.fixture
def other_plan_coordinator(previous_plan):
    """Coordinates another plan of the jurisdiction (and opens the admin): nothing here."""
    user = make_user("elsewhere@example.org", "Coordinator Elsewhere",
                     sector=Sector.GOVERNMENT, is_staff=True)
    services.assign_role(previous_plan, user, Role.COORDINATOR, actor=None)
    return user


@pytest.fixture
def cso_member(cso):
    return make_user("ngo@example.org", "NGO Member", sector=Sector.CIVIL_SOCIETY,
                     organisation=cso)


@pytest.fixture
def citizen(db):
    return make_user("citizen@example.org", "Citizen")


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


@pytest.fixture
def client_for():
    """``client_for(user)``: a test client logged in as that person."""

    def build(user):
        client = Client()
        client.force_login(user)
        return client

    return build


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Real hashing costs ~0.3 s a user; tests of passwords themselves still use the checks.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    """Background work runs inline in tests, so its effects can be asserted at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
                                  "QUEUES": ["default"]}}


@pytest.fixture(autouse=True)
def english_messages():
    """Messages raised outside a request are read in English unless a test says otherwise."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def media_in_a_temporary_folder(settings, tmp_path):
    """Uploads and demo documents written by tests never land in the real var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
