"""Demo meetings: for the Shkodër plan, one held a few days ago (attendance, minutes, an
agenda document and an idea raised), one coming up and open for registration, and one
online working meeting in the drafting stage; for Albania's 2020–2022 plan, the working
meeting on online services held in September 2020. ``load`` creates only what is missing."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from bashke.accounts.models import User
from bashke.consultation.forms.meetings import parse_attendance_lines
from bashke.consultation.models.meetings import Meeting, MeetingKind
from bashke.consultation.services import meetings as services
from bashke.core.links import absolute
from bashke.core.pdf import simple_pdf
from bashke.plans.models import ActionPlan, Component, Institution

COORDINATOR = "coordinator@bashke.example"

# name; organisation; sector; gender — as the attendance sheet was typed in.
SHKODER_ATTENDANCE = """\
Arta Kola; Forumi Qytetar Shkodër (demo); civil society; woman
Besnik Marku; Rrjeti Rinor i Shkodrës; civil society; man
Drita Gjoni; Rrjeti Rinor i Shkodrës; civil society; woman
Elona Prendi; ; citizen; woman
Gjergj Lleshi; Bashkia Shkodër; government; man
Ilir Dema; Bashkia Shkodër; government; man
Klea Shkreli; Universiteti i Shkodrës; academia; woman
Mark Gjeka; Dhoma e Tregtisë Shkodër; private sector; man
Noemi Vata; ; citizen; woman
Pjetër Gega; Shoqata e Personave me Aftësi të Kufizuara; civil society; man
Rita Hasani; ; citizen;
Tomor Berisha; Shoqata e Personave me Aftësi të Kufizuara; civil society; other
"""

ALBANIA_ATTENDANCE = """\
Alba Meta; Agjencia Kombëtare e Shoqërisë së Informacionit; government; woman
Genti Rama; Departamenti i Zhvillimit dhe Qeverisjes së Mirë; government; man
Ornela Shehu; Agjencia e Ofrimit të Shërbimeve Publike të Integruara; government; woman
Erion Hoxha; Open Data Albania; civil society; man
Blerina Koci; Qendra Res Publica; civil society; woman
Sokol Brahimi; Lëvizja Mjaft; civil society; man
Entela Duka; Universiteti i Tiranës; academia; woman
Ardit Gjika; Shoqata e Bizneseve Digjitale; private sector; man
Marsela Toska; UNDP Shqipëri; international; woman
"""

SHKODER_MINUTES_SQ = """\
Takimi u hap nga përfaqësuesi i Bashkisë, i cili prezantoi procesin e **Planit të Parë \
Vendor të Veprimit** dhe kalendarin e konsultimit.

Çështjet kryesore të ngritura nga pjesëmarrësit:

- buxheti publikohet vetëm si dokument PDF i gjatë dhe i pakuptueshëm;
- banorët e lagjeve periferike nuk e dinë se çfarë investimesh janë planifikuar;
- nevojitet informacion i aksesueshëm për personat me aftësi të kufizuara.

U ra dakord që idetë e ngritura të regjistrohen në platformë dhe të diskutohen në takimin \
e ardhshëm për buxhetimin me pjesëmarrje."""

SHKODER_MINUTES_EN = """\
The municipality's representative opened the meeting, presented the process of the \
**First Local Action Plan** and the consultation calendar.

Main issues raised by participants:

- the budget is published only as a long PDF that few can read;
- residents of outlying neighbourhoods do not know which investments are planned;
- information must be accessible to persons with disabilities.

