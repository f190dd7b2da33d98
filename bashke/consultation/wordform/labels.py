"""The text of the Word form, in Albanian and English.

The Word document is the user's document: whichever language the site is shown in, the
form is written in the language asked for, and the parser knows the questions of both so
that a form filled in either language is read. The wording follows the seed's "Stakeholder
Input" form.
"""

from bashke.consultation.models.ideas import ANSWER_FIELDS, OGP_VALUES

FORM_VERSION = 1
# Written to the document's core properties, so a returned form says what it is.
FORM_CATEGORY = "bashke-idea-form"
FORM_IDENTIFIER = "bashke-idea-form/{version}/{slug}/{language}"

VALUE_KEYS = [f"improves_{prefix}" for prefix, _label in OGP_VALUES]
TEXT_KEYS = ["title", *ANSWER_FIELDS]
# The questions a form is expected to answer; what is missing is flagged for confirmation.
FLAGGED_KEYS = ["title", "component", *ANSWER_FIELDS, *VALUE_KEYS, "other_agencies",
                "publish_name"]
# Question number → answer key ("6" introduces the four yes/no items, 6.1 to 6.4).
NUMBERED = {str(n): key for n, key in enumerate(ANSWER_FIELDS, start=1)}
NUMBERED.update({"6": "ogp", "7": "other_agencies"})
NUMBERED.update({f"6.{n}": key for n, key in enumerate(VALUE_KEYS, start=1)})

