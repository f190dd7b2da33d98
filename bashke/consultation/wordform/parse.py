"""Reads a returned idea form: ``parse_docx(file) -> ParsedForm``.

What people do to a Word form, and how it is read:
- answers in the answer cell, or typed under the question inside the question's cell;
- answers under a question paragraph, when the table was turned into text or the person
  wrote their own document numbered "1.", "2)", "6.1", "Pyetja 3" (then a warning says it
  is not the form, so the confirmation is read with care);
- extra paragraphs, lists (kept as "- " lines), tables inside answers (" | " between
  cells), bold or coloured text (read as text);
- yes/no and other options marked with ☒ ☑ ✓ ✔ [x] X, or written as a word (see choices);
- the questions of either language's form, whatever the language of the site.

Nothing here reads the database: goal, component and agencies are returned as the text
written; ``bashke.consultation.services.wordform`` matches them to the plan.
"""

import re
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from bashke.consultation.models.ideas import OGP_VALUES, fold
from bashke.consultation.wordform import choices, docxml, labels, safety

ALL_QUESTION_TEXTS = {
    key: [fold(labels.TEXT[lang][key]) for lang in labels.TEXT]
    for key in [*labels.NUMBERED.values(), "title", "goal", "component", "language",
                "organisation", "submitter_name", "publish_name"]}
TEMPLATE_LINES = {fold(line).strip(" .:?") for line in labels.template_lines()} - {
    fold(word) for lang in labels.TEXT for word in (labels.TEXT[lang]["yes"],
                                                     labels.TEXT[lang]["no"])}
EXPLANATION_LABELS = [*(fold(labels.TEXT[lang]["explanation"]).rstrip(":")
                        for lang in labels.TEXT), "shpjegimi", "shpjegim", "explanation"]
LABEL_KEYS = {"title", "goal", "component", "language", "organisation", "submitter_name",
              "publish_name"}
Q6_FAMILY = {"ogp", *labels.VALUE_KEYS}
KEY_NUMBER = {key: int(number[0]) for number, key in labels.NUMBERED.items()}
YES_NO = {True: labels.YES_WORDS, False: labels.NO_WORDS}

_SUB_NUMBER = re.compile(
    r"^\s*(?:(?:pyetja|question|q)\s*)?6\s*(?:[.,]\s*([1-4])|\s*\(?([a-d])\))[.):]?(?:\s+|$)",
    re.IGNORECASE)
_NUMBER = re.compile(r"^\s*(?:(?:pyetja|question|q)\s*([1-7])\b|([1-7])\s*[.)])[.):]?(?:\s+|$)",
                     re.IGNORECASE)
_LETTER = re.compile(r"^\s*\(?([a-d])[).]\s+", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-•*▪–·o]|\d{1,2}[.)])\s+")


@dataclass
class ParsedForm:
    answers: dict = field(default_factory=dict)
    agency_names: list = field(default_factory=list)
    unanswered: list = field(default_factory=list)
    warnings: list = field(default_factory=list)   # [{"code": …, "field": …, "text": …}]
    template: dict | None = None                    # {"version", "plan", "language"}
    source: str = "template"                        # or "other": not our form

    def to_json(self) -> dict:
        return asdict(self)


def parse_docx(uploaded) -> ParsedForm:
    """Reads the file's answers, or raises ValidationError saying why it cannot."""
    document = safety.open_document(uploaded)
    reader = _Reader()
    reader.feed(docxml.read_body(document.element.body))
    return reader.result(_identity(document.core_properties), safety.file_name(uploaded))


def _identity(properties) -> dict | None:
    parts = (properties.identifier or "").split("/")
    if len(parts) != 4 or parts[0] != labels.FORM_CATEGORY:
        return None
    version, slug, language = parts[1:]
    return {"version": int(version) if version.isdigit() else 0, "plan": slug,
            "language": language if language in labels.TEXT else ""}


def _cut(original: str, folded_prefix: str) -> str:
    """The original text after the characters that fold to ``folded_prefix``."""
    for end in range(len(folded_prefix), len(original) + 1):
        if len(fold(original[:end])) >= len(folded_prefix):
            return original[end:]
    return ""


def _strip_question(text: str, key: str) -> str:
    """What follows the question's own words on the line where the question is."""
    folded = fold(text)
    for question in sorted(ALL_QUESTION_TEXTS.get(key, []), key=len, reverse=True):
        question = question.rstrip(" .:?")
        if question and folded.startswith(question):
            text = _cut(text, question)
            break
    else:
        for mark in "?:":
            head, found, tail = text.partition(mark)
            if found and len(head) < 250 and _phrase_key(fold(head)) == key:
                text = tail
                break
        else:
            if _phrase_key(folded) == key and len(folded) < 120:
                return ""
    return text.strip().lstrip(" \t.:?-–—").strip()


