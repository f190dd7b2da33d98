"""Drafting models: the plan's table and its versions."""

from bashke.drafting.models.table import Activity, Measure, Objective  # noqa: F401
from bashke.drafting.models.versions import (  # noqa: F401
    PlanVersion,
    VersionComment,
    VersionStatus,
)
