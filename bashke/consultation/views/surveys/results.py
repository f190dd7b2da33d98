"""A survey's results: a chart with its data table per question, counted in the database
in a fixed number of queries whatever the number of responses (see ``SurveyAnswer.tally``),
and the texts people wrote, one question at a time, paginated."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bashke.consultation.models import QuestionKind, SurveyAnswer, SurveyQuestion
from bashke.consultation.models.surveys import TEXT_KINDS, survey_results
from bashke.consultation.services import surveys as services
from bashke.consultation.views.surveys.common import get_survey, load_questions
from bashke.core.charts import bar_chart
from bashke.core.permissions import allowed
from bashke.core.text import format_number

TEXTS_PER_PAGE = 50


def answered_by(result, responses):
    return ngettext("Answered by %(count)s of %(total)s person.",
                    "Answered by %(count)s of %(total)s people.", responses) % {
        "count": format_number(result.answered), "total": format_number(responses)}


def chart_for(result, responses):
    """The chart of one question's result (None for texts, which are listed instead)."""
    question = result.question
    caption = [answered_by(result, responses)]
    if question.kind in TEXT_KINDS:
        return None
    if question.kind == QuestionKind.SCALE:
        ends = {1: question.low_label, 5: question.high_label}
        items = [(f"{value} – {ends[value]}" if ends.get(value) else str(value), count)
                 for value, count, _share in result.distribution]
        chart = bar_chart(question.text, items, label_header=_("Value"),
                          value_header=_("People"), percent_of=result.answered)
        if result.mean is not None:
            caption.append(_("Mean: %(mean)s on a scale from 1 to 5.") % {
                "mean": format_number(result.mean)})
    elif question.kind == QuestionKind.RANKING:
        ordered = sorted(result.options, key=lambda item: (-(item.borda or 0),
                                                           item.option.position))
        chart = bar_chart(question.text, [(item.option.label, item.borda) for item in ordered],
                          label_header=_("Option"), value_header=_("Borda points"))
        chart.columns += [_("Average rank"), _("Ranked first by")]
        for row, item in zip(chart.rows, ordered, strict=True):
            row += ["–" if item.average_rank is None else format_number(item.average_rank, 2),
                    format_number(item.ranks[0] if item.ranks else 0)]
        caption.append(_("Each person's ranking gives an option ranked r-th of n options "
                         "n − r points (Borda count); the highest total comes first."))
    else:
        chart = bar_chart(question.text, [(item.option.label, item.count)
                                          for item in result.options],
                          label_header=_("Option"), value_header=_("People"),
                          percent_of=result.answered)
        if question.kind == QuestionKind.MULTIPLE:
            caption.append(_("People could choose more than one option, so the shares add "
                             "up to more than 100%."))
    chart.caption = " ".join(caption)
    return chart


def survey_results_page(request, slug, pk):
    survey = get_survey(request, slug, pk)
    context = {"plan": survey.plan, "survey": survey,
               "closed_message": services.closed_message(survey)}
    if not allowed(request.user, "consultation.view_survey_results", survey):
        context["pending"] = True
        return render(request, "consultation/surveys/results.html", context)
    questions = load_questions(survey)
    responses = survey.responses.count()
    results = survey_results(questions, SurveyAnswer.objects.tally(questions))
    context.update(responses=responses, live=not survey.results_are_public(), sections=[
        {"result": result, "chart": chart_for(result, responses),
         "answered_by": answered_by(result, responses)} for result in results])
    return render(request, "consultation/surveys/results.html", context)


def text_answers(request, slug, pk, question):
    survey = get_survey(request, slug, pk, "consultation.view_survey_results")
    question = get_object_or_404(SurveyQuestion, pk=question, survey=survey,
                                 kind__in=list(TEXT_KINDS))
    page_obj = Paginator(SurveyAnswer.objects.texts(question).values_list("text", flat=True),
                         TEXTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "consultation/surveys/texts.html", {
        "plan": survey.plan, "survey": survey, "question": question, "page_obj": page_obj})