TEXT = {
    "sq": {
        "form_title": "Formular për paraqitjen e një ideje",
        "intro": "Shkruani përgjigjet në kolonën e djathtë; mund të shtoni sa rreshta të "
                 "doni. Kur ta keni plotësuar, ngarkojeni në Bashkë ose dërgojeni me e-mail "
                 "te koordinatori i planit.",
        "tick": "Për të zgjedhur një opsion, zëvendësoni ☐ me X (ose me ☒).",
        "guidance": "Kini parasysh:",
        "guidance_items": [
            ("Problemi", "Cilin problem social, ekonomik, politik apo mjedisor adreson "
                         "ideja?"),
            ("Objektivi", "Cilat janë objektivat e saj dhe si ndihmojnë ato në zgjidhjen ose "
                          "përmirësimin e problemit?"),
            ("Zgjidhja", "Çfarë aktivitetesh propozon ajo dhe si do të kontribuonin ato në "
                         "arritjen e objektivit?"),
            ("Ndikimi", "Nëse zbatohet plotësisht siç është shkruar, çfarë efekti do të "
                        "kishte mbi problemin; çfarë do të arrihej me secilin aktivitet?"),
        ],
        "about": "Rreth idesë",
        "sender": "Kush e dërgon",
        "questions": "Pyetjet",
        "col_question": "Pyetja",
        "col_answer": "Përgjigja juaj",
        "title": "Titulli i idesë",
        "goal": "Qëllimi i politikës",
        "goal_prompt": "Zgjidhni një qëllim.",
        "component": "Komponenti",
        "component_prompt": "Zgjidhni një komponent.",
        "language": "Gjuha në të cilën është shkruar",
        "language_options": {"sq": "Shqip", "en": "Anglisht"},
        "submitter_name": "Emri dhe mbiemri",
        "organisation": "Organizata (nëse e dërgoni në emër të saj)",
        "publish_name": "Pëlqimi: a pranoni që emri juaj (ose i organizatës) të publikohet "
                        "bashkë me idenë?",
        "publish_prompt": "Pa pëlqimin tuaj ideja publikohet pa emër. Adresa e e-mailit nuk "
                          "publikohet kurrë.",
        "yes": "Po",
        "no": "Jo",
        "overall_idea": "Përshkruani idenë në përgjithësi.",
        "problem": "Cili është problemi që do të adresojë ideja?",
        "solution": "Si do të ndihmojë ideja në zgjidhjen e problemit?",
        "objective_impact": "Objektivi kryesor i idesë / cili do të ishte ndikimi nëse "
                            "zbatohet?",
        "beneficiaries": "Përfituesit kryesorë / kush përfiton?",
        "ogp": "A do ta përmirësonte ideja:",
        "improves_transparency": "Transparencën dhe aksesin në informacion?",
        "improves_transparency_prompt": "A do të publikonte më shumë informacion? A do të "
            "përmirësonte cilësinë e informacionit të publikuar? A do të përmirësonte "
            "aksesin e publikut në informacion? A do të mundësonte të drejtën për "
            "informim?",
        "improves_participation": "Pjesëmarrjen publike dhe qytetare?",
        "improves_participation_prompt": "A do të krijonte ose përmirësonte mundësitë apo "
            "aftësitë e publikut për të informuar ose ndikuar në vendimmarrje? A do të "
            "krijonte ose përmirësonte mjedisin mundësues për shoqërinë civile?",
        "improves_accountability": "Llogaridhënien e qeverisë?",
        "improves_accountability_prompt": "A do të krijonte ose përmirësonte rregulla, "
            "rregullore dhe mekanizma përmes të cilëve zyrtarët qeveritarë të japin "
            "llogari publikisht për veprimet e tyre?",
        "improves_technology": "Teknologjinë dhe inovacionin për transparencën dhe "
                               "llogaridhënien?",
        "improves_technology_prompt": "A do të përdorte mjete të reja ose inovative për të "
            "nxitur transparencën dhe llogaridhënien në politikat publike?",
        "explanation": "Shpjegim (opsional):",
        "other_agencies": "Cilat janë agjencitë kryesore që do ta zbatonin idenë "
                          "(ministri, OJF, etj.)?",
        "agencies_prompt": "Një për rresht.",
        "thanks": "Faleminderit!",
        "idea_heading": "Ideja nr. {number}: {title}",
        "hidden": "Kjo ide është fshehur nga një moderator. Arsyeja: {reason}",
        "submitted_by": "Dërguar nga: {name}",
    },
    "en": {
        "form_title": "Form for putting forward an idea",
        "intro": "Write your answers in the right-hand column; add as many lines as you "
                 "need. When it is filled in, upload it on Bashkë or send it by e-mail to the "
                 "plan's coordinator.",
        "tick": "To choose an option, replace ☐ with X (or with ☒).",
        "guidance": "Keep in mind:",
        "guidance_items": [
            ("Problem", "What social, economic, political or environmental problem does the "
                        "idea address?"),
            ("Objective", "What are its objectives and how do they help solve or improve the "
                          "problem?"),
            ("Solution", "What activities does it propose, and how would they contribute to "
                         "the objective?"),
            ("Impact", "If fully implemented as written, what effect would it have on the "
                       "problem; what would each milestone achieve?"),
        ],
        "about": "About the idea",
        "sender": "Who sends it",
        "questions": "The questions",
        "col_question": "Question",
        "col_answer": "Your answer",
        "title": "Title of the idea",
        "goal": "Policy goal",
        "goal_prompt": "Choose one goal.",
        "component": "Component",
        "component_prompt": "Choose one component.",
        "language": "Language it is written in",
        "language_options": {"sq": "Albanian", "en": "English"},
        "submitter_name": "Your name",
        "organisation": "Organisation (if you send it on its behalf)",
        "publish_name": "Consent: do you agree to your name (or your organisation's) being "
                        "published with the idea?",
        "publish_prompt": "Without your consent the idea is published without a name. Your "
                          "e-mail address is never published.",
        "yes": "Yes",
        "no": "No",
        "overall_idea": "Describe the overall idea.",
        "problem": "What is the problem the idea will address?",
        "solution": "How will the idea help solve the problem?",
        "objective_impact": "Main objective of the idea / what would be the impact of the "
                            "idea if implemented?",
        "beneficiaries": "Main beneficiaries / who benefits?",
        "ogp": "Would the idea improve:",
        "improves_transparency": "Transparency & access to information?",
        "improves_transparency_prompt": "Disclose more information? Improve the quality of "
            "information disclosed? Improve public access to information? Enable the right "
            "to information?",
        "improves_participation": "Public & civic participation?",
        "improves_participation_prompt": "Create or improve opportunities or capabilities "
            "for the public to inform or influence decisions? Create or improve the enabling "
            "environment for civil society?",
        "improves_accountability": "Government accountability?",
        "improves_accountability_prompt": "Create or improve rules, regulations and "
            "mechanisms to publicly hold government officials answerable for their actions?",
        "improves_technology": "Technology & innovation for transparency & accountability?",
        "improves_technology_prompt": "Use new or innovative means to promote transparency "
            "and accountability in public policy?",
        "explanation": "Explanation (optional):",
        "other_agencies": "What are the main agencies who would implement the idea "
                          "(ministries, NGOs, etc.)?",
        "agencies_prompt": "One per line.",
        "thanks": "Thank you!",
        "idea_heading": "Idea no. {number}: {title}",
        "hidden": "This idea was hidden by a moderator. Reason: {reason}",
        "submitted_by": "Sent by: {name}",
    },
}

