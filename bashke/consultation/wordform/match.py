"""Matching what a form says to the plan: "II.1", "Shërbimet publike" or "Public Services"
to a component; "AKSHI" or "Ministria e Drejtësisë" to an institution. Works on rows
already loaded, so matching costs no queries."""

import re

from bashke.consultation.models.ideas import fold

_CODE = re.compile(r"^\s*([IVXLC]+|\d{1,2})(?:\s*[.]\s*(\d{1,2}))?(?=[\s.):\-–—]|$)",
                   re.IGNORECASE)
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    token = token.upper()
    total = 0
    for index, letter in enumerate(token):
        value = ROMAN[letter]
        following = ROMAN[token[index + 1]] if index + 1 < len(token) else 0
        total += -value if value < following else value
    return total


def _clean(text: str) -> str:
    return " ".join(re.sub(r"[^\w&]+", " ", fold(text)).split())


def placement(goals, goal_text: str, component_text: str):
    """(goal, component) among ``goals`` (loaded PolicyGoals with their components) that
    the texts name, either of them None when nothing matches."""
    ordered = [(goal, list(goal.components.all())) for goal in goals]
    component = _component(ordered, component_text) or _component(ordered, goal_text,
                                                                   by_code_only=True)
    if component is not None:
        return component.goal if hasattr(component, "goal") else None, component
    return _goal(ordered, goal_text) or _goal(ordered, component_text), None


def _component(ordered, text, by_code_only=False):
    if not text:
        return None
    code = _CODE.match(text)
    if code and code.group(2):
        goal_number, index = _number(code.group(1)), int(code.group(2))
        for goal, components in ordered:
            if goal.number == goal_number and 1 <= index <= len(components):
                return components[index - 1]
    if by_code_only:
        return None
    wanted = _clean(_CODE.sub("", text) if code else text)
    if not wanted:
        return None
    for _goal_row, components in ordered:
        for component in components:
            titles = {_clean(component.title_sq), _clean(component.title_en)}
            if wanted in titles:
                return component
    for _goal_row, components in ordered:
        for component in components:
            titles = [_clean(component.title_sq), _clean(component.title_en)]
            if any(title and (title in wanted or wanted in title) for title in titles):
                return component
    return None


def _goal(ordered, text):
    if not text:
        return None
    code = _CODE.match(text)
    if code and not code.group(2):
        number = _number(code.group(1))
        for goal, _components in ordered:
            if goal.number == number:
                return goal
    wanted = _clean(_CODE.sub("", text) if code else text)
    if not wanted:
        return None
    for goal, _components in ordered:
        titles = [_clean(goal.title_sq), _clean(goal.title_en)]
        if wanted in titles or any(t and (t in wanted or wanted in t) for t in titles):
            return goal
    return None


def institutions(known, names):
    """(matched institutions, names that match none) for the agencies typed in question 7:
    by acronym, by either name, or "Name (ACRONYM)"."""
    by_key = {}
    for institution in known:
        for key in (institution.acronym, institution.name_sq, institution.name_en):
            if key:
                by_key.setdefault(_clean(key), institution)
    matched, unmatched = [], []
    for name in names:
        candidates = [name, *re.findall(r"\(([^)]+)\)", name), re.sub(r"\([^)]*\)", "", name)]
        found = next((by_key[_clean(c)] for c in candidates if _clean(c) in by_key), None)
        if found is None:
            unmatched.append(name)
        elif found not in matched:
            matched.append(found)
    return matched, unmatched


def organisation_matches(parsed_name: str, organisation) -> bool:
    """Whether the organisation a form names is the person's own (by name or acronym)."""
    if not parsed_name or organisation is None:
        return False
    wanted = fold(parsed_name).strip()
    return wanted in {fold(organisation.name).strip(), fold(organisation.acronym).strip()}
