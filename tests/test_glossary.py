"""One Albanian term for each thing, the polite form everywhere (issue 12).

The terms come from the glossary's "Interface terms" table
(docs/glossary-sq-en.md, a copy of ../shared/reference/glossary-sq-en.md; columns
English | Albanian | Not): every variant in
its "Not" column is looked for, as a whole word and with the usual Albanian endings, in the
Albanian catalogue, in every template under bashke/ and in the demo data. Adding a row to the
glossary is enough to have it checked. A second check keeps buttons, links and
instructions in the polite plural ("Ruani", not "Ruaj").
"""

import re
from pathlib import Path

import polib
import pytest

import bashke

PACKAGE = Path(bashke.__file__).parent
REPO = PACKAGE.parent
# The repository's copy is what the checks read (CI has no ../shared); the team's reference
# beside the repository, when present, must say the same (test below).
GLOSSARY = REPO / "docs" / "glossary-sq-en.md"
SHARED_GLOSSARY = REPO.parent / "shared" / "reference" / "glossary-sq-en.md"
CATALOGUE = PACKAGE / "locale" / "sq" / "LC_MESSAGES" / "django.po"
# Albanian written in Python outside the catalogue: the demo data and the Word form's text.
ALBANIAN_MODULES = sorted({*PACKAGE.glob("*/demo*.py"), *PACKAGE.glob("*/demos/*.py"),
                           PACKAGE / "plans" / "demo_data.py",
                           PACKAGE / "consultation" / "wordform" / "labels.py"})
TEMPLATES = sorted(path for path in PACKAGE.glob("**/templates/**/*")
                   if path.suffix in {".html", ".txt", ".xml"})

# Endings of Albanian nouns and adjectives (case, number, definiteness): "skicë" is also
# "skica", "skicën", "skicat"; "informacion përmbledhës" also "informacione përmbledhëse".
ENDINGS = ["", "ë", "a", "e", "i", "u", "n", "t", "s", "in", "it", "në", "ën", "ët", "at",
           "et", "ve", "ave", "eve", "ës", "së", "ja", "je", "sh", "ash", "esh", "ra", "ri",
           "rat", "rit", "ve"]
# What a variant's own ending may be, taken off before the endings above are tried.
STRIPPED = ["et", "at", "ët", "ja", "je", "ë", "e", "a", "i"]


def glossary_path():
    return GLOSSARY


def test_the_repository_copy_of_the_glossary_is_current():
    if not SHARED_GLOSSARY.exists():
        pytest.skip("no ../shared beside this clone (CI): the repository's copy stands alone")
    assert GLOSSARY.read_text(encoding="utf-8") == SHARED_GLOSSARY.read_text(encoding="utf-8"), (
        f"{SHARED_GLOSSARY} has changed: copy it to {GLOSSARY}")


def interface_terms():
    """[(english, albanian, [forbidden variants])] from the "Interface terms" table."""
    rows, inside = [], False
    for line in glossary_path().read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            inside = "interface terms" in line.lower()
            continue
        if not inside or not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 3 or set(cells[0]) <= {"-", " ", ":"} or cells[0].lower() == "english":
            continue
        variants = [v.strip(" *\"“”") for v in re.split(r"[,;]", cells[2]) if v.strip(" *")]
        rows.append((cells[0], cells[1], variants))
    return rows


def stem(word):
    for ending in STRIPPED:
        if word.lower().endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def word_pattern(word):
    # A word ending in -j is a verb in the first person ("kaloj", the vote "pass"): its
    # other forms are ordinary verbs ("të kalojë në"), so it is matched as written.
    if word.lower().endswith("j"):
        return re.escape(word)
    endings = "|".join(re.escape(e) for e in sorted(set(ENDINGS), key=len, reverse=True))
    return re.escape(stem(word)) + f"(?:{endings})"


