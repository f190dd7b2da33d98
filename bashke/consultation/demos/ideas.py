"""Demo ideas: the kind of input the seed's consultation gathered, for the local plan open
today and for Albania's 2020–2022 plan (recorded from e-mail and meetings)."""

from bashke.accounts.models import User
from bashke.consultation.models import Channel, Idea
from bashke.consultation.services import ideas as services
from bashke.plans.models import ActionPlan, Component, Institution

# (plan slug prefix, component slug, author e-mail or None, channel, language, title,
#  overall idea, problem, values the idea improves, agencies by acronym)
IDEAS = [
    ("shkoder", "open-budget", "ngo@bashke.example", Channel.ONLINE, "sq",
     "Buxheti i bashkisë në gjuhë të thjeshtë",
     "Të publikohet çdo vit një përmbledhje e buxhetit të bashkisë në gjuhë të thjeshtë, me "
     "grafikë, dhe të dhënat e plota në format të hapur.",
     "Qytetarët nuk e kuptojnë si shpenzohen taksat vendore; dokumenti i buxhetit ka qindra "
     "faqe.", {"transparency", "accountability"}, ["BSH"]),
    ("shkoder", "participatory-budgeting", "citizen@bashke.example", Channel.ONLINE, "sq",
     "Buxhetim me pjesëmarrje për lagjet",
     "Një pjesë e buxhetit të investimeve të vendoset nga banorët e çdo njësie "
     "administrative, me votim online dhe në takime.",
     "Investimet vendosen pa pyetur banorët e lagjeve periferike.",
     {"participation", "technology"}, ["BSH"]),
    ("shkoder", "procurement", "ngo@bashke.example", Channel.ONLINE, "en",
     "Publish every municipal contract",
     "Publish every contract the municipality signs, with its amendments and payments, on "
     "the municipality's website within ten days.",
     "Procurement notices are published, but the signed contracts are not.",
     {"transparency", "accountability"}, ["BSH"]),
    ("shkoder", "accessibility", None, Channel.PAPER, "sq",
     "Rampa dhe informacion në Braille në sportelin unik",
     "Sporteli unik i bashkisë të bëhet i aksesueshëm për personat me aftësi të kufizuara.",
     "Personat me aftësi të kufizuara nuk mund të hyjnë vetë në sportel.",
     {"participation"}, ["BSH", "RRSH"]),
    ("shkoder", "community-councils", "citizen@bashke.example", Channel.ONLINE, "sq",
     "Këshilli rinor të ketë një vend në mbledhjet e Këshillit Bashkiak",
     "Përfaqësuesit e këshillit rinor të ftohen dhe të flasin në mbledhjet e Këshillit "
     "Bashkiak për çështjet që prekin të rinjtë.",
     "Të rinjtë largohen nga qyteti dhe nuk dëgjohen në vendimmarrje.",
     {"participation", "accountability"}, ["BSH", "RRSH"]),
    ("albania-2020-2022", "beneficial-ownership", None, Channel.EMAIL, "sq",
     "Regjistri online i pronarëve përfitues",
     "Regjistri i pronarëve përfitues të jetë i hapur online dhe i kërkueshëm falas.",
     "Nuk dihet kush i zotëron realisht shoqëritë që fitojnë kontrata publike.",
     {"transparency", "accountability"}, ["MFE"]),
    ("albania-2020-2022", "online-services", None, Channel.MEETING, "sq",
     "Portal për vlerësimin e shërbimeve publike nga qytetarët",
     "Një portal ku qytetarët vlerësojnë dhe komentojnë çdo shërbim publik online.",
     "Institucionet nuk marrin reagime të strukturuara nga përdoruesit.",
     {"participation", "technology", "accountability"}, ["AKSHI", "ADISA"]),
]


def load(out):
    created = 0
    for prefix, component_slug, email, channel, language, title, overall, problem, values, \
            acronyms in IDEAS:
        plan = ActionPlan.objects.filter(slug__startswith=prefix).order_by("number").first()
        if plan is None or Idea.objects.filter(plan=plan, title=title).exists():
            continue
        component = Component.objects.get(goal__plan=plan, slug=component_slug)
        answers = {"title": title, "language": language, "component": component,
                   "overall_idea": overall, "problem": problem,
                   **{f"improves_{value}": True for value in values}}
        agencies = list(Institution.objects.filter(acronym__in=acronyms))
        author = User.objects.filter(email=email).first() if email else None
        if author is not None and services.idea_window(plan)[0] is not None:
            answers["publish_name"] = True
            services.submit_idea(plan, actor=author, answers=answers, agencies=agencies,
                                 channel=channel)
        else:
            coordinator = User.objects.get(email="coordinator@bashke.example")
            answers["submitter_name"] = "Demo"
            services.submit_idea(plan, actor=coordinator, answers=answers, agencies=agencies,
                                 channel=channel if channel != Channel.ONLINE else Channel.EMAIL,
                                 recorded=True)
        created += 1
    if created:
        out.write(f"Demo ideas: {created} created.")