def _label_rest(text: str, key: str):
    """What follows a field's label ("Title: …", "Pëlqimi: a pranoni …? Po"), or None when
    the line does not read as that label."""
    folded = fold(text)
    for label in sorted(ALL_QUESTION_TEXTS[key], key=len, reverse=True):
        label = label.rstrip(" .:?")
        if folded.startswith(label):
            return _cut(text, label).strip().lstrip(" \t.:?-–—").strip()
    head, colon, tail = text.partition(":")
    if colon and len(head) <= 60 and _phrase_key(fold(head)) == key:
        return tail.strip()
    return None


def _phrase_key(folded: str):
    for key, phrases in labels.LABEL_PHRASES:
        if any(folded.startswith(phrase) for phrase in phrases):
            return key
    return None


class _Reader:
    def __init__(self):
        self.sections: dict[str, list[str]] = {}
        self.current = None
        self.current_number = 0
        self.rows = 0

    # Walking the document ------------------------------------------------------------

    def feed(self, blocks):
        for block in blocks:
            if isinstance(block, docxml.Line):
                self.line(block)
            else:
                self.table(block)

    def table(self, table):
        for row in table.rows:
            if len(row) >= 2 and self.row(row):
                continue
            for cell in row:
                self.feed(cell)

    def row(self, cells) -> bool:
        left = docxml.lines_of(cells[0])
        texts = [line.text.strip() for line in left]
        first = next((i for i, t in enumerate(texts) if t), None)
        if first is None:
            return False
        key, rest = self.identify(texts[first], in_cell=True)
        if key is None:
            return False
        self.rows += 1
        answer = [rest] if rest else []
        for line in left[first + 1:] + [ln for cell in cells[1:] for ln in docxml.lines_of(cell)]:
            if not self.is_template(line.text):
                answer.append(self.render(line))
        self.add(key, answer)
        self.current = None
        return True

    def line(self, line):
        text = line.text.strip()
        if not text:
            if self.current:
                self.add(self.current, [""])
            return
        if self.is_template(text):
            return
        key, rest = self.identify(text, in_cell=False)
        if key is not None:
            self.current = key
            if rest:
                self.add(key, [rest])
            return
        if self.current:
            self.add(self.current, [self.render(line)])

    def add(self, key, lines):
        self.sections.setdefault(key, []).extend(lines)

    @staticmethod
    def render(line) -> str:
        text = line.text.strip()
        if line.listed and text and not _BULLET.match(text):
            return f"- {text}"
        return text

    @staticmethod
    def is_template(text) -> bool:
        return fold(text).strip(" .:?") in TEMPLATE_LINES

    # Which question a line opens ---------------------------------------------------------

    def identify(self, text, *, in_cell):
        """(key, what follows the question on its line) if the line opens a question or
        field, else (None, None)."""
        numbered = self._by_number(text, in_cell)
        if numbered:
            key, rest = numbered
            return key, _strip_question(rest, key)
        if self.current in Q6_FAMILY:
            letter = _LETTER.match(text)
            if letter:
                key = labels.VALUE_KEYS["abcd".index(letter.group(1).lower())]
                return key, _strip_question(text[letter.end():], key)
        key = _phrase_key(fold(text))
        if key is None:
            return None, None
        if key in LABEL_KEYS:
            rest = _label_rest(text, key)
            if rest is None:
                return (key, "") if in_cell else (None, None)
            return key, rest
        if key in labels.VALUE_KEYS and not (in_cell or self.current in Q6_FAMILY):
            return None, None
        self.current_number = max(self.current_number, KEY_NUMBER.get(key, 0))
        return key, _strip_question(text, key)

    def _by_number(self, text, in_cell):
        sub = _SUB_NUMBER.match(text)
        if sub:
            number = sub.group(1) or str("abcd".index(sub.group(2).lower()) + 1)
            self.current_number = 6
            return labels.NUMBERED[f"6.{number}"], text[sub.end():]
        match = _NUMBER.match(text)
        if not match:
            return None
        number = int(match.group(1) or match.group(2))
        rest = text[match.end():]
        key = labels.NUMBERED[str(number)]
        # A typed "1." inside an answer is a list, not question 1 again: outside the form's
        # cells a number opens a question only if it moves forward or names the question.
        named = _phrase_key(fold(rest)) == key
        if not in_cell and number <= self.current_number and not named:
            return None
        self.current_number = max(self.current_number, number)
        return key, rest

    # What was read -----------------------------------------------------------------------

    def result(self, template, name) -> ParsedForm:
        form = ParsedForm(template=template)
        sections = {key: _trim(lines) for key, lines in self.sections.items()}
        answers = form.answers
        for key in labels.TEXT_KEYS:
            answers[key] = "\n".join(sections.get(key, []))
        answers["title"] = " ".join(answers["title"].split())
        self._values(sections, form)
        self._agencies(sections.get("other_agencies", []), form)
        for key in ("goal", "component"):
            ticked, typed = choices.ticked_lines(sections.get(key, []))
            if len(ticked) > 1:
                form.warnings.append({"code": "several_ticked", "field": key})
            answers[key] = (ticked or [" ".join(typed)])[0].strip()
        language, _conflict, _rest, _boxes = choices.read_choice(sections.get("language", []),
                                                         labels.LANGUAGE_WORDS)
        if language is None:
            language = _guess_language(answers, template)
            form.warnings.append({"code": "language_guessed", "field": "language",
                                  "text": language})
        answers["language"] = language
        consent, conflict, _rest, _boxes = choices.read_choice(
            sections.get("publish_name", []), YES_NO)
        if conflict:
            form.warnings.append({"code": "both_ticked", "field": "publish_name"})
        answers["publish_name"] = consent
        answers["submitter_name"] = " ".join(" ".join(sections.get("submitter_name", [])).split())
        answers["organisation"] = " ".join(" ".join(sections.get("organisation", [])).split())

        form.source = "template" if template or self.rows >= 3 else "other"
        if form.source == "other":
            form.warnings.insert(0, {"code": "not_template"})
        elif template and template["version"] > labels.FORM_VERSION:
            form.warnings.insert(0, {"code": "newer_version"})
        form.unanswered = [key for key in labels.FLAGGED_KEYS if _empty(key, answers)]
        if all(_empty(key, answers) for key in labels.FLAGGED_KEYS if key != "publish_name"):
            raise ValidationError(_(
                "%(name)s holds no answers that could be read. Fill in the idea form (download "
                "it from this page) or number your answers as the form's questions are "
                "numbered.")
                % {"name": name}, code="empty")
        return form

    def _values(self, sections, form):
        answers = form.answers
        for key, (prefix, _label) in zip(labels.VALUE_KEYS, OGP_VALUES, strict=True):
            lines = sections.get(key, [])
            split = next((i for i, line in enumerate(lines)
                          if _strip_explanation_label(line) != line), len(lines))
            before = lines[:split]
            after = [_strip_explanation_label(line) for line in lines[split:split + 1]]
            after += lines[split + 1:]
            value, conflict, rest, boxes = choices.read_choice(before, YES_NO)
            if value is None and not conflict and not boxes:
                # No options line left unticked above the explanation: a "Po" written
                # below it is the answer.
                value, conflict, after, _boxes = choices.read_choice(after, YES_NO)
            rest += after
            if conflict:
                form.warnings.append({"code": "both_ticked", "field": key})
            answers[key] = value
            answers[f"{prefix}_explanation"] = "\n".join(_trim(rest))
        loose = [line for line in _trim(sections.get("ogp", [])) if line]
        if not loose:
            return
        # "6." answered as four lines of yes/no, in the form's order.
        read = [choices.read_choice([line], YES_NO) for line in loose]
        if (len(loose) == len(labels.VALUE_KEYS)
                and all(value is not None for value, _c, _r, _b in read)
                and all(answers[key] is None for key in labels.VALUE_KEYS)):
            for key, (prefix, _l), (value, _c, rest, _b) in zip(labels.VALUE_KEYS, OGP_VALUES,
                                                                 read, strict=True):
                answers[key] = value
                answers[f"{prefix}_explanation"] = "\n".join(rest)
            return
        form.warnings.append({"code": "ogp_unassigned", "field": "ogp",
                              "text": " ".join(loose)[:500]})

    @staticmethod
    def _agencies(lines, form):
        names = []
        for line in lines:
            for part in re.split(r"[;,\n]", line):
                part = _BULLET.sub("", part).strip(" .")
                if part and part not in names:
                    names.append(part)
        form.agency_names = names
        form.answers["other_agencies"] = "; ".join(names)


