"""What every survey page needs: the plan and survey from the URL, and the permission."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from bashke.consultation.models import Survey, SurveyQuestion
from bashke.core.access import refusal
from bashke.core.permissions import allowed
from bashke.plans.models import ActionPlan
from bashke.plans.rules import components_run_by

MANAGE = "consultation.manage_survey"
MANAGERS_ONLY = _("Only the plan's coordinators and the component's leaders and secretariat "
                  "manage its surveys.")


def get_plan(slug):
    return get_object_or_404(ActionPlan.objects.select_related("jurisdiction"), slug=slug)


def get_survey(request, slug, pk, permission="consultation.view_survey"):
    """The survey, or 404 when it is not in that plan or the person may not see it (a
    draft is not acknowledged to exist)."""
    survey = (Survey.objects.select_related("plan", "plan__jurisdiction", "component__goal__plan")
              .filter(pk=pk, plan__slug=slug).first())
    if survey is None or not allowed(request.user, permission, survey):
        raise Http404("No such survey.")
    return survey


def load_questions(survey):
    """Questions with their options, in two queries."""
    return list(SurveyQuestion.objects.filter(survey=survey).prefetch_related("options"))


def refuse_unless_manager(request, target):
    """The refusal's response (log in, or 403) unless the visitor manages ``target``."""
    return refusal(request, MANAGE, target, MANAGERS_ONLY)


def add_errors(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            if field in form.fields:
                form.add_error(field, messages)
            elif field in getattr(form, "extra_errors", {}):
                # Errors about rows that are not one field (a question's options) are
                # shown next to those rows.
                form.extra_errors[field].extend(messages)
            else:
                form.add_error(None, messages)
    else:
        form.add_error(None, error.messages)


class ManagerScope:
    """Which surveys of a plan a person manages, in one query (``plans.rules``'
    ``components_run_by``, for lists of many surveys at once): as
    ``consultation.manage_survey``, plan-wide surveys are managed by whoever runs any of the
    plan's components."""

    def __init__(self, user, plan, components):
        runs = components_run_by(user, plan)
        self.whole_plan = bool(runs)
        self.components = [c for c in components if c.pk in runs]
        self.component_ids = {c.pk for c in self.components}

    @property
    def any(self):
        return self.whole_plan or bool(self.components)

    def manages(self, survey):
        if survey.component_id:
            return survey.component_id in self.component_ids
        return self.whole_plan
