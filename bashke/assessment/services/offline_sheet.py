"""The assessor's offline sheet: an .xlsx with one row per idea they assess and one column
group per criterion (does it meet it / score / evidence), filled in Excel or LibreOffice
and uploaded back.

Layout (sheet "Assessment"): row 1 the title, row 2 the criteria over their groups, row 3
the column labels, row 4 the columns' keys (hidden: what the upload checks the layout
against, whatever the language of the labels), rows from 5 the ideas. Column A holds the
idea's number (locked, marked "do not change"), B the version of the assessment it was
downloaded with (hidden: an upload older than a save on the site is refused rather than
overwriting it). Meets has a list to choose from, score a whole-number range; the sheet
is protected so only the answer cells can change.

An upload is checked whole before anything is saved: every wrong value, unknown or foreign
idea, stale row or changed header is reported by its cell ("G7: …"), and then nothing is
imported. When all is well, every filled row is saved in one transaction.
"""

import io
import zipfile

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from bashke.assessment.models import CriterionScore, Meets
from bashke.assessment.rules.scoring import components_assessed_by
from bashke.assessment.services.criteria import Conflict
from bashke.assessment.services.scoring import (
    EVIDENCE_MAX,
    assessable_ideas,
    check_scores,
    my_assessments,
    save_assessment,
)
from bashke.consultation.wordform.safety import MARKERS
from bashke.core.permissions import require
from bashke.core.spreadsheets import safe_cell
from bashke.core.uploads import MB, check_upload

SHEET = "Assessment"
FIRST_ROW = 5
KEY_ROW = 4
FIXED = ["idea", "version", "title", "component"]
PARTS = ("meets", "score", "evidence")
MAX_BYTES = 5 * MB
MAX_ROWS = 20_000
HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
LOCKED_FILL = PatternFill("solid", fgColor="EEEEEE")


def keys(criteria):
    """The columns' keys, in order: row 4 of the sheet."""
    return [*FIXED, *(f"{c.code}:{part}" for c in criteria for part in PARTS)]


def _meets_labels():
    """What may be typed for "meets": the code, or its label in either language."""
    accepted = {}
    for code, _label in Meets.choices:
        accepted[code] = code
        for language in ("sq", "en"):
            with translation.override(language):
                accepted[str(Meets(code).label).lower()] = code
    return accepted


def build_workbook(sheet, user) -> bytes:
    """The sheet for ``user``: their ideas, and what they saved of each."""
    require(user, "assessment.assess_idea", sheet.plan,
            _("Only the plan's assessors have an assessment sheet."))
    criteria = list(sheet.criteria.all())
    ideas = list(assessable_ideas(sheet.plan, components_assessed_by(user, sheet.plan))
                 .order_by("component__goal__number", "component__position", "submitted_at",
                           "id"))
    saved = my_assessments(sheet.plan, user)
    scores = _saved_scores(saved.values())
    book = Workbook()
    ws = book.active
    ws.title = SHEET
    _headers(ws, sheet, criteria)
    meets_list = ",".join(str(label) for _code, label in Meets.choices)
    meets_check = DataValidation(type="list", formula1=f'"{meets_list}"', allow_blank=True,
                                 showErrorMessage=True, errorTitle=_("Not an answer"),
                                 error=_("Choose from the list."))
    score_check = DataValidation(
        type="whole", operator="between", formula1=str(sheet.scale_min),
        formula2=str(sheet.scale_max), allow_blank=True, showErrorMessage=True,
        errorTitle=_("Not a score"),
        error=_("A whole number from %(low)s to %(high)s.") % {
            "low": sheet.scale_min, "high": sheet.scale_max})
    ws.add_data_validation(meets_check)
    ws.add_data_validation(score_check)
    labels = dict(Meets.choices)
    for row, idea in enumerate(ideas, FIRST_ROW):
        assessment = saved.get(idea.pk)
        submitted = assessment is not None and assessment.submitted_at is not None
        values = [idea.pk, assessment.version if assessment else 0, safe_cell(idea.title),
                  safe_cell(idea.component.title if idea.component else "")]
        for criterion in criteria:
            meets, score, evidence = scores.get((idea.pk, criterion.pk), ("", None, ""))
            values += [str(labels[meets]) if meets else None, score,
                       safe_cell(evidence) or None]
        for column, value in enumerate(values, 1):
            cell = ws.cell(row=row, column=column, value=value)
            if column > len(FIXED):
                # Submitted assessments are final: shown, not open to change.
                cell.protection = Protection(locked=submitted)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if submitted:
                    cell.fill = LOCKED_FILL
            else:
                cell.fill = LOCKED_FILL
    if ideas:
        last = FIRST_ROW + len(ideas) - 1
        for index in range(len(criteria)):
            first = len(FIXED) + 1 + index * 3
            meets_check.add(f"{get_column_letter(first)}{FIRST_ROW}:"
                            f"{get_column_letter(first)}{last}")
            score_check.add(f"{get_column_letter(first + 1)}{FIRST_ROW}:"
                            f"{get_column_letter(first + 1)}{last}")
    _criteria_sheet(book, sheet, criteria)
    # Only the answer cells can change; no password: this keeps the layout, not a secret.
    ws.protection.sheet = True
    ws.protection.formatCells = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=len(FIXED) + 1)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _saved_scores(assessments):
    rows = CriterionScore.objects.filter(assessment__in=[a.pk for a in assessments]
                                         ).select_related("assessment")
    return {(row.assessment.idea_id, row.criterion_id): (row.meets, row.score, row.evidence)
            for row in rows}


