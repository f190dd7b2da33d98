"""Every answer of a survey as CSV or XLSX, one row per response and one column per
question, for the people who run it.

Neither file says who answered: a response has only its number (in the order they came)
and its day (not its time, which could be matched with other records). Rows are read a
chunk of responses at a time and written as they are read — the CSV streamed, the XLSX
through openpyxl's write-only mode into a temporary file — so 100,000 responses take no
more memory than a thousand. Every cell goes through
:func:`bashke.core.spreadsheets.safe_cell`: a spreadsheet shows it and never runs it.
"""

import csv
import tempfile
from collections import defaultdict

from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from bashke.consultation.models import QuestionKind, SurveyAnswer, SurveyResponse
from bashke.consultation.views.surveys.common import MANAGERS_ONLY, get_survey, load_questions
from bashke.core.permissions import require
from bashke.core.spreadsheets import safe_cell

CHUNK = 1000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(question, parts, labels):
    if question.kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        return parts[0][2] if parts else ""
    if question.kind == QuestionKind.SCALE:
        return parts[0][1] if parts else ""
    ordered = sorted(parts, key=lambda part: part[1] or 0)
    if question.kind == QuestionKind.RANKING:
        return "; ".join(f"{labels[option]}={rank}" for option, rank, _text in ordered)
    return "; ".join(labels[option] for option, _number, _text in ordered)


def answer_rows(survey, questions):
    """The header, then one row per response, oldest first; each value through
    :func:`safe_cell`."""
    yield [safe_cell(text) for text in [_("Response"), _("Date")] + [q.text for q in questions]]
    labels = {o.pk: o.label for q in questions for o in q.options.all()}
    question_ids = {q.pk for q in questions}
    number, after = 0, 0
    while True:
        chunk = list(SurveyResponse.objects.filter(survey=survey, pk__gt=after)
                     .order_by("pk").values_list("pk", "created_at")[:CHUNK])
        if not chunk:
            return
        parts = defaultdict(lambda: defaultdict(list))
        # By the range of response ids alone, so the database walks the response index;
        # asking for the questions too would send it through the whole tally index. Rows
        # of other surveys' responses in the range are skipped here.
        for response_id, question_id, option_id, value, text in (
                SurveyAnswer.objects.filter(response_id__gte=chunk[0][0],
                                            response_id__lte=chunk[-1][0])
                .values_list("response_id", "question_id", "option_id", "number", "text")):
            if question_id in question_ids:
                parts[response_id][question_id].append((option_id, value, text))
        for response_id, created_at in chunk:
            number += 1
            mine = parts.get(response_id, {})
            yield [number, timezone.localdate(created_at).isoformat()] + [
                safe_cell(_cell(q, mine.get(q.pk, []), labels)) for q in questions]
        after = chunk[-1][0]


class _Echo:
    def write(self, value):
        return value


def _csv_lines(rows):
    writer = csv.writer(_Echo())
    yield "\ufeff"  # lets spreadsheet programs read the file as UTF-8 (ë, ç)
    for row in rows:
        yield writer.writerow(row)


def _xlsx_file(survey, rows):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Answers"))
    for row in rows:
        # safe_cell has already dropped the control characters XML cannot hold.
        sheet.append(row)
    handle = tempfile.TemporaryFile()
    workbook.save(handle)
    handle.seek(0)
    return handle


def survey_export(request, slug, pk, fmt):
    survey = get_survey(request, slug, pk)
    require(request.user, "consultation.export_survey", survey, MANAGERS_ONLY)
    rows = answer_rows(survey, load_questions(survey))
    name = f"survey-{survey.pk}-answers"
    if fmt == "csv":
        response = StreamingHttpResponse(_csv_lines(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    if fmt == "xlsx":
        return FileResponse(_xlsx_file(survey, rows), as_attachment=True,
                            filename=f"{name}.xlsx", content_type=XLSX_TYPE)
    raise Http404("No such format.")