It was agreed to record the ideas raised on the platform and to discuss them at the next \
meeting on participatory budgeting."""

ALBANIA_MINUTES_SQ = """\
Takim pune konsultativ me shoqërinë civile për konsolidimin e masave prioritare të \
komponentit *Shërbimet online / elektronike*. AKSHI prezantoi gjetjet e konsultimit online \
të korrik–gushtit. Pjesëmarrësit kërkuan tregues të matshëm për kënaqësinë e përdoruesve."""

ALBANIA_MINUTES_EN = """\
Consultative working meeting with civil society on consolidating the priority measures of \
the *Online / Electronic Services* component. AKSHI presented the findings of the July–August \
online consultation. Participants asked for measurable indicators of user satisfaction."""


def load(out):
    actor = User.objects.filter(email=COORDINATOR).first()
    if actor is None:
        return
    made = []
    shkoder = ActionPlan.objects.filter(slug__startswith="shkoder").order_by("number").first()
    if shkoder is not None:
        made += _shkoder(shkoder, actor)
    albania = ActionPlan.objects.filter(slug="albania-2020-2022").first()
    if albania is not None:
        made += _albania(albania, actor)
    if made:
        out.write("Demo meetings: " + ", ".join(absolute(m.get_absolute_url()) for m in made))


def _at(day: datetime.date, hour: int, minute: int = 0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _institution(acronym):
    return Institution.objects.filter(acronym=acronym).first()


def _meeting(plan, actor, *, component_slug, title_sq, **fields):
    """The meeting with this Albanian title, or a new published one."""
    existing = Meeting.objects.filter(plan=plan, title_sq=title_sq).first()
    if existing is not None:
        return existing, False
    component = Component.objects.filter(goal__plan=plan, slug=component_slug).first()
    meeting = services.create_meeting(plan, actor=actor, component=component,
                                      title_sq=title_sq, **fields)
    return services.publish_meeting(meeting, actor=actor), True


def _record_after(meeting, actor, *, attendance, minutes_sq, minutes_en, idea, document=None):
    rows, problems = parse_attendance_lines(attendance)
    assert not problems, problems  # the demo's own sheet must parse
    services.record_attendance(meeting, actor=actor, rows=rows)
    services.save_minutes(meeting, actor=actor, minutes_sq=minutes_sq, minutes_en=minutes_en)
    services.record_idea(meeting, actor=actor, answers=idea)
    if document is not None:
        title, name, content = document
        services.add_document(meeting, actor=actor, uploaded=ContentFile(content, name=name),
                              title=title)


def _shkoder(plan, actor):
    today = timezone.localdate()
    made = []
    municipality = _institution("BSH")
    past, created = _meeting(
        plan, actor, component_slug="open-budget", kind=MeetingKind.CONSULTATION,
        title_sq="Takim konsultues: buxheti i hapur i bashkisë",
        title_en="Consultation meeting: the municipality's open budget",
        description_sq="Takim i hapur me qytetarët dhe organizatat për idetë mbi "
                       "transparencën e buxhetit të Bashkisë Shkodër.",
        description_en="An open meeting with citizens and organisations on ideas for the "
                       "transparency of the Municipality of Shkodër's budget.",
        agenda_sq="1. Hyrje: Plani i Parë Vendor i Veprimit\n2. Si publikohet buxheti sot\n"
                  "3. Diskutim i hapur: idetë e pjesëmarrësve\n4. Hapat e ardhshëm",
        agenda_en="1. Introduction: the First Local Action Plan\n2. How the budget is "
                  "published today\n3. Open discussion: participants' ideas\n4. Next steps",
        starts_at=_at(today - datetime.timedelta(days=4), 17),
        ends_at=_at(today - datetime.timedelta(days=4), 19),
        place="Bashkia Shkodër, Sheshi 2 Prilli, salla e Këshillit Bashkiak",
        capacity=40, organiser=municipality)
    if created:
        _record_after(
            past, actor, attendance=SHKODER_ATTENDANCE, minutes_sq=SHKODER_MINUTES_SQ,
            minutes_en=SHKODER_MINUTES_EN,
            idea={"title": "Tabela informative për investimet në çdo lagje",
                  "language": "sq",
                  "overall_idea": "Në çdo lagje të vendoset një tabelë (dhe një faqe në "
                                  "internet) me investimet e planifikuara, koston dhe afatet.",
                  "problem": "Banorët e lagjeve periferike nuk dinë çfarë investimesh janë "
                             "planifikuar për ta.",
                  "submitter_name": "Noemi Vata"},
            document=("Rendi i ditës / Agenda", "rendi-i-dites.pdf",
                      simple_pdf(["Rendi i ditës - Agenda"])))
        made.append(past)
    upcoming, created = _meeting(
        plan, actor, component_slug="participatory-budgeting",
        kind=MeetingKind.CONSULTATION,
        title_sq="Buxhetimi me pjesëmarrje: cilat lagje, cilat projekte?",
        title_en="Participatory budgeting: which neighbourhoods, which projects?",
        description_sq="Takim për të përzgjedhur bashkë idetë për buxhetimin me pjesëmarrje.",
        description_en="A meeting to select together the ideas for participatory budgeting.",
        agenda_sq="1. Idetë e mbledhura deri tani\n2. Punë në grupe sipas njësive "
                  "administrative\n3. Përzgjedhja e prioriteteve",
        agenda_en="1. The ideas gathered so far\n2. Group work by administrative unit\n"
                  "3. Selecting the priorities",
        starts_at=_at(today + datetime.timedelta(days=10), 17),
        ends_at=_at(today + datetime.timedelta(days=10), 19, 30),
        place="Qendra Rinore, Rruga Kolë Idromeno, Shkodër",
        online_url="https://meet.example.org/shkoder-buxhetimi",
        capacity=30, organiser=municipality)
    if created:
        for email in ("citizen@bashke.example", "ngo@bashke.example"):
            person = User.objects.filter(email=email).first()
            if person is not None:
                services.register(upcoming, actor=person)
        made.append(upcoming)
    working, created = _meeting(
        plan, actor, component_slug="accessibility", kind=MeetingKind.WORKING,
        title_sq="Takim pune: angazhimet për aksesueshmërinë",
        title_en="Working meeting: the accessibility commitments",
        description_sq="Hartimi i angazhimeve me organizatat e personave me aftësi të "
                       "kufizuara.",
        description_en="Drafting the commitments with organisations of persons with "
                       "disabilities.",
        starts_at=_at(today + datetime.timedelta(days=40), 11),
        ends_at=_at(today + datetime.timedelta(days=40), 13),
        online_url="https://meet.example.org/shkoder-aksesueshmeria",
        organiser=municipality)
    if created:
        made.append(working)
    return made


def _albania(plan, actor):
    meeting, created = _meeting(
        plan, actor, component_slug="online-services", kind=MeetingKind.WORKING,
        title_sq="Takim pune me shoqërinë civile: masat prioritare për shërbimet online",
        title_en="Working meeting with civil society: priority measures for online services",
        description_sq="Takim pune konsultativ i koordinuar me shoqërinë civile për "
                       "konsolidimin e masave prioritare.",
        description_en="Coordinated consultative working meeting with civil society on "
                       "consolidating the priority measures.",
        agenda_sq="1. Gjetjet e konsultimit online\n2. Masat prioritare të propozuara\n"
                  "3. Treguesit dhe afatet",
        agenda_en="1. Findings of the online consultation\n2. Proposed priority measures\n"
                  "3. Indicators and deadlines",
        starts_at=_at(datetime.date(2020, 9, 15), 10),
        ends_at=_at(datetime.date(2020, 9, 15), 13),
        place="Agjencia Kombëtare e Shoqërisë së Informacionit, Rruga Papa Gjon Pali II, Tiranë",
        organiser=_institution("AKSHI"))
    if created:
        _record_after(
            meeting, actor, attendance=ALBANIA_ATTENDANCE, minutes_sq=ALBANIA_MINUTES_SQ,
            minutes_en=ALBANIA_MINUTES_EN,
            idea={"title": "Matja e kënaqësisë së përdoruesve të e-Albania",
                  "language": "sq",
                  "overall_idea": "Pas çdo shërbimi në e-Albania, përdoruesi të pyetet për "
                                  "kënaqësinë, dhe rezultatet të publikohen çdo tremujor.",
                  "problem": "Nuk ka të dhëna publike për cilësinë e shërbimeve online.",
                  "submitter_name": "Erion Hoxha"})
        return [meeting]
    return []
