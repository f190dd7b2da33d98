"""The one scene the permission matrix is walked in, built once per test module through the
services (as the rest of the suite does), so that every URL keyword has an object to name.

The plan in question ("the plan") is in co-creation today: its online consultation and its
prioritisation (voting) are open. Everything the rows act on belongs to its first component
("component A") unless it is plan-wide. Each persona holds the role its name says:

- ``author`` wrote the idea, the comments and the proposed statement, uploaded the pending
  Word form and is registered for the upcoming meeting;
- ``other_component_leader`` leads component B of the same plan;
- ``other_plan_coordinator`` and ``other_plan_moderator`` hold their roles on the
  Municipality of Shkodër's plan, not on this one;
- ``coordinator`` and ``other_plan_coordinator`` are staff too, as coordinators are to open
  the admin: staff status must add nothing to what their role gives;
- ``staff`` is staff and holds no role; ``superuser`` holds every permission.
"""

import datetime
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from meetings_helpers import held, schedule
from surveys_helpers import full_answers, make_survey
from wordform_helpers import blank_form, fill_completely, upload

from bashke.accounts.models import Organisation, Sector, User
from bashke.api import services as api_services
from bashke.consultation.models import BriefKind, Channel, ExampleTheme, SurveyStatus
from bashke.consultation.services import briefs as brief_services
from bashke.consultation.services import deliberation
from bashke.consultation.services import ideas as idea_services
from bashke.consultation.services import meetings as meeting_services
from bashke.consultation.services import statements as statement_services
from bashke.consultation.services import surveys as survey_services
from bashke.consultation.services import wordform as wordform_services
from bashke.core.pdf import simple_pdf
from bashke.plans import services as plan_services
from bashke.plans.cycle import today
from bashke.plans.models import Institution, Jurisdiction, Role, StageKind

import scenes
from . import scene_assessment, scene_decisions, scene_drafting, scene_exports, scene_versions
from personas import PASSWORD, make_user
from scenes import local_plan

PERSONAS = ("anonymous", "citizen", "cso_member", "author", "assessor",
            "other_component_leader", "other_plan_coordinator", "other_plan_moderator",
            "staff", "coordinator", "superuser")


@dataclass
class Scene:
    users: dict = field(default_factory=dict)
    clients: dict = field(default_factory=dict)
    tokens: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.__dict__["objects"][name]
        except KeyError:
            raise AttributeError(name) from None


def _plan(day):
    jurisdiction = plan_services.create_jurisdiction(
        actor=None, slug="albania", name_sq="Shqipëria", name_en="Albania",
        kind=Jurisdiction.Kind.NATIONAL, country_code="AL", ogp_member_since=2011)
    ministry = plan_services.create_institution(
        actor=None, name_sq="Ministria e Drejtësisë", name_en="Ministry of Justice",
        acronym="MD", kind=Institution.Kind.MINISTRY)
    agency = plan_services.create_institution(
        actor=None, name_sq="Agjencia Kombëtare e Shoqërisë së Informacionit",
        name_en="National Agency for Information Society", acronym="AKSHI",
        kind=Institution.Kind.AGENCY)
    plan = scenes.open_plan(jurisdiction, ministry, agency)
    component = plan.goals.get(number=1).components.get()
    other_component = plan.goals.get(number=2).components.get()
    plan_services.add_stage(plan, actor=None, kind=StageKind.PRIORITISATION,
                            start=day - datetime.timedelta(days=1),
                            end=day + datetime.timedelta(days=10))
    return plan, component, other_component, agency


def _people(plan, other_plan, other_component):
    cso = Organisation.objects.create(name="Qendra për Shoqëri të Hapur",
                                      sector=Sector.CIVIL_SOCIETY)
    users = {
        "citizen": make_user("citizen@example.org", "Citizen"),
        "cso_member": make_user("ngo@example.org", "NGO Member", sector=Sector.CIVIL_SOCIETY,
                                organisation=cso),
        "author": make_user("author@example.org", "Author"),
        "assessor": make_user("assessor@example.org", "Assessor",
                              sector=Sector.CIVIL_SOCIETY),
        "other_component_leader": make_user("other-leader@example.org", "Other Leader",
                                            sector=Sector.GOVERNMENT),
        "other_plan_coordinator": make_user("other-coord@example.org", "Other Coordinator",
                                            sector=Sector.GOVERNMENT, is_staff=True),
        "other_plan_moderator": make_user("other-mod@example.org", "Other Moderator",
                                          sector=Sector.CIVIL_SOCIETY),
        "staff": make_user("staff@example.org", "Staff", is_staff=True),
        "coordinator": make_user("coordinator@example.org", "Coordinator",
                                 sector=Sector.GOVERNMENT, is_staff=True),
        "superuser": User.objects.create_superuser(email="root@example.org",
                                                   password=PASSWORD,
                                                   display_name="Superuser"),
    }
    if hasattr(users["citizen"], "pending_email"):
        # A change of address waiting for its link (accounts:confirm_email_change).
        User.objects.filter(pk=users["citizen"].pk).update(pending_email="new@example.org")
        users["citizen"].refresh_from_db()
    assign = plan_services.assign_role
    assign(plan, users["assessor"], Role.ASSESSOR, actor=None)
    assign(plan, users["other_component_leader"], Role.COMPONENT_LEADER, actor=None,
           component=other_component)
    assign(plan, users["coordinator"], Role.COORDINATOR, actor=None)
    assign(other_plan, users["other_plan_coordinator"], Role.COORDINATOR, actor=None)
    assign(other_plan, users["other_plan_moderator"], Role.MODERATOR, actor=None)
    return users, cso