def _headers(ws, sheet, criteria):
    ws.cell(row=1, column=1, value=safe_cell(_(
        "%(plan)s — assessment against the criteria (scores %(low)s to %(high)s). Fill in "
        "the white cells only, then upload the file on the site.") % {
        "plan": sheet.plan.title, "low": sheet.scale_min, "high": sheet.scale_max}))
    ws.cell(row=1, column=1).font = Font(bold=True)
    fixed_labels = [_("Idea no. (do not change)"), _("Version (do not change)"), _("Idea"),
                    _("Component")]
    for column, label in enumerate(fixed_labels, 1):
        ws.cell(row=3, column=column, value=label)
    part_labels = [_("Does it meet the criterion?"), _("Score"),
                   _("Evidence, examples or explanation")]
    for index, criterion in enumerate(criteria):
        first = len(FIXED) + 1 + index * 3
        title = criterion.title if criterion.title == criterion.group else (
            f"{criterion.group}: {criterion.title}")
        if not criterion.weight:
            title += " " + _("(not counted)")
        ws.cell(row=2, column=first, value=safe_cell(title))
        ws.merge_cells(start_row=2, start_column=first, end_row=2, end_column=first + 2)
        for offset, label in enumerate(part_labels):
            ws.cell(row=3, column=first + offset, value=label)
        ws.column_dimensions[get_column_letter(first)].width = 14
        ws.column_dimensions[get_column_letter(first + 1)].width = 9
        ws.column_dimensions[get_column_letter(first + 2)].width = 40
    for column, key in enumerate(keys(criteria), 1):
        ws.cell(row=KEY_ROW, column=column, value=key)
        for row in (2, 3):
            ws.cell(row=row, column=column).font = Font(bold=True)
            ws.cell(row=row, column=column).fill = HEADER_FILL
            ws.cell(row=row, column=column).alignment = Alignment(wrap_text=True)
    ws.row_dimensions[KEY_ROW].hidden = True
    ws.column_dimensions["B"].hidden = True
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["C"].width = 40
    ws.column_dimensions["D"].width = 24


def _criteria_sheet(book, sheet, criteria):
    ws = book.create_sheet(_("Criteria"))
    ws.append([_("Criterion"), _("Specific criterion"), _("Details or examples"),
               _("Weight")])
    for criterion in criteria:
        ws.append([safe_cell(criterion.group), safe_cell(criterion.title),
                   safe_cell(criterion.guidance), float(criterion.weight)])
    for column, width in zip("ABCD", (30, 30, 80, 8), strict=True):
        ws.column_dimensions[column].width = width
    ws.protection.sheet = True


# Reading it back ---------------------------------------------------------------------------

def _cell(row, column):
    return f"{get_column_letter(column)}{row}"


def _open(uploaded):
    check_upload(uploaded, allowed=("xlsx",), max_bytes=MAX_BYTES)
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    damaged = ValidationError(_("The file is damaged and cannot be opened."), code="damaged")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for entry in archive.infolist():
                if entry.filename.lower().endswith((".xml", ".rels")):
                    content = archive.read(entry)
                    if any(marker in content for marker in MARKERS):
                        raise ValidationError(_(
                            "The file contains XML constructs that spreadsheet programs "
                            "never write (a document type declaration). It is refused for "
                            "safety."), code="unsafe")
        return load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except ValidationError:
        raise
    except Exception:  # openpyxl raises many kinds of error on a malformed file
        raise damaged from None


def _text(value):
    if value is None:
        return ""
    text = str(value).strip()
    # The apostrophe our download put before text that looked like a formula goes again.
    if text.startswith("'") and safe_cell(text[1:]) == text:
        text = text[1:]
    return text


