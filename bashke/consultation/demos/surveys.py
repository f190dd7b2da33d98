"""Demo surveys: one open today on the Shkodër plan, with every kind of question and a few
hundred generated responses so that its results have charts; and the closed one of
Albania's 2020–2022 online consultation, in which people ranked the priority measures.

``generate_responses`` writes made-up responses in bulk (also for the benchmark and the
tests): they are nobody's answers, so they go around the answering service and its audit
entries.
"""

import datetime
import random

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from bashke.consultation.models import (
    QuestionKind,
    ResultsVisibility,
    Survey,
    SurveyAnswer,
    SurveyResponse,
    SurveyStatus,
)
from bashke.consultation.services import surveys as services
from bashke.core.links import absolute
from bashke.plans.models import ActionPlan

ACTOR = None  # the system

BUDGET_SURVEY = {
    "title_sq": "Cilat janë prioritetet tuaja për buxhetin e bashkisë?",
    "title_en": "What are your priorities for the municipality's budget?",
    "intro_sq": "Bashkia Shkodër pyet qytetarët se ku duhet të shkojnë paratë e vitit të "
                "ardhshëm dhe si duan të informohen. Pyetësori zgjat rreth pesë minuta; "
                "përgjigjet publikohen vetëm të përmbledhura.",
    "intro_en": "The Municipality of Shkodër asks its residents where next year's money "
                "should go and how they want to be kept informed. It takes about five "
                "minutes; answers are published only in aggregate.",
}
# (kind, Albanian, English, required, options [(sq, en)], extra fields)
BUDGET_QUESTIONS = [
    (QuestionKind.SINGLE, "Sa shpesh e ndiqni informacionin për buxhetin e bashkisë?",
     "How often do you follow news about the municipality's budget?", True,
     [("Asnjëherë", "Never"), ("Një herë në vit", "Once a year"),
      ("Disa herë në vit", "A few times a year"), ("Çdo muaj", "Every month")], {}),
    (QuestionKind.MULTIPLE, "Për cilat fusha duhet të shpenzojë më shumë bashkia?",
     "Which areas should the municipality spend more on?", True,
     [("Rrugët dhe trotuaret", "Roads and pavements"), ("Arsimi", "Education"),
      ("Hapësirat e gjelbra", "Green spaces"), ("Transporti publik", "Public transport"),
      ("Shërbimet sociale", "Social services"), ("Kultura dhe sporti", "Culture and sport")],
     {"min_choices": 1, "max_choices": 3}),
    (QuestionKind.SCALE, "Sa transparent është sot buxheti i bashkisë?",
     "How transparent is the municipality's budget today?", True, [],
     {"low_label_sq": "aspak", "low_label_en": "not at all",
      "high_label_sq": "plotësisht", "high_label_en": "fully"}),
    (QuestionKind.RANKING, "Renditni këto masa sipas rëndësisë për ju",
     "Rank these measures by how much they matter to you", True,
     [("Buxheti i hapur online", "The budget published online"),
      ("Dëgjesa publike në çdo lagje", "Public hearings in every neighbourhood"),
      ("Buxhetim me pjesëmarrje", "Participatory budgeting"),
      ("Raportim vjetor i shpenzimeve", "Yearly spending report")], {}),
    (QuestionKind.SHORT_TEXT, "Një projekt që do të donit të shihnit në lagjen tuaj",
     "One project you would like to see in your neighbourhood", False, [], {}),
    (QuestionKind.LONG_TEXT, "Komente të tjera për buxhetin", "Other comments on the budget",
     False, [], {}),
]
PROJECT_IDEAS = ["Ndriçim në rrugën e shkollës", "Një park lojërash për fëmijët",
                 "Kosha për riciklim", "Korsi biçikletash drejt qendrës",
                 "Stola dhe hije në sheshin e lagjes", "Rikonstruksion i trotuareve"]
COMMENTS = ["Do të doja ta shihja buxhetin të shpjeguar thjesht, me grafikë.",
            "Dëgjesat të bëhen në mbrëmje, që të vijnë edhe ata që punojnë.",
            "Please publish the spending per neighbourhood every quarter.",
            "Faleminderit që pyetni qytetarët!"]

PRIORITY_SURVEY = {
    "title_sq": "Renditni masat prioritare të Planit të Veprimit 2020–2022",
    "title_en": "Rank the priority measures of the 2020–2022 Action Plan",
    "intro_sq": "Konsultimi online i fazës së hershme të masave prioritare, i koordinuar nga "
                "Agjencia Kombëtare e Shoqërisë së Informacionit.",
    "intro_en": "The online consultation on the early phase of priority measures, "
                "coordinated by the National Agency for Information Society.",
}
PRIORITY_MEASURES = [
    ("Ngritja e Qendrave të Integruara të reja për shërbimet publike",
     "New integrated centres for delivering public services"),
    ("Monitorimi i cilësisë së shërbimeve në qendrat e integruara",
     "Monitoring the quality of service delivery in integrated centres"),
    ("Transparenca buxhetore", "Budget transparency"),
    ("Regjistri i pronësisë përfituese", "A beneficial ownership register"),
    ("Planet e integritetit në institucione", "Integrity plans in institutions"),
    ("Aksesi në drejtësi për grupet në nevojë", "Access to justice for people in need"),
]


def load(out):
    local = ActionPlan.objects.filter(jurisdiction__slug="shkoder").order_by("number").first()
    if local is not None and not Survey.objects.filter(plan=local).exists():
        survey = _budget_survey(local)
        generate_responses(survey, 300, seed=2026)
        out.write(f"Demo survey with 300 responses: {absolute(survey.get_absolute_url())}")
    albania = ActionPlan.objects.filter(slug="albania-2020-2022").first()
    if albania is not None and not Survey.objects.filter(plan=albania).exists():
        _priority_survey(albania)


