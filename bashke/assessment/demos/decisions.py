"""Demo decisions with reasoned responses: on the Korçë plan and on Albania's 2020–2022 plan,
an idea merged into another, one deferred to a later plan and one not included — each with
the reasons published on its page. A few of the ideas they answer are added here (recorded
from e-mail and meetings, as the consultation demo records its own). "Included" decisions
are taken by the drafting demo, which puts ideas into measures and activities.
``load`` creates only what is missing."""

from bashke.accounts.models import User
from bashke.assessment.models import Decision, DecisionKind
from bashke.assessment.services.decisions import decide
from bashke.consultation.models import Channel, Idea
from bashke.consultation.services import ideas as idea_services
from bashke.core import audit
from bashke.core.links import absolute
from bashke.plans.cycle import today
from bashke.plans.models import ActionPlan, Component, StageKind

COORDINATOR = "coordinator@bashke.example"

# (slug prefix, component slug, title, overall idea, language)
EXTRA_IDEAS = [
    ("korce", "open-data", "Harta e kontejnerëve të mbeturinave në internet",
     "Një hartë online me vendndodhjen e çdo kontejneri dhe ditët kur zbrazet.", "sq"),
    ("korce", "open-data", "Wi-Fi falas në sheshet e qytetit",
     "Bashkia të vendosë Wi-Fi falas në të gjitha sheshet e qytetit.", "sq"),
    ("albania-2020-2022", "public-services",
     "Vlerësimi me SMS i shërbimit në sportelet e ADISA",
     "Pas çdo shërbimi në sportel, qytetari merr një SMS për ta vlerësuar nga 1 në 5.", "sq"),
    ("albania-2020-2022", "accessibility-to-justice",
     "Publikimi i vendimeve të gjykatave të apelit brenda 30 ditëve",
     "Çdo vendim i gjykatave të apelit të publikohet online, i anonimizuar, brenda 30 "
     "ditëve nga shpallja.", "sq"),
    ("albania-2020-2022", "online-services", "Një aplikacion celular për çdo ministri",
     "Secila ministri të ketë aplikacionin e vet celular për shërbimet që ofron.", "sq"),
]

# (slug prefix, idea title, kind, merged into (title) or None, response sq, response en)
DECISIONS = [
    ("korce", "Harta e kontejnerëve të mbeturinave në internet", DecisionKind.MERGED,
     "Open data on waste collection",
     "Ideja u bashkua me atë për të dhënat e hapura mbi grumbullimin e mbeturinave: "
     "vendndodhja e kontejnerëve do të publikohet bashkë me oraret, në të njëjtin grup "
     "të dhënash.",
     "Merged with the idea on open data about waste collection: the containers' locations "
     "will be published with the schedules, in the same data set."),
    ("korce", "Dëgjesa publike para çdo vendimi për taksat vendore", DecisionKind.DEFERRED,
     None,
     "Ligji për taksat vendore po rishikohet këtë vit dhe do të përcaktojë procedurën e "
     "dëgjesave. Ideja do të merret në shqyrtim në planin e ardhshëm, pasi të miratohet "
     "ligji.",
     "The law on local taxes is being revised this year and will set the procedure for "
     "hearings. The idea will be taken up in the next plan, once the law is adopted."),
    ("korce", "Wi-Fi falas në sheshet e qytetit", DecisionKind.NOT_INCLUDED, None,
     "Ideja është e vlefshme, por është një investim në infrastrukturë dhe jo një angazhim "
     "për qeverisje të hapur. Ia kemi përcjellë drejtorisë së investimeve të bashkisë.",
     "A worthwhile idea, but an investment in infrastructure rather than an open-government "
     "commitment. We have passed it on to the municipality's investment department."),
    ("albania-2020-2022", "Vlerësimi me SMS i shërbimit në sportelet e ADISA",
     DecisionKind.MERGED, "Portal për vlerësimin e shërbimeve publike nga qytetarët",
     "U bashkua me idenë e portalit për vlerësimin e shërbimeve: vlerësimi me SMS do të "
     "jetë një nga kanalet e portalit.",
     "Merged with the idea of a portal for rating public services: rating by SMS will be "
     "one of the portal's channels."),
    ("albania-2020-2022", "Publikimi i vendimeve të gjykatave të apelit brenda 30 ditëve",
     DecisionKind.DEFERRED, None,
     "Gjykatat e apelit po riorganizohen nga reforma e hartës gjyqësore. Ideja shtyhet për "
     "planin e veprimit 2023–2025, kur sistemi i ri i menaxhimit të çështjeve të jetë në "
     "punë.",
     "The courts of appeal are being reorganised by the judicial map reform. The idea is "
     "deferred to the 2023–2025 action plan, when the new case management system is running."),
    ("albania-2020-2022", "Një aplikacion celular për çdo ministri", DecisionKind.NOT_INCLUDED,
     None,
     "Shërbimet publike ofrohen në një portal të vetëm, e-Albania, edhe në celular; "
     "aplikacione të veçanta për çdo ministri do t'i ndanin ato dhe do të kushtonin më shumë.",
     "Public services are offered through one portal, e-Albania, on mobile phones too; an "
     "application per ministry would split them up and cost more."),
]


