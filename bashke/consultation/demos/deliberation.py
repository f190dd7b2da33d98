"""Demo deliberation on the Shkodër plan's ideas: supports, a short discussion with a reply,
a comment hidden by the moderator with its public reason, and statements for the
prioritisation stage (voting opens with that stage, so the demo has no votes yet)."""

from bashke.accounts.models import User
from bashke.consultation.models import Comment, Idea, Statement, Support
from bashke.consultation.services import deliberation as services
from bashke.consultation.services import statements
from bashke.core.links import absolute
from bashke.plans.models import ActionPlan

SUPPORTS = {
    "Buxheti i bashkisë në gjuhë të thjeshtë": ["citizen", "moderator", "assessor"],
    "Buxhetim me pjesëmarrje për lagjet": ["ngo", "assessor"],
    "Publish every municipal contract": ["citizen"],
}
# (idea title, author key, body, language, reply to the comment with this body or None)
COMMENTS = [
    ("Buxheti i bashkisë në gjuhë të thjeshtë", "citizen",
     "Ide shumë e mirë. Do të ndihmonte sidomos nëse përmbledhja **krahason** buxhetin me "
     "vitin e kaluar.", "sq", None),
    ("Buxheti i bashkisë në gjuhë të thjeshtë", "ngo",
     "Faleminderit! Po, krahasimi me vitin e kaluar do të jetë pjesë e përmbledhjes. "
     "Shembull: https://openbudgets.eu", "sq",
     "Ide shumë e mirë. Do të ndihmonte sidomos nëse përmbledhja **krahason** buxhetin me "
     "vitin e kaluar."),
    ("Publish every municipal contract", "citizen",
     "Should the contracts be searchable by supplier too?\n\n- by supplier\n- by amount",
     "en", None),
    ("Buxhetim me pjesëmarrje për lagjet", "ngo",
     "FITONI PARA SHPEJT!!! Klikoni këtu: http://spam.example", "sq", None),
]
SPAM = "FITONI PARA SHPEJT!!! Klikoni këtu: http://spam.example"
STATEMENTS = [
    ("Buxheti i bashkisë duhet të publikohet edhe në gjuhë të thjeshtë.", "sq",
     "Buxheti i bashkisë në gjuhë të thjeshtë"),
    ("Banorët e lagjeve duhet të vendosin vetë për një pjesë të investimeve.", "sq",
     "Buxhetim me pjesëmarrje për lagjet"),
    ("Every contract the municipality signs should be online within ten days.", "en",
     "Publish every municipal contract"),
    ("Të rinjtë duhet të kenë një vend në mbledhjet e Këshillit Bashkiak.", "sq", None),
]


def load(out):
    plan = ActionPlan.objects.filter(slug__startswith="shkoder").order_by("number").first()
    if plan is None:
        return
    people = {email.split("@")[0]: user for email, user in (
        (u.email, u) for u in User.objects.filter(email__endswith="@bashke.example"))}
    ideas = {idea.title: idea for idea in Idea.objects.filter(plan=plan)}
    if not ideas or not {"citizen", "ngo", "moderator", "coordinator"} <= set(people):
        return
    added = 0
    for title, keys in SUPPORTS.items():
        for key in keys:
            idea = ideas.get(title)
            if idea and not Support.objects.filter(idea=idea, user=people[key]).exists():
                services.set_support(idea, actor=people[key], support=True)
                added += 1
    for title, key, body, language, reply_to in COMMENTS:
        idea = ideas.get(title)
        if idea is None or Comment.objects.filter(idea=idea, body=body).exists():
            continue
        parent = Comment.objects.filter(idea=idea, body=reply_to).first() if reply_to else None
        services.add_comment(idea, actor=people[key], body=body, language=language,
                             parent=parent)
        added += 1
    spam = Comment.objects.filter(idea__plan=plan, body=SPAM, hidden_at__isnull=True).first()
    if spam is not None:
        services.flag(spam, actor=people["citizen"], reason="spam")
        services.hide(spam, actor=people["moderator"],
                      reason="Reklamë që nuk ka lidhje me planin.")
    for text, language, title in STATEMENTS:
        if not Statement.objects.filter(plan=plan, text=text).exists():
            statements.add_statement(plan, actor=people["coordinator"], text=text,
                                   language=language, idea=ideas.get(title) if title else None)
            added += 1
    out.write(f"Demo deliberation: {added} supports, comments and statements on "
              f"{absolute(f'/sq/plans/{plan.slug}/ideas/')} and "
              f"{absolute(f'/sq/plans/{plan.slug}/statements/')}")
