"""Demo forums: the Shkodër and Korçë plans each have a multi-stakeholder forum, with
government and non-government members, a forum meeting (held, with its minutes) and the
forum's decisions. Albania's 2020–2022 plan has none — the independent review found that
Albania had no forum then — so its forum page shows the warning OGP's standard calls for.
``load`` creates only what is missing."""

import datetime

from django.utils import timezone

from bashke.accounts.models import Sector, User
from bashke.assessment.models import ForumDecision, ForumMember
from bashke.assessment.services import forum as services
from bashke.consultation.models.meetings import Meeting, MeetingKind
from bashke.consultation.services import meetings as meeting_services
from bashke.core.links import absolute
from bashke.plans.models import ActionPlan

COORDINATOR = "coordinator@bashke.example"
G, CS, AC, PS = Sector.GOVERNMENT, Sector.CIVIL_SOCIETY, Sector.ACADEMIA, Sector.PRIVATE_SECTOR

# (name, organisation or institution, sector)
MEMBERS = {
    "shkoder": [
        ("Gjergj Lleshi", "Bashkia Shkodër", G),
        ("Ilir Dema", "Bashkia Shkodër", G),
        ("Lule Marashi", "Këshilli Bashkiak Shkodër", G),
        ("Arta Kola", "Forumi Qytetar Shkodër (demo)", CS),
        ("Pjetër Gega", "Shoqata e Personave me Aftësi të Kufizuara", CS),
        ("Klea Shkreli", "Universiteti i Shkodrës", AC),
        ("Mark Gjeka", "Dhoma e Tregtisë Shkodër", PS),
    ],
    "korce": [
        ("Ermira Kote", "Bashkia Korçë", G),
        ("Dritan Papa", "Bashkia Korçë", G),
        ("Mimoza Dule", "Qendra Rinore Korçë (demo)", CS),
        ("Andi Koçi", "Shoqata e Biznesit Korçë", PS),
        ("Elsa Kristo", "Universiteti Fan S. Noli", AC),
    ],
}
# (slug prefix, Albanian title, English title, Albanian text, English text, kind)
DECISIONS = {
    "shkoder": [
        ("Rregullorja e forumit", "The forum's rules of procedure",
         "Forumi miratoi rregulloren e tij: mblidhet çdo muaj gjatë bashkëkrijimit, vendimet "
         "merren me shumicë, dhe procesverbalet publikohen brenda një jave.",
         "The forum adopted its rules of procedure: it meets monthly during co-creation, "
         "decides by majority, and publishes its minutes within a week.",
         ForumDecision.Kind.GENERAL),
        ("Vlerësuesit e ideve", "The assessors of the ideas",
         "Forumi caktoi katër anëtarë, dy nga bashkia dhe dy nga shoqëria civile, për të "
         "vlerësuar idetë sipas kritereve.",
         "The forum named four members, two from the municipality and two from civil "
         "society, to assess the ideas against the criteria.", ForumDecision.Kind.GENERAL),
    ],
    "korce": [
        ("Kalendari i bashkëkrijimit", "The co-creation calendar",
         "Forumi miratoi kalendarin e takimeve konsultuese dhe të votimit të pohimeve.",
         "The forum approved the calendar of consultation meetings and of the vote on the "
         "priority statements.", ForumDecision.Kind.GENERAL),
    ],
}
MINUTES = {
    "sq": "Forumi shqyrtoi idetë e mbledhura deri tani dhe miratoi rregulloren e tij. "
          "Anëtarët e shoqërisë civile kërkuan që çdo ide të marrë një përgjigje të "
          "arsyetuar brenda afatit të hartimit.",
    "en": "The forum reviewed the ideas gathered so far and adopted its rules of procedure. "
          "The civil society members asked that every idea receive a reasoned response "
          "before drafting ends.",
}


def _at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _meeting(plan, actor, prefix):
    title_sq = "Mbledhja e forumit shumë-palësh"
    meeting = Meeting.objects.filter(plan=plan, kind=MeetingKind.FORUM, title_sq=title_sq).first()
    if meeting is not None:
        return meeting
    day = timezone.localdate() - datetime.timedelta(days=6)
    meeting = meeting_services.create_meeting(
        plan, actor=actor, component=None, kind=MeetingKind.FORUM, title_sq=title_sq,
        title_en="Meeting of the multi-stakeholder forum",
        description_sq="Mbledhje e rregullt e forumit: idetë, kriteret dhe kalendari.",
        description_en="A regular meeting of the forum: the ideas, the criteria and the "
                       "calendar.",
        starts_at=_at(day, 10), ends_at=_at(day, 12),
        place="Bashkia Shkodër, salla e mbledhjeve" if prefix == "shkoder"
        else "Bashkia Korçë, salla e mbledhjeve")
    meeting = meeting_services.publish_meeting(meeting, actor=actor)
    meeting_services.save_minutes(meeting, actor=actor, minutes_sq=MINUTES["sq"],
                                  minutes_en=MINUTES["en"])
    return meeting


def _forum(plan, actor, prefix):
    made = 0
    joined = plan.start if plan.start <= timezone.localdate() else timezone.localdate()
    for name, organisation, sector in MEMBERS[prefix]:
        if not ForumMember.objects.filter(plan=plan, name=name).exists():
            services.add_member(plan, actor=None, name=name, organisation_name=organisation,
                                sector=sector, joined_on=joined)
            made += 1
    meeting = _meeting(plan, actor, prefix)
    for title_sq, title_en, text_sq, text_en, kind in DECISIONS[prefix]:
        if not ForumDecision.objects.filter(plan=plan, title_sq=title_sq).exists():
            services.record_decision(plan, actor=None, meeting=meeting, kind=kind,
                                     decided_on=timezone.localdate(meeting.starts_at),
                                     title_sq=title_sq, title_en=title_en, text_sq=text_sq,
                                     text_en=text_en)
            made += 1
    return made


def load(out):
    actor = User.objects.filter(email=COORDINATOR).first()
    if actor is None:
        return
    made = []
    for prefix in MEMBERS:
        plan = ActionPlan.objects.filter(slug__startswith=prefix).order_by("number").first()
        if plan is not None and _forum(plan, actor, prefix):
            made.append(plan)
    if made:
        out.write("Demo forums: " + ", ".join(absolute(f"/sq/plans/{plan.slug}/forum/")
                                              for plan in made))