def _plan(prefix):
    return ActionPlan.objects.filter(slug__startswith=prefix).order_by("number").first()


def _add_ideas(coordinator):
    for prefix, component_slug, title, overall, language in EXTRA_IDEAS:
        plan = _plan(prefix)
        if plan is None or Idea.objects.filter(plan=plan, title=title).exists():
            continue
        component = Component.objects.filter(goal__plan=plan, slug=component_slug).first()
        idea_services.submit_idea(
            plan, actor=coordinator, channel=Channel.EMAIL, recorded=True,
            answers={"title": title, "language": language, "component": component,
                     "overall_idea": overall, "submitter_name": "Demo",
                     "improves_participation": True})


def _drafting_days_of_past_plans():
    """Each ended plan's day for these entries: its drafting stage (when its ideas were
    answered), so that its history does not say it all happened on the day of the demo."""
    days = {}
    for plan in ActionPlan.objects.filter(end__lt=today()).prefetch_related("stages"):
        stages = sorted(plan.stages.all(), key=lambda stage: stage.start)
        drafting = next((s for s in stages if s.kind == StageKind.DRAFTING),
                        stages[0] if stages else None)
        days[plan.audit_scope] = drafting.start if drafting else plan.start
    return days


def load(out):
    coordinator = User.objects.filter(email=COORDINATOR).first()
    if coordinator is None:
        return
    with audit.dated(scopes=_drafting_days_of_past_plans()):
        _load(out, coordinator)


def _load(out, coordinator):
    _add_ideas(coordinator)
    made = 0
    plans = set()
    for prefix, title, kind, merged_title, response_sq, response_en in DECISIONS:
        plan = _plan(prefix)
        idea = Idea.objects.filter(plan=plan, title=title).first() if plan else None
        if idea is None or Decision.objects.filter(idea=idea).exists():
            continue
        merged_into = (Idea.objects.filter(plan=plan, title=merged_title).first()
                       if merged_title else None)
        if kind == DecisionKind.MERGED and merged_into is None:
            continue
        # The system decides (actor None): the 2020–2022 plan is long approved, and a
        # demo loaded any day must still show its answers.
        decide(idea, actor=None, kind=kind, response_sq=response_sq, response_en=response_en,
               merged_into=merged_into)
        made += 1
        plans.add(plan.slug)
    if made:
        out.write(f"Demo decisions: {made} reasoned responses, on "
                  + ", ".join(absolute(f"/sq/plans/{slug}/action-plan/co-creation-report/")
                              for slug in sorted(plans)))
