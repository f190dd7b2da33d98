"""The SMART check: the criteria sheet's verifiability rules, applied to each measure and
activity of a :class:`bashke.drafting.tree.PlanTable` (the live table or a frozen version).

A pure function of the table, so the drafting pages, the versions and the exports all warn
alike. The rules, as the criteria sheet words them:

- **Specific** — a title that says what will be done or achieved: at least three words, one
  of them an action (a verb or an action noun from the lists below, in Albanian or English:
  "Ngritja e…", "Publikimi i…", "Establishing…", "Publish…").
- **Measurable** — an activity names its indicator and its target (deliverable).
- **Answerable** — an activity names its responsible institution; a measure its lead
  institution.
- **Time-bound** — an activity has a start and an end within the plan's period, the end not
  before the start.
- and a measure has at least one activity (its milestones).

Warnings, never refusals: a draft is allowed to be unfinished.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from bashke.consultation.models.ideas import fold

SPECIFIC, MEASURABLE, ANSWERABLE, TIME_BOUND, MILESTONES = (
    "specific", "measurable", "answerable", "time_bound", "milestones")
CRITERIA = {
    SPECIFIC: _("Specific"),
    MEASURABLE: _("Measurable"),
    ANSWERABLE: _("Answerable"),
    TIME_BOUND: _("Time-bound"),
    MILESTONES: _("Has activities"),
}
# What a warning says it is, beside the item.
NOT_MET = {
    SPECIFIC: _("Not specific"),
    MEASURABLE: _("Not measurable"),
    ANSWERABLE: _("Not answerable"),
    TIME_BOUND: _("Not time-bound"),
    MILESTONES: _("No activities"),
}
MIN_TITLE_WORDS = 3

# Beginnings of action words, folded (lower case, no diacritics). Albanian plan tables name
# actions as nouns ("Ngritja", "Hartimi"); English ones as verbs or -ing forms.
ALBANIAN_ACTIONS = (
    "ngrit", "rrit", "pergatit", "hapj", "ulj", "zgjer", "shtim", "forcim", "vendos",
    "krijim", "krij", "ndertim", "hartim", "publikim", "miratim", "zbatim",
    "zhvillim", "monitorim", "vleresim", "permiresim", "identifikim", "operacionalizim",
    "digjitalizim", "dixhitalizim", "trajnim", "fuqizim", "sigurim", "ofrim", "organizim",
    "rishikim", "perditesim", "integrim", "nxitj", "lehtesim", "konsolidim", "themelim",
    "matj", "regjistrim", "perfshirj", "informim", "raportim", "standardizim", "unifikim",
    "modernizim", "thjeshtim", "reduktim", "zgjidhj", "mbeshtetj", "transformim",
)
# An Albanian action noun: "-imi", "-imit", "-imin", "-ime" ("Identifikimi", "Zhvillimit").
ALBANIAN_ACTION_NOUN = re.compile(r"^\w{3,}(im|imi|imit|imin|ime|imeve)$")
# Nouns that end like an action but name a thing ("shërbimi", a service).
NOT_ACTIONS = {"sherbim", "sherbimi", "sherbimit", "sherbimin", "sherbime", "sherbimeve",
               "sistemi", "klim", "klima"}
ENGLISH_ACTIONS = {
    "adopt", "amend", "assess", "build", "conduct", "create", "define", "deliver", "design",
    "develop", "digitise", "digitize", "draft", "enable", "ensure", "establish", "expand",
    "extend", "implement", "improve", "increase", "introduce", "launch", "make", "map",
    "measure", "monitor", "open", "operate", "organise", "organize", "prepare", "provide",
    "publish", "raise", "reduce", "reform", "renovate", "review", "set", "simplify",
    "strengthen", "survey", "train", "update", "upgrade",
}


@dataclass(frozen=True)
class SmartWarning:
    criterion: str       # one of CRITERIA
    row: str             # the item's key in the table ("measure:12", "activity:40")
    number: str          # "1.1", "1.1.2"
    message: str         # lazy: read in the reader's language

    @property
    def label(self):
        return NOT_MET[self.criterion]


def _words(text):
    return re.findall(r"[^\W\d_]+", fold(text))


def _has_action(words) -> bool:
    for word in words:
        if word in NOT_ACTIONS:
            continue
        if word in ENGLISH_ACTIONS or (len(word) > 4 and word.endswith("ing")):
            return True
        if ALBANIAN_ACTION_NOUN.match(word):
            return True
        if word.startswith(ALBANIAN_ACTIONS):
            return True
    return False


def title_problem(title_sq, title_en):
    """Why the title is not specific, or None: checked in each language given, and passes
    when either passes."""
    titles = [t for t in (title_sq, title_en) if (t or "").strip()]
    if not titles:
        return _("It has no title.")
    too_short = True
    for title in titles:
        words = _words(title)
        if len(words) >= MIN_TITLE_WORDS:
            too_short = False
            if _has_action(words):
                return None
    if too_short:
        return _("The title is too short to say what will be done (fewer than three words).")
    return _("The title names no action or outcome: start with what will be done, e.g. "
             "“Establishing…”, “Publishing…” (“Ngritja e…”, “Publikimi i…”).")


def check_activity(activity, table):
    key, warnings = f"activity:{activity.id}", []

    def warn(criterion, message):
        warnings.append(SmartWarning(criterion, key, activity.number, message))

    problem = title_problem(activity.title_sq, activity.title_en)
    if problem:
        warn(SPECIFIC, problem)
    has_indicator = bool(activity.indicator_sq or activity.indicator_en)
    has_target = bool(activity.target_sq or activity.target_en)
    if not has_indicator and not has_target:
        warn(MEASURABLE, _("It has no indicator and no target: say what is measured and what "
                           "will be delivered."))
    elif not has_indicator:
        warn(MEASURABLE, _("It has no indicator: say what is measured (“Number of…”, "
                           "“Percentage of…”)."))
    elif not has_target:
        warn(MEASURABLE, _("It has no target: say what will be delivered."))
    if activity.responsible is None:
        warn(ANSWERABLE, _("No responsible institution is named."))
    if activity.start is None or activity.end is None:
        warn(TIME_BOUND, _("It has no start or no end date."))
    elif not (table.start <= activity.start <= table.end
              and table.start <= activity.end <= table.end):
        warn(TIME_BOUND, _("Its dates fall outside the plan's period."))
    elif activity.end < activity.start:
        warn(TIME_BOUND, _("It ends before it starts."))
    return warnings


def check_measure(measure, table):
    """The measure's own warnings (its activities' are apart: :func:`check_activity`)."""
    key, warnings = f"measure:{measure.id}", []

    def warn(criterion, message):
        warnings.append(SmartWarning(criterion, key, measure.number, message))

    problem = title_problem(measure.title_sq, measure.title_en)
    if problem:
        warn(SPECIFIC, problem)
    if measure.lead_institution is None:
        warn(ANSWERABLE, _("No lead institution is named."))
    if not measure.activities:
        warn(MILESTONES, _("It has no activities: add the milestones that deliver it."))
    return warnings


@dataclass
class Report:
    """Every warning of a table, by row key, in table order."""

    by_row: dict
    measures: int
    activities: int

    def of(self, row_key):
        return self.by_row.get(row_key, [])

    @property
    def warnings(self):
        return [warning for warnings in self.by_row.values() for warning in warnings]

    @property
    def count(self):
        return len(self.warnings)

    def per_criterion(self):
        """(criterion, label, how many warnings) for every criterion, in CRITERIA's order."""
        counts = dict.fromkeys(CRITERIA, 0)
        for warning in self.warnings:
            counts[warning.criterion] += 1
        return [(criterion, CRITERIA[criterion], counts[criterion]) for criterion in CRITERIA]

    @property
    def rows_with_warnings(self):
        return sum(1 for warnings in self.by_row.values() if warnings)


def check(table) -> Report:
    by_row = {}
    measures = activities = 0
    for measure in table.measures():
        measures += 1
        found = check_measure(measure, table)
        if found:
            by_row[f"measure:{measure.id}"] = found
        for activity in measure.activities:
            activities += 1
            found = check_activity(activity, table)
            if found:
                by_row[f"activity:{activity.id}"] = found
    return Report(by_row, measures, activities)