def _strip_explanation_label(line: str) -> str:
    folded = fold(line)
    for label in EXPLANATION_LABELS:
        if folded.startswith(label) and folded[len(label):].lstrip()[:1] in (":", ""):
            return _cut(line, label).lstrip(" :")
    return line


def _trim(lines: list[str]) -> list[str]:
    """Drops blank lines at either end and runs of blank lines inside."""
    result = []
    for line in lines:
        if not line and (not result or not result[-1]):
            continue
        result.append(line)
    while result and not result[-1]:
        result.pop()
    return result


def _empty(key, answers) -> bool:
    if key == "component":
        return not answers.get("goal") and not answers.get("component")
    value = answers.get(key)
    return value is None or value == ""


def _guess_language(answers, template) -> str:
    text = " " + fold(" ".join(str(answers.get(k) or "") for k in labels.TEXT_KEYS)) + " "
    albanian = sum(text.count(w) for w in (" dhe ", " te ", " per ", " ne ", " nje ", " se "))
    albanian += sum(" ".join(str(answers.get(k) or "") for k in labels.TEXT_KEYS).count(c)
                    for c in "ëçËÇ")
    english = sum(text.count(w) for w in (" the ", " and ", " of ", " to ", " is ", " for "))
    if albanian == english:
        return (template or {}).get("language") or "sq"
    return "sq" if albanian > english else "en"
