"""What every survey page needs: the plan and survey from the URL, and the permission."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from bashke.consultation.models import Survey, SurveyQuestion
from bashke.plans.models import ActionPlan, PlanRole, Role
from bashke.plans.rules import _has_role


def get_plan(slug):
    return get_object_or_404(ActionPlan.objects.select_related("jurisdiction"), slug=slug)


def get_survey(request, slug, pk, permission="consultation.view_survey"):
    """The survey, or 404 when it is not in that plan or the person may not see it (a
    draft is not acknowledged to exist)."""
    survey = (Survey.objects.select_related("plan", "plan__jurisdiction", "component__goal__plan")
              .filter(pk=pk, plan__slug=slug).first())
    if survey is None or not request.user.has_perm(permission, survey):
        raise Http404("No such survey.")
    return survey


def load_questions(survey):
    """Questions with their options, in two queries."""
    return list(SurveyQuestion.objects.filter(survey=survey).prefetch_related("options"))


def require(request, permission, target):
    if not request.user.has_perm(permission, target):
        raise PermissionDenied(_("Only the plan's coordinators and the component's leaders "
                                 "and secretariat manage its surveys."))


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
    """Which surveys of a plan a person manages, found in a fixed number of queries (the
    same rules as ``consultation.manage_survey``, for lists of many surveys at once)."""

    def __init__(self, user, plan, components):
        self.whole_plan = bool(getattr(user, "is_authenticated", False)
                               and user.has_perm("consultation.manage_survey", plan))
        if not self.whole_plan:
            self.components = []
        elif user.is_staff or _has_role(user, plan, Role.COORDINATOR):
            self.components = list(components)
        else:
            mine = set(PlanRole.objects.for_user(user).filter(
                plan=plan, role__in=[Role.COMPONENT_LEADER, Role.SECRETARIAT],
                component__isnull=False).values_list("component_id", flat=True))
            self.components = [c for c in components if c.pk in mine]
        self.component_ids = {c.pk for c in self.components}

    @property
    def any(self):
        return self.whole_plan or bool(self.components)

    def manages(self, survey):
        if survey.component_id:
            return survey.component_id in self.component_ids
        return self.whole_plan
