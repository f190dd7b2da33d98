"""Where a plan stands today, derived from its stages and never stored."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bashke.plans.models import ActionPlan, Stage, StageKind

WHAT_TO_DO = {
    StageKind.MOBILISATION: _("Follow the plan to hear when the consultation opens."),
    StageKind.METHODOLOGY: _("Read the methodological package and the briefs on each "
                             "component."),
    StageKind.ONLINE_CONSULTATION: _("Put forward your ideas for the plan, online or on the "
                                     "Word form."),
    StageKind.PRIORITISATION: _("Help select the ideas: vote on the priorities."),
    StageKind.DRAFTING: _("Join the consultation meetings where the commitments are drafted "
                          "with civil society."),
    StageKind.CONSOLIDATION: _("Follow how the ideas are consolidated and read the reasoned "
                               "response to each."),
    StageKind.DRAFT_CONSULTATION: _("Comment on the draft action plan."),
    StageKind.APPROVAL: _("Follow the approval of the plan."),
    StageKind.IMPLEMENTATION: _("Follow the progress of every commitment."),
    StageKind.MONITORING: _("Read the independent review and the progress reports."),
}


def today() -> datetime.date:
    return timezone.localdate()


@dataclass
class Timeline:
    plan: ActionPlan
    day: datetime.date
    stages: list[Stage]
    current: list[Stage] = field(default_factory=list)
    past: list[Stage] = field(default_factory=list)
    upcoming: list[Stage] = field(default_factory=list)

    @classmethod
    def of(cls, plan: ActionPlan, stages, day: datetime.date | None = None):
        timeline = cls(plan=plan, day=day or today(), stages=sorted(
            stages, key=lambda s: (s.start, s.end, s.pk or 0)))
        for stage in timeline.stages:
            getattr(timeline, stage.state_on(timeline.day)).append(stage)
        return timeline

    @property
    def next(self) -> Stage | None:
        return self.upcoming[0] if self.upcoming else None

    @property
    def headline_stage(self) -> Stage | None:
        """The current stage a visitor should hear about first: the one open to the public
        if any, else the one that started last."""
        if not self.current:
            return None
        open_to_public = [stage for stage in self.current if stage.is_consultation]
        return (open_to_public or sorted(self.current, key=lambda s: s.start))[-1]

    @property
    def idea_stage(self) -> Stage | None:
        """The online consultation under way, when ideas can be put forward today."""
        return next((s for s in self.current if s.kind == StageKind.ONLINE_CONSULTATION), None)

    @property
    def idea_days_left(self) -> int | None:
        stage = self.idea_stage
        return (stage.end - self.day).days if stage else None

    @property
    def what_to_do(self):
        stage = self.headline_stage
        return WHAT_TO_DO.get(stage.kind) if stage else None

    def rows(self):
        """(stage, state, is_next) in date order, for the timeline list."""
        following = self.next
        return [(stage, stage.state_on(self.day), stage is following) for stage in self.stages]


def pick_current_plan(plans: list[ActionPlan], day: datetime.date) -> ActionPlan | None:
    """The plan a visitor most likely came for: one with a stage under way (co-creation of a
    new plan wins over implementation of the old), else the one in force, else the newest."""
    with_current_stage = [p for p in plans
                          if any(s.state_on(day) == "current" for s in p.stages.all())]
    if with_current_stage:
        return max(with_current_stage, key=lambda p: p.start)
    in_force = [p for p in plans if p.start <= day <= p.end]
    if in_force:
        return in_force[0]
    return max(plans, key=lambda p: p.start) if plans else None


def window(stages, kinds, day: datetime.date | None = None):
    """(open stage, next stage) among the stages of the given kinds: the one open today, if
    any, and the next one to open. Works on prefetched stages, without queries."""
    day = day or today()
    chosen = sorted((s for s in stages if s.kind in kinds), key=lambda s: (s.start, s.end))
    open_now = next((s for s in chosen if s.start <= day <= s.end), None)
    upcoming = next((s for s in chosen if s.start > day), None)
    return open_now, upcoming
