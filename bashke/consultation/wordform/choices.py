"""Reading which option someone chose, the ways people mark a choice in Word: a ticked box
(☒ ☑ ✓ ✔ [x]) next to the option while the others stay empty (☐ [ ]), an X typed before or
after it, or the option's word alone ("Po", "Yes", "Jo", "No"), maybe followed by why.
"""

import re

from bashke.consultation.models.ideas import fold

TICK, BOX = "☒", "☐"
TICKED_GLYPHS = "☒☑✓✔✗✘⊠⌧■▣●◉"
EMPTY_GLYPHS = "☐□▢○◯❏❑"
_BRACKET_TICKED = re.compile(r"[\[(]\s*[xX✓✔✗☒☑]\s*[\])]")
_BRACKET_EMPTY = re.compile(r"[\[(]\s{0,3}[\])]")
_LONE_X = re.compile(r"(?<![\w.])[xX](?![\w.])")
_SEPARATORS = re.compile(r"[\s.,:;!/|*=\-–—_]*")


def normalise_marks(text: str) -> str:
    """Every way of drawing a ticked box becomes ☒, an empty one ☐."""
    text = _BRACKET_TICKED.sub(TICK, text)
    text = _BRACKET_EMPTY.sub(BOX, text)
    return text.translate({ord(c): TICK for c in TICKED_GLYPHS}
                          | {ord(c): BOX for c in EMPTY_GLYPHS})


def _token_pattern(options: dict) -> re.Pattern:
    words = sorted({w for ws in options.values() for w in ws}, key=len, reverse=True)
    return re.compile(r"(☒|☐|(?<![\w.])x(?![\w.])|(?<!\w)(?:" + "|".join(map(re.escape, words))
                      + r")(?!\w))")


def leading_choice(text: str, options: dict):
    """Reads the options at the start of a line.

    Returns (values chosen, whether the line offered options, the rest of the line,
    whether it had boxes). The
    marks go with the option they stand next to, on the side where the line's first mark
    is: "☐ Po ☒ Jo" and "Po ☐ Jo ☒" both choose "Jo". A bare option word with no boxes is
    the choice itself ("Po, sepse …"), except an English "No" that starts a sentence.
    """
    original = normalise_marks(text)
    folded = fold(original)
    # fold() keeps one character per character for the letters used here, so positions in
    # the folded text are positions in the original.
    if len(folded) != len(original):
        folded = original.lower()
    pattern = _token_pattern(options)
    tokens, position = [], 0
    while True:
        gap = _SEPARATORS.match(folded, position)
        match = pattern.match(folded, gap.end())
        if not match:
            break
        tokens.append(match.group(0))
        position = match.end()
    rest = original[position:].strip()
    rest = rest[_SEPARATORS.match(rest).end():].strip()
    values = {word: value for value, words in options.items() for word in words}
    offered = [t for t in tokens if t in values]
    if not offered:
        return set(), False, text.strip(), False
    marks = [t for t in tokens if t not in values]
    ticked = [i for i, t in enumerate(tokens) if t in (TICK, "x")]
    chosen = set()
    if ticked:
        marks_first = tokens[0] not in values
        for index in ticked:
            after_word = index > 0 and tokens[index - 1] in values
            # "☐ Po X ☐ Jo": an X typed after a word, before the next option's box.
            if marks_first and not (after_word and tokens[index + 1:index + 2] == [BOX]):
                neighbours = tokens[index + 1:]
            else:
                neighbours = reversed(tokens[:index])
            target = next((t for t in neighbours if t in values), None)
            if target is not None:
                chosen.add(values[target])
    elif not marks and len({values[t] for t in offered}) == 1:
        lone = offered[0]
        # "No one publishes…" is a sentence, not an answer; "No." or "No, because" is.
        if lone == "no" and folded[position:position + 1].isspace() and rest[:1].isalpha():
            return set(), False, text.strip(), False
        chosen.add(values[lone])
    return chosen, True, rest, bool(marks)


def read_choice(lines: list[str], options: dict):
    """(chosen value or None, both-ways conflict, lines that are not the options, whether
    any line offered boxes to tick)."""
    chosen, remaining, boxes = set(), [], False
    for line in lines:
        values, offered, rest, marked = leading_choice(line, options)
        chosen |= values
        boxes = boxes or marked
        if offered:
            if rest:
                remaining.append(rest)
        else:
            remaining.append(line)
    if len(chosen) == 1:
        return next(iter(chosen)), False, remaining, boxes
    return None, len(chosen) > 1, remaining, boxes


def ticked_lines(lines: list[str]):
    """For lists of options one per line (goals, components): (ticked lines, typed
    lines). A line starting with ☐ and not ticked is an option nobody chose."""
    ticked, typed = [], []
    for line in lines:
        marked = normalise_marks(line).strip()
        if not marked:
            continue
        head, tail = marked[:2], marked[-2:]
        lone_x = _LONE_X.match(marked) or re.search(r"(?<![\w.])[xX]$", marked)
        if TICK in head or TICK in tail or lone_x:
            cleaned = _LONE_X.sub("", marked.replace(TICK, "").replace(BOX, "")).strip()
            ticked.append(cleaned.strip(" :-–—"))
        elif marked.startswith(BOX) or marked.endswith(BOX):
            continue
        else:
            typed.append(marked)
    return ticked, typed