def variant_pattern(variant):
    """A variant as a whole-word, case-insensitive pattern that also takes the endings."""
    words = [word_pattern(word) for word in variant.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def forbidden(*, albanian_only=False):
    """[(variant, pattern, the term to use)]; ``albanian_only`` leaves out variants that are
    English words (they are forbidden in Albanian, not in English templates and data)."""
    found = []
    for english, albanian, variants in interface_terms():
        english_words = {w.lower() for w in re.findall(r"\w+", english)}
        for variant in variants:
            if albanian_only and variant.lower() in english_words:
                continue
            found.append((variant, variant_pattern(variant), albanian))
    return found


def catalogue():
    return polib.pofile(str(CATALOGUE))


def albanian_strings():
    """(where, text) for every translated, non-fuzzy Albanian msgstr."""
    for entry in catalogue():
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        where = f"{CATALOGUE.relative_to(REPO)}:{entry.linenum} msgid {entry.msgid!r}"
        texts = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in texts:
            if text:
                yield where, text


def test_the_glossary_lists_forbidden_variants():
    terms = interface_terms()
    assert len(terms) >= 10, "the glossary's Interface terms table was not read"
    variants = {v.lower() for _e, _a, vs in terms for v in vs}
    assert {"deklaratë", "skicë", "dixhitale", "english"} <= variants


@pytest.mark.parametrize("variant, text", [
    ("deklaratë", "Deklaratat e shkurtra"), ("deklaratë", "Kjo deklaratë"),
    ("skicë", "u ruajt si skicë"), ("skicë", "Skica e takimit"),
    ("informacion përmbledhës", "Informacionet përmbledhëse"),
    ("institucionet drejtuese", "Institucioni drejtues"),
    ("qëllime politike", "Ende nuk ka qëllime politike."), ("kaloj", "Kaloj / nuk e di"),
    ("pikë referimi", "secila pikë referimi"), ("dixhitale", "Qeverisja Dixhitale"),
])
def test_a_variant_is_found_with_its_endings(variant, text):
    assert variant_pattern(variant).search(text)


@pytest.mark.parametrize("variant, text", [
    ("deklaratë", "deklarim i llojit të dokumentit"), ("skicë", "skicim"),
    ("kaloj", "Kaloni te përmbajtja"), ("dorëzuar", "Paraqitur"),
])
def test_a_variant_does_not_catch_other_words(variant, text):
    assert not variant_pattern(variant).search(text)


def test_no_forbidden_variant_in_the_albanian_catalogue():
    rules = forbidden()
    problems = [f"{where}: “{variant}” in {text!r} (use: {use})"
                for where, text in albanian_strings()
                for variant, pattern, use in rules if pattern.search(text)]
    assert not problems, "\n".join(problems)


def lines_of(paths):
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            yield f"{path.relative_to(REPO)}:{number}", line


@pytest.mark.parametrize("kind, paths", [("template", TEMPLATES),
                                         ("demo data", ALBANIAN_MODULES)])
def test_no_forbidden_variant_in_templates_or_demo_data(kind, paths):
    assert paths, f"no {kind} found"
    rules = forbidden(albanian_only=True)
    problems = [f"{where}: “{variant}” (use: {use})"
                for where, line in lines_of(paths)
                for variant, pattern, use in rules if pattern.search(line)]
    assert not problems, "\n".join(problems)


ENGLISH_NAMES = re.compile(r"(?<!\w)(English|Albanian)(?!\w)")
# "Anglisht"/"Shqip" start a label; in running text they are written in lower case.
CAPITALISED_MID_SENTENCE = re.compile(r"(?<![.!?:]\s)(?<!^)(?<![(“„\"])\b(Anglisht|Shqip)\b")


def test_albanian_names_the_languages_in_albanian():
    problems = [f"{where}: {text!r}" for where, text in albanian_strings()
                if ENGLISH_NAMES.search(text)]
    assert not problems, "English language names left in Albanian:\n" + "\n".join(problems)
    labels = {entry.msgid: entry.msgstr for entry in catalogue() if not entry.msgctxt}
    assert labels["English"] == "Anglisht" and labels["Albanian"] == "Shqip"


def test_language_names_are_lower_case_in_running_text():
    problems = [f"{where}: {text!r}" for where, text in albanian_strings()
                if CAPITALISED_MID_SENTENCE.search(text)]
    assert not problems, "Write “anglisht”/“shqip” inside a sentence:\n" + "\n".join(problems)


# Singular imperatives (and their forms with an object, "Fshihe"): buttons, links and
# instructions address people in the polite plural instead ("Ruani", "Fshihni", "Fshiheni").
SINGULAR_IMPERATIVES = """
Ruaj Ruaje Shto Shtoje Ndrysho Ndryshoje Kthehu Kthe Ktheje Fshih Fshihe Rikthe Rikthee
Riktheje Anulo Anuloje Regjistro Regjistroje Regjistrohu Publiko Publikoje Hiq Hiqe
Raporto Raportoje Shfaq Shfaqe Menaxho Menaxhoje Lexo Lexoje Propozo Propozoje Ngarko
Ngarkoje Ndalo Ndaloje Mbyll Mbylle Kërko Kërkoje Krijo Krijoje Konfirmo Konfirmoje Dërgo
Dërgoje Ndiq Ndiqe Filtro Rendit Ngjit Planifiko Planifikoje Mbaj Mbaje Lëre Tërhiq Tërhiqe
Mbështet Mirato Miratoje Refuzo Refuzoje Shkarko Shkarkoje Kalo Rihap Rihape Hidhe Përgjigju
Zgjidh Zgjidhe Shkruaj Shkruaje Jep Jepi Shiko Shikoje Hap Hape Kontrollo Kontrolloje Provo
Plotëso Plotësoje Shëno Shënoje Voto Komento Shpjego Bashkohu Hyr Dil Prit Kopjo Ngjite
""".split()
IMPERATIVE = re.compile(
    r"(?:^|[.:;!?—]\s+|^\d+(?:\.\d+)*\.?\s+)(?:Mos\s+(?:e\s+|i\s+|u\s+)?)?("
    + "|".join(sorted(SINGULAR_IMPERATIVES, key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE)


@pytest.mark.parametrize("text", ["Ruaj", "Fshihe këtë ide", "Mos e ndiq më",
                                  "Kthehu: mbaje takimin", "1. Shkarko formularin"])
def test_the_singular_imperative_is_recognised(text):
    assert IMPERATIVE.search(text)


@pytest.mark.parametrize("text", ["Ruani", "Fshiheni", "Mos e ndiqni më", "Kaloni te përmbajtja",
                                  "Rikthejini idetë", "Shfaqet pranë emrit"])
def test_the_polite_plural_passes(text):
    assert not IMPERATIVE.search(text)


def test_buttons_links_and_instructions_use_the_polite_plural():
    problems = [f"{where}: {text!r} starts with “{match.group(1)}”"
                for where, text in albanian_strings()
                for match in [IMPERATIVE.search(text)] if match]
    assert not problems, "Singular imperatives (use the polite plural):\n" + "\n".join(problems)


def test_djangos_own_messages_listed_for_the_catalogue_are_still_djangos():
    """bashke/core/django_messages.py lists Django's msgids so that ours replace them; a
    Django upgrade that rewords one would leave our translation unused."""
    import ast

    import django

    theirs = set()
    for po in Path(django.__file__).parent.glob("**/locale/sq/LC_MESSAGES/django.po"):
        theirs |= {entry.msgid for entry in polib.pofile(str(po))}
    module = ast.parse((PACKAGE / "core" / "django_messages.py").read_text(encoding="utf-8"))
    ours = [node.args[0].value for node in ast.walk(module) if isinstance(node, ast.Call)
            and getattr(node.func, "id", "") in {"gettext_noop", "ngettext_lazy"}]
    assert len(ours) >= 20
    missing = [msgid for msgid in ours if msgid not in theirs]
    assert not missing, f"no longer Django's messages: {missing}"
    translated = {entry.msgid for entry in catalogue().translated_entries()}
    assert not [m for m in ours if m not in translated], "translate them in our catalogue"
