"""Demo prioritisation on the Korçë plan: its ideas were gathered at meetings, and the
priority statements drawn from them are open for votes on the day the demo is loaded, with
the demo people's votes already in — so a visitor can vote and see the results at once."""

from bashke.accounts.models import User
from bashke.consultation.models import Channel, Idea, Statement, Vote
from bashke.consultation.services import ideas as idea_services
from bashke.consultation.services import statements
from bashke.core.links import absolute
from bashke.plans.models import ActionPlan, Component

# (component slug, title, overall idea, problem, language)
IDEAS = [
    ("open-data", "Regjistri i pronave të bashkisë online",
     "Të publikohet online regjistri i pronave të bashkisë, me qiratë dhe afatet e tyre.",
     "Banorët nuk dinë cilat prona publike jepen me qira dhe me çfarë kushtesh.", "sq"),
    ("open-data", "Open data on waste collection",
     "Publish the routes and schedule of waste collection as open data, updated weekly.",
     "Residents cannot tell when or whether their street is served.", "en"),
    ("public-hearings", "Dëgjesa publike para çdo vendimi për taksat vendore",
     "Çdo ndryshim i taksave vendore të kalojë në një dëgjesë publike të njoftuar dy javë "
     "përpara.", "Taksat ndryshojnë pa u diskutuar me banorët dhe bizneset.", "sq"),
]
# (text, language, idea title or None, votes by demo person: 1 agree, -1 disagree, 0 pass)
STATEMENTS = [
    ("Regjistri i pronave të bashkisë duhet të jetë online dhe i kërkueshëm.", "sq",
     "Regjistri i pronave të bashkisë online",
     {"citizen": 1, "ngo": 1, "assessor": 1, "reviewer": 0, "moderator": 1}),
    ("Waste collection schedules should be published as open data every week.", "en",
     "Open data on waste collection",
     {"citizen": 1, "ngo": 0, "assessor": -1, "reviewer": 1}),
    ("Çdo ndryshim i taksave vendore duhet të kalojë në dëgjesë publike.", "sq",
     "Dëgjesa publike para çdo vendimi për taksat vendore",
     {"citizen": 1, "ngo": 1, "assessor": 1, "moderator": -1}),
    ("Dëgjesat publike duhet të transmetohen drejtpërdrejt online.", "sq", None,
     {"citizen": 0, "ngo": 1, "reviewer": -1}),
]


def load(out):
    plan = ActionPlan.objects.filter(slug__startswith="korce").order_by("number").first()
    people = {user.email.split("@")[0]: user
              for user in User.objects.filter(email__endswith="@bashke.example")}
    if plan is None or "coordinator" not in people:
        return
    coordinator = people["coordinator"]
    ideas = {idea.title: idea for idea in Idea.objects.filter(plan=plan)}
    for component_slug, title, overall, problem, language in IDEAS:
        if title in ideas:
            continue
        component = Component.objects.get(goal__plan=plan, slug=component_slug)
        ideas[title] = idea_services.submit_idea(
            plan, actor=coordinator, channel=Channel.MEETING, recorded=True,
            answers={"title": title, "language": language, "component": component,
                     "overall_idea": overall, "problem": problem,
                     "submitter_name": "Takim konsultues në Korçë",
                     "improves_participation": True})
    votes = 0
    for text, language, title, votes_by in STATEMENTS:
        statement = Statement.objects.filter(plan=plan, text=text).first()
        if statement is None:
            statement = statements.add_statement(plan, actor=coordinator, text=text,
                                                 language=language,
                                                 idea=ideas.get(title) if title else None)
        for key, choice in votes_by.items():
            person = people.get(key)
            if person and not Vote.objects.filter(statement=statement, user=person).exists():
                statements.vote(statement, actor=person, choice=choice)
                votes += 1
    out.write(f"Demo prioritisation: {len(STATEMENTS)} statements open for votes, {votes} "
              f"votes added, on {absolute(f'/sq/plans/{plan.slug}/statements/')}")
