"""Requests for the matrix rows of the section on decisions (docs/permissions-matrix.md)."""

from .routes import Spec, on, plan


def idea(name):
    return lambda s: {"idea_id": getattr(s, name).pk}


def decision_body(s):
    return {"kind": "deferred", "response_sq": "", "version": "0",
            "response_en": "Not in this plan: the law changes first."}


def member_body(s):
    return {"name": "Elona Hoxha", "organisation_name": "Qendra për Shoqëri të Hapur",
            "organisation": "", "sector": "civil_society", "joined_on": "2026-01-10",
            "left_on": ""}


def forum_decision_body(s):
    return {"kind": "general", "decided_on": "2026-02-01", "meeting": "",
            "title_sq": "Rregullorja e forumit", "title_en": "The forum's rules",
            "text_sq": "", "text_en": "Adopted."}


ROUTES = {
    "assessment:decisions GET": Spec(plan),
    "assessment:decide GET": Spec(on("awaiting_idea")),
    "assessment:decide POST": Spec(on("awaiting_idea"), data=decision_body),
    "assessment:forum GET": Spec(plan),
    "assessment:forum_member_add GET": Spec(plan),
    "assessment:forum_member_add POST": Spec(plan, data=member_body),
    "assessment:forum_member_edit GET": Spec(on("forum_member")),
    "assessment:forum_member_edit POST": Spec(on("forum_member"), data=lambda s: {
        **member_body(s), "name": "Arben Krasniqi", "sector": "government",
        "joined_on": "2020-01-15"}),
    "assessment:forum_member_end POST": Spec(on("forum_member"), data=lambda s: {}),
    "assessment:forum_decision_add GET": Spec(plan),
    "assessment:forum_decision_add POST": Spec(plan, data=forum_decision_body),
    "drafting:cocreation_report GET": Spec(plan),
    "exports:cocreation_report_docx GET": Spec(plan),
    "exports:cocreation_report_csv GET": Spec(plan),
    "GET /api/v1/plans/{slug}/decisions": Spec(plan),
    "GET /api/v1/ideas/{idea_id}/decision": Spec(idea("decided_idea")),
    "POST /api/v1/ideas/{idea_id}/decision": Spec(idea("awaiting_idea"), json=True, data=lambda s: {
        "kind": "not_included", "response_en": "Outside the plan's scope.",
        "expected_version": 0}),
    "GET /api/v1/plans/{slug}/forum": Spec(plan),
    "GET /api/v1/plans/{slug}/export/co-creation-report.docx": Spec(plan, query="lang=en"),
}
