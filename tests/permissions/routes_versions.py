"""Requests for the matrix rows of the section on versions (docs/permissions-matrix.md)."""

from .bodies import pdf
from .routes import Spec, plan


def version(name):
    def kwargs(s):
        item = getattr(s, name)
        return {"slug": item.plan.slug, "number": item.number}
    return kwargs


def comment(s):
    return {"slug": s.plan.slug, "number": s.version.number, "comment": s.version_comment.pk}


def compare(s):
    return {"slug": s.plan.slug, "first": s.version.number, "second": s.frozen_version.number}


def comment_body(s):
    return {"row": s.version_row, "body": "Please name the institution.", "language": "en"}


def approval(s):
    return {"body": "Integrated Policy Management Group",
            "approved_on": s.version.comments_open_from.isoformat(), "decision_reference": "Nr. 12",
            "decision_document": pdf("decision.pdf")}


V1, V2 = version("version"), version("frozen_version")

ROUTES = {
    "drafting:versions GET": Spec(plan),
    "drafting:version_freeze GET": Spec(plan),
    "drafting:version_freeze POST": Spec(plan, data=lambda s: {"note": "Third draft"}),
    "drafting:version_compare GET": Spec(plan, query="a=1&b=2"),
    "drafting:version GET": Spec(V1),
    "drafting:version_comment POST": Spec(V1, data=comment_body),
    "drafting:version_comment_hide GET": Spec(comment),
    "drafting:version_comment_hide POST": Spec(comment, data=lambda s: {"reason": "Off topic."}),
    "drafting:version_publish GET": Spec(V2),
    "drafting:version_publish POST": Spec(V2, data=lambda s: {
        "opens": s.version.comments_open_from.isoformat(),
        "closes": s.version.comments_open_until.isoformat()}),
    "drafting:version_close POST": Spec(V1, data=lambda s: {}),
    "drafting:version_endorsement GET": Spec(V2),
    "drafting:version_endorsement POST": Spec(V2, data=lambda s: {
        "endorsement": s.endorsement.pk}),
    "drafting:version_approve GET": Spec(V2),
    "drafting:version_approve POST": Spec(V2, data=approval),
    "drafting:version_document GET": Spec(version("approved_version")),
    "GET /api/v1/plans/{slug}/versions": Spec(plan),
    "GET /api/v1/plans/{slug}/versions/{number}": Spec(V1),
    "GET /api/v1/plans/{slug}/versions/{first}/compare/{second}": Spec(compare),
    "GET /api/v1/plans/{slug}/versions/{number}/comments": Spec(V1),
    "POST /api/v1/plans/{slug}/versions/{number}/comments": Spec(V1, json=True,
                                                                  data=comment_body),
}
