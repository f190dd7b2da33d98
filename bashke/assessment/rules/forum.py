"""Permissions: the multi-stakeholder forum. Its members, meetings and decisions are public
(``plans.view_plan``: OGP asks that the forum's membership and work be published); the
plan's coordinators keep its membership and record its decisions."""

import rules

from bashke.consultation.rules.common import coordinates_plan_of

rules.add_perm("assessment.manage_forum", coordinates_plan_of)
