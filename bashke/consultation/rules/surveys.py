"""Who may build, read and export surveys.

The predicates take a survey, a component or a plan: a survey's rights are read from its
component when it has one, else from its plan. A plan-wide survey is managed by the people
who record ideas for the plan (its coordinators, component leaders and secretariats); a
component's survey by the plan's coordinators and that component's leaders and
secretariat. Lists of surveys ask ``plans.rules.components_run_by`` once instead.
"""

import rules

from bashke.consultation.rules.common import (
    coordinates_plan_of,
    signed_in,
    works_on_any_component,
    works_on_component_of,
)
from bashke.plans.models import Component


@rules.predicate
def records_ideas_for_the_whole_plan(user, target):
    if isinstance(target, Component) or getattr(target, "component_id", None) is not None:
        return False
    return works_on_any_component(user, target)


@rules.predicate
def takes_anonymous_answers(user, survey):
    return bool(getattr(survey, "allow_anonymous", False))


@rules.predicate
def is_draft(user, survey):
    return getattr(survey, "status", None) == "draft"


@rules.predicate
def results_are_public(user, survey):
    return survey.results_are_public()


can_manage = coordinates_plan_of | works_on_component_of | records_ideas_for_the_whole_plan

rules.add_perm("consultation.manage_survey", can_manage)
# Published and closed surveys are public; a draft only for the people building it.
rules.add_perm("consultation.view_survey", ~is_draft | can_manage)
# Editors follow the answers as they come in; everyone else as the survey says.
rules.add_perm("consultation.view_survey_results", results_are_public | can_manage)
# Answering needs an account unless the survey takes anonymous answers (one per browser);
# whether it is open, and answered already, is the service's question.
rules.add_perm("consultation.answer_survey", signed_in | takes_anonymous_answers)
# Exports hold every answer (no identities), for the people running the consultation.
rules.add_perm("consultation.export_survey", can_manage)