def _build(plan, fields, questions, **settings):
    survey = services.create_survey(plan, actor=ACTOR, **fields, **settings)
    for kind, text_sq, text_en, required, options, extra in questions:
        services.add_question(survey, actor=ACTOR, kind=kind, text_sq=text_sq,
                              text_en=text_en, required=required, options=options, **extra)
    return services.set_status(survey, actor=ACTOR, status=SurveyStatus.PUBLISHED)


def _budget_survey(plan):
    stage = plan.stages.filter(kind="online_consultation").first()
    now = timezone.now()
    opens = (timezone.make_aware(datetime.datetime.combine(stage.start, datetime.time(8)))
             if stage else now - datetime.timedelta(days=7))
    closes = (timezone.make_aware(datetime.datetime.combine(stage.end, datetime.time(23, 59)))
              if stage else now + datetime.timedelta(days=21))
    component = plan.goals.filter(number=1).first()
    component = component.components.filter(slug="open-budget").first() if component else None
    return _build(plan, BUDGET_SURVEY, BUDGET_QUESTIONS, component=component,
                  opens_at=opens, closes_at=closes, allow_anonymous=True,
                  results_visibility=ResultsVisibility.LIVE)


def _priority_survey(plan):
    tirane = datetime.timezone(datetime.timedelta(hours=2))
    survey = _build(plan, PRIORITY_SURVEY, [
        (QuestionKind.RANKING, "Renditni këto masa prioritare, 1 për më të rëndësishmen",
         "Rank these priority measures, 1 for the most important", True, PRIORITY_MEASURES,
         {}),
        (QuestionKind.SINGLE, "Përfaqësoni një organizatë të shoqërisë civile?",
         "Do you represent a civil society organisation?", False,
         [("Po", "Yes"), ("Jo", "No")], {}),
        (QuestionKind.SHORT_TEXT, "Çfarë mungon në këtë listë?", "What is missing from this list?",
         False, [], {}),
    ], opens_at=datetime.datetime(2020, 7, 1, 8, tzinfo=tirane),
        closes_at=datetime.datetime(2020, 8, 31, 23, 59, tzinfo=tirane),
        allow_anonymous=True, results_visibility=ResultsVisibility.AFTER_CLOSE)
    generate_responses(survey, 140, seed=2020, start=survey.opens_at,
                       end=survey.closes_at)
    return services.set_status(survey, actor=ACTOR, status=SurveyStatus.CLOSED)


def _answer(question, options, rng):
    """Made-up rows (option id, number, text) for one question of one response."""
    if not question.required and rng.random() < 0.35:
        return []
    kind = question.kind
    if kind == QuestionKind.SINGLE:
        # A lean towards the first options, so the charts are not flat.
        return [(rng.choices(options, weights=range(len(options), 0, -1))[0], 1, "")]
    if kind == QuestionKind.MULTIPLE:
        count = rng.randint(question.min_choices or 1, question.max_choices or len(options))
        chosen = sorted(rng.sample(options, count), key=options.index)
        return [(option, place, "") for place, option in enumerate(chosen, 1)]
    if kind == QuestionKind.SCALE:
        return [(None, rng.choices(range(1, 6), weights=[2, 4, 5, 3, 1])[0], "")]
    if kind == QuestionKind.RANKING:
        order = sorted(options, key=lambda o: rng.random() + 0.15 * options.index(o))
        return [(option, rank, "") for rank, option in enumerate(order, 1)]
    pool = PROJECT_IDEAS if kind == QuestionKind.SHORT_TEXT else COMMENTS
    return [(None, None, rng.choice(pool))]


def generate_responses(survey, count, *, seed=0, start=None, end=None, batch=5000):
    """Adds ``count`` made-up responses without accounts, in batches of plain multi-row
    inserts; returns how many answer rows were written. (Not bulk_create: its ~0.2 ms per
    row in Python would make the benchmark's million rows take minutes.)"""
    rng = random.Random(seed)
    questions = list(survey.questions.prefetch_related("options"))
    options = {q.pk: [o.pk for o in q.options.all()] for q in questions}
    end = end or timezone.now()
    start = start or end - datetime.timedelta(days=7)
    span = (end - start).total_seconds()
    adapt = connection.ops.adapt_datetimefield_value
    written, done = 0, 0
    while done < count:
        size = min(batch, count - done)
        with transaction.atomic():
            last = SurveyResponse.objects.aggregate(last=Max("pk"))["last"] or 0
            _insert(SurveyResponse, ["survey", "session_key", "created_at"], [
                (survey.pk, f"demo-{seed}-{done + n}",
                 adapt(start + datetime.timedelta(seconds=rng.random() * span)))
                for n in range(size)])
            # Ids come in the order the rows went in: nothing else writes meanwhile.
            ids = SurveyResponse.objects.filter(survey=survey, pk__gt=last).order_by(
                "pk").values_list("pk", flat=True)
            rows = [(response_id, question.pk, option, number, text)
                    for response_id in ids for question in questions
                    for option, number, text in _answer(question, options[question.pk], rng)]
            _insert(SurveyAnswer, ["response", "question", "option", "number", "text"], rows)
        written += len(rows)
        done += size
    return written


def _insert(model, fields, rows):
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {quote(model._meta.db_table)} ({columns}) "
                           f"VALUES ({marks})", rows)
