"""Who may build, read and export surveys.

The predicates take a survey, a component or a plan: a survey's rights are read from its
component when it has one, else from its plan. A plan-wide survey is managed by the people
who record ideas for the plan (its coordinators, component leaders and secretariats, and
site staff); a component's survey by the plan's coordinators, that component's leaders and
secretariat, and site staff.
"""

import rules

from bashke.consultation.permissions.common import (
    coordinates_plan_of,
    plan_and_component,
    works_on_component_of,
)


@rules.predicate
def records_ideas_for_the_whole_plan(user, target):
    plan, component = plan_and_component(target)
    if component is not None or plan is None:
        return False
    return user.has_perm("consultation.record_idea", plan)


@rules.predicate
def is_draft(user, survey):
    return getattr(survey, "status", None) == "draft"


@rules.predicate
def results_are_public(user, survey):
    return survey.results_are_public()


can_manage = (rules.is_staff | coordinates_plan_of | works_on_component_of
              | records_ideas_for_the_whole_plan)

rules.add_perm("consultation.manage_survey", can_manage)
# Published and closed surveys are public; a draft only for the people building it.
rules.add_perm("consultation.view_survey", ~is_draft | can_manage)
# Editors follow the answers as they come in; everyone else as the survey says.
rules.add_perm("consultation.view_survey_results", results_are_public | can_manage)
# Exports hold every answer (no identities), for the people running the consultation.
rules.add_perm("consultation.export_survey", can_manage)