# How each field's label may begin, in either language, folded (lower case, no
# diacritics). The first phrase that a label starts with decides, so the more specific
# come first (6.4 mentions transparency and accountability too; consent mentions a name).
LABEL_PHRASES = [
    ("improves_technology", ["teknologjine", "teknologji", "technology"]),
    ("improves_transparency", ["transparencen", "transparenca", "transparency"]),
    ("improves_participation", ["pjesemarrjen", "pjesemarrja", "public & civic",
                                "public and civic", "participation"]),
    ("improves_accountability", ["llogaridhenien", "llogaridhenia", "government account",
                                 "accountability"]),
    ("publish_name", ["pelqimi", "pelqim", "consent"]),
    ("overall_idea", ["pershkruani idene", "pershkruani", "describe the overall idea",
                      "describe the idea", "overall idea"]),
    ("problem", ["cili eshte problemi", "what is the problem", "problem the idea"]),
    ("solution", ["si do te ndihmoje ideja", "how will the idea help", "how the idea will"]),
    ("objective_impact", ["objektivi kryesor", "main objective", "objective of the idea"]),
    ("beneficiaries", ["perfituesit", "main beneficiaries", "beneficiaries", "who benefits"]),
    ("ogp", ["a do ta permiresonte ideja", "would the idea improve"]),
    ("other_agencies", ["cilat jane agjencite", "agjencite", "what are the main agencies",
                        "main agencies", "implementing agencies", "agencies"]),
    ("title", ["titulli i idese", "titulli", "title of the idea", "title"]),
    ("goal", ["qellimi i politikes", "policy goal", "qellimi", "goal"]),
    ("component", ["komponenti", "component"]),
    ("language", ["gjuha", "language"]),
    ("organisation", ["organizata", "organisation", "organization", "on behalf of"]),
    ("submitter_name", ["emri dhe mbiemri", "emri", "your name", "full name", "name"]),
]
# Keys that open a section of the form by their question text alone (no number needed).
QUESTION_KEYS = {"overall_idea", "problem", "solution", "objective_impact", "beneficiaries",
                 "ogp", "other_agencies"}

YES_WORDS = ["po", "yes"]
NO_WORDS = ["jo", "no"]
LANGUAGE_WORDS = {"sq": ["shqip", "albanian", "shqipe"], "en": ["anglisht", "english"]}


def text(language: str) -> dict:
    return TEXT[language if language in TEXT else "sq"]


def template_lines() -> list[str]:
    """Every fixed line of the form in both languages: what is not an answer."""
    lines = []
    for words in TEXT.values():
        for key, value in words.items():
            if key in {"idea_heading", "hidden", "submitted_by"}:
                continue
            if isinstance(value, str):
                lines.append(value)
            elif isinstance(value, dict):
                lines.extend(value.values())
            else:
                lines.extend(f"{name} — {body}" for name, body in value)
    return lines