def _deliberation(plan, component, users):
    author, coordinator, cso_member = users["author"], users["coordinator"], users["cso_member"]

    def submit(title):
        return idea_services.submit_idea(plan, actor=author, channel=Channel.ONLINE, answers={
            "title": title, "overall_idea": "Open the budget data.", "component": component,
            "language": "en"})

    idea = submit("Open budget data")
    hidden_idea = submit("An idea the moderators hid")
    deliberation.hide(hidden_idea, actor=coordinator, reason="Off topic.")
    comment = deliberation.add_comment(idea, actor=author, body="Please do.", language="en")
    hidden_comment = deliberation.add_comment(idea, actor=author, body="Rude words.",
                                              language="en")
    deliberation.hide(hidden_comment, actor=coordinator, reason="Insulting.")
    deliberation.flag(idea, actor=cso_member, reason="spam")
    deliberation.flag(comment, actor=cso_member, reason="abuse")
    statement = statement_services.add_statement(
        plan, actor=coordinator, text="The budget should be open data.", language="en",
        idea=idea)
    proposed = statement_services.add_statement(
        plan, actor=author, text="Publish every contract.", language="en")
    pending, _refused = wordform_services.stage_uploads(
        plan, [upload(fill_completely(blank_form(plan)))], actor=author)
    return {"idea": idea, "hidden_idea": hidden_idea, "comment": comment,
            "hidden_comment": hidden_comment, "statement": statement,
            "proposed_statement": proposed, "pending": pending[0]}


def _meetings(plan, component, users):
    coordinator = users["coordinator"]
    upcoming = schedule(plan, coordinator, component=component)
    past = held(plan, coordinator, component=component, title_en="Held meeting")
    draft = schedule(plan, coordinator, publish=False, component=component,
                     title_en="Draft meeting")
    meeting_services.register(upcoming, actor=users["author"])
    document = meeting_services.add_document(
        past, actor=coordinator, title="Agenda",
        uploaded=SimpleUploadedFile("agenda.pdf", simple_pdf(["Agenda"])))
    attendance = meeting_services.record_attendance(
        past, actor=coordinator, rows=[{"name": "Arta Hoxha", "sector": Sector.CITIZEN}])[0]
    return {"meeting": upcoming, "held_meeting": past, "draft_meeting": draft,
            "meeting_document": document, "attendance": attendance}


def _briefs(plan, component, coordinator):
    create = brief_services.create_brief
    brief = create(plan, actor=coordinator, component=component, kind=BriefKind.BACKGROUND,
                   title_sq="Sfondi", title_en="Background", body_en="What we know.",
                   published=True)
    draft = create(plan, actor=coordinator, component=component, kind=BriefKind.CRITERIA,
                   title_sq="Kriteret", title_en="Criteria (draft)", body_en="Not yet.",
                   published=False)
    package = create(plan, actor=coordinator, kind=BriefKind.METHODOLOGY,
                     title_sq="Paketa", title_en="Methodological package",
                     body_en="How to run it.", published=True)
    document = brief_services.add_document(
        brief, actor=coordinator, title_en="Background paper",
        uploaded=SimpleUploadedFile("background.pdf", simple_pdf(["Background"])))
    example = brief_services.create_example(
        actor=None, slug="madrid-decide", country_code="ES", country_sq="Spanja",
        country_en="Spain", period="2015–2019", start_year=2015, end_year=2019,
        title_sq="Decide Madrid", title_en="Decide Madrid", summary_sq="Përmbledhje",
        summary_en="Summary", theme=ExampleTheme.DIGITAL, source_url="https://decide.madrid.es/")
    return {"brief": brief, "draft_brief": draft, "package": package,
            "brief_document": document, "example": example}


def _surveys(plan, component, respondent):
    survey = make_survey(plan, component=component)
    survey_services.submit_response(survey, actor=respondent,
                                    answers=full_answers(survey, short="Because"))
    draft = make_survey(plan, component=component, status=SurveyStatus.DRAFT)
    text_question = survey.questions.get(kind="short_text")
    return {"survey": survey, "draft_survey": draft, "text_question": text_question,
            "draft_question": draft.questions.get(kind="single")}


def build():
    """The scene: plans, people (with a logged-in client and an API token each) and every
    object the rows name."""
    day = today()
    plan, component, other_component, agency = _plan(day)
    other_plan = local_plan(slug="shkoder-local")
    users, cso = _people(plan, other_plan, other_component)
    scene = Scene(users={"anonymous": None, **users})
    scene.objects.update(plan=plan, component=component, other_component=other_component,
                         other_plan=other_plan, organisation=cso, agency=agency)
    scene.objects.update(_deliberation(plan, component, users))
    scene.objects.update(_meetings(plan, component, users))
    scene.objects.update(_briefs(plan, component, users["coordinator"]))
    respondent = make_user("respondent@example.org", "Respondent")
    scene.objects.update(_surveys(plan, component, respondent))
    for area in (scene_assessment, scene_decisions, scene_drafting, scene_versions,
                 scene_exports):
        scene.objects.update(area.build(scene))
    for name in PERSONAS:
        client = Client()
        user = scene.users[name]
        if user is not None:
            client.force_login(user)
            token, plain = api_services.create_token(user, actor=None, name="matrix")
            api_services.mark_used(token)
            scene.tokens[name] = plain
        scene.clients[name] = client
    return scene