def read_upload(sheet, user, uploaded):
    """[(idea, version, scores)] of the filled rows, or ValidationError listing every
    problem by its cell."""
    book = _open(uploaded)
    if SHEET not in book.sheetnames:
        raise ValidationError(_("The file has no sheet named “%(name)s”: upload the sheet "
                                "you downloaded here.") % {"name": SHEET}, code="layout")
    ws = book[SHEET]
    criteria = list(sheet.criteria.all())
    expected = keys(criteria)
    rows = ws.iter_rows(min_row=KEY_ROW, max_col=len(expected) + 1, values_only=True)
    header = next(rows, ())
    problems = [_("%(cell)s: the column should be “%(expected)s”, not “%(found)s”; the "
                  "sheet's layout was changed. Download it again.") % {
        "cell": _cell(KEY_ROW, column), "expected": key,
        "found": (header[column - 1] if column - 1 < len(header) else "") or ""}
        for column, key in enumerate(expected, 1)
        if column - 1 >= len(header) or str(header[column - 1] or "") != key]
    if len(header) > len(expected) and header[len(expected)] not in (None, ""):
        problems.append(_("%(cell)s: a column was added; the sheet's layout was changed. "
                          "Download it again.") % {"cell": _cell(KEY_ROW, len(expected) + 1)})
    if problems:
        raise ValidationError(problems, code="layout")
    components = components_assessed_by(user, sheet.plan)
    mine = {idea.pk: idea for idea in assessable_ideas(sheet.plan, components)}
    saved = my_assessments(sheet.plan, user)
    stored = _saved_scores(saved.values())
    meets_codes = _meets_labels()
    found, seen = [], set()
    for number, values in enumerate(rows, FIRST_ROW):
        if number - FIRST_ROW >= MAX_ROWS:
            raise ValidationError(_("The sheet has more than %(limit)s rows.")
                                  % {"limit": MAX_ROWS}, code="too_long")
        values = list(values) + [None] * (len(expected) - len(values))
        answers = values[len(FIXED):len(expected)]
        if all(value in (None, "") for value in answers):
            continue
        idea_cell = _cell(number, 1)
        idea_id = _whole(values[0])
        if idea_id is None:
            problems.append(_("%(cell)s: “%(value)s” is not an idea's number.")
                            % {"cell": idea_cell, "value": values[0] or ""})
            continue
        idea = mine.get(idea_id)
        if idea is None:
            problems.append(_("%(cell)s: idea no. %(id)s is not one of the ideas you assess "
                              "on this plan.") % {"cell": idea_cell, "id": idea_id})
            continue
        if idea_id in seen:
            problems.append(_("%(cell)s: idea no. %(id)s is on the sheet twice.")
                            % {"cell": idea_cell, "id": idea_id})
            continue
        seen.add(idea_id)
        scores, formula_problems = _scores(number, criteria, answers, meets_codes)
        problems += formula_problems
        clean, row_problems = check_scores(sheet, criteria, scores, submit=False)
        for code, part, message in row_problems:
            column = len(FIXED) + 1 + [c.code for c in criteria].index(code) * 3 + \
                PARTS.index(part)
            problems.append(f"{_cell(number, column)}: {message}")
        assessment = saved.get(idea_id)
        version = _whole(values[1]) or 0
        if assessment is not None and assessment.submitted_at is not None:
            if any(stored.get((idea_id, c.pk), ("", None, "")) != clean[c.pk]
                   for c in criteria):
                problems.append(_("%(cell)s: you have submitted your assessment of idea no. "
                                  "%(id)s; it can no longer change.")
                                % {"cell": idea_cell, "id": idea_id})
            continue
        current = assessment.version if assessment is not None else 0
        if version != current:
            problems.append(_("%(cell)s: you saved your assessment of idea no. %(id)s on "
                              "the site after you downloaded this sheet. Download the sheet "
                              "again so as not to overwrite it.")
                            % {"cell": _cell(number, 2), "id": idea_id})
            continue
        found.append((idea, version, scores))
    if problems:
        raise ValidationError(problems, code="cells")
    return found


def _whole(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value or "").strip()
    return int(text) if text.isdigit() else None


def _scores(number, criteria, answers, meets_codes):
    scores, problems = {}, []
    for index, criterion in enumerate(criteria):
        meets, score, evidence = answers[index * 3:index * 3 + 3]
        first = len(FIXED) + 1 + index * 3
        for offset, value in ((0, meets), (1, score)):
            if isinstance(value, str) and value.strip().startswith("="):
                problems.append(_("%(cell)s: a formula is not an answer; type the value "
                                  "itself.") % {"cell": _cell(number, first + offset)})
        meets_text = _text(meets).lower()
        scores[criterion.code] = {
            "meets": meets_codes.get(meets_text, meets_text),
            "score": score if not isinstance(score, str) else score.strip(),
            "evidence": _text(evidence)[:EVIDENCE_MAX + 1],
        }
    return scores, problems


@transaction.atomic
def import_upload(sheet, *, actor, uploaded) -> int:
    """Saves every filled row of ``actor``'s uploaded sheet as a draft, all or nothing;
    returns how many were saved. Raises ValidationError with every problem by its cell."""
    require(actor, "assessment.assess_idea", sheet.plan,
            _("Only the plan's assessors can upload an assessment sheet."))
    rows = read_upload(sheet, actor, uploaded)
    if not rows:
        raise ValidationError(_("The sheet has no scores in it: nothing to import."),
                              code="empty")
    for idea, version, scores in rows:
        try:
            save_assessment(idea, actor=actor, scores=scores, version=version)
        except Conflict:
            raise ValidationError(_("Idea no. %(id)s: saved on the site at the same moment. "
                                    "Nothing was imported; download the sheet again.")
                                  % {"id": idea.pk}, code="conflict") from None
    return len(rows)
