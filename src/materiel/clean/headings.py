"""Headings: short standalone lines, and Title-Case headings glued to the next sentence.

A glued heading looks like "Drone Deal Signals New Phase Ukrainian Minister Ivan Petrenko
announced a venture": a run of capitalised words much longer than a normal subject, then
the first lowercase word of the sentence.  The hard part is where the sentence's subject
starts inside the run; `glued_heading_end` accepts three shapes of subject and refuses the
rest, since splitting a normal sentence costs more than leaving a heading in place:

- an article or pronoun with at most two capitalised words after it ("The Polish defense");
- a title chain ("Ukrainian Defence Minister Ivan Petrenko"), from known title words;
- a single capitalised word ("Lithuania wants"), only after a long, plain heading.
"""

from __future__ import annotations

import re
from itertools import islice

from materiel.clean.lexicon import (
    COMPASS_WORDS,
    FUNCTION_WORDS,
    NON_HEADING_OPENERS,
    ORGANISATION_HEADS,
    SMALL_WORDS,
    SUBJECT_DETERMINERS,
    TITLE_MODIFIERS,
    TITLES,
)

# Nationalities and possessives that stand before a title: "Polish", "Ukraine's".
_NATIONALITY = re.compile(r"^(?:[A-Z][a-z]+(?:ian|ean|ese|ish|i|ic|ch|an)|[A-Z][\w-]*['’]s)$")
_BULLETS = frozenset(["-", "*", "•", "–", "—", "·", "▪", "►"])
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
_WORD = re.compile(r"\S+")

MAX_HEADING_WORDS = 15
MAX_SENTENCE_CASE_HEADING_WORDS = 12  # "Norway opens new missile plant" style
MIN_GLUED_WORDS = 4  # heading words before a subject of an accepted shape
MIN_GLUED_WORDS_BARE = 5  # heading words before a single-word subject
MAX_CAPITALISED_RUN = 20  # longer runs are lists of names, not a heading and a subject


def _core(token: str) -> str:
    return token.strip("\"'“”‘’()[],;:")


def _capitalised(token: str) -> bool:
    for char in token:
        if char.isalpha():
            return char.isupper()
        if char.isdigit():
            return True
    return False


def ends_sentence(text: str) -> bool:
    """True when `text` ends with terminal punctuation (closing quotes allowed)."""
    return _TERMINAL.search(text) is not None


def _is_title_case(tokens: list[str]) -> bool:
    words = [_core(token) for token in tokens if _core(token)]
    content = [word for word in words if word.lower() not in SMALL_WORDS]
    return bool(content) and all(_capitalised(word) for word in content)


def is_standalone_heading(line: str) -> bool:
    """A short line that is a heading, not a sentence: "Drone output", "Talks Resume In
    Geneva", "What Comes Next For The Alliance?"."""
    tokens = line.split()
    if not tokens or len(tokens) > MAX_HEADING_WORDS or not _capitalised(tokens[0]):
        return False
    if len(tokens) > MAX_SENTENCE_CASE_HEADING_WORDS and not _is_title_case(tokens):
        return False
    if tokens[0] in _BULLETS or line.endswith((":", ",", ";", "—", "–", "-")):
        return False
    if line.endswith("?"):
        return len(tokens) >= 2 and _is_title_case(tokens)
    if ends_sentence(line) or re.search(r"[.!?][\"'”’]?\s+[A-Z]", line):
        return False
    last = _core(tokens[-1]).lower()
    return last not in FUNCTION_WORDS and any(sum(c.isalpha() for c in t) >= 2 for t in tokens)


def glued_heading_end(line: str) -> int | None:
    """Offset in `line` where the sentence starts after a glued Title-Case heading, or None."""
    # Headings and subjects are short: the first words are all that matter.
    matches = list(islice(_WORD.finditer(line), MAX_CAPITALISED_RUN + 2))
    tokens = [match.group() for match in matches]
    question = _question_heading_end(tokens)
    if question is not None:
        return matches[question].start()
    run = _capitalised_run(tokens)
    if run is None or run > MAX_CAPITALISED_RUN:
        return None
    start = _subject_start(tokens, run)
    return None if start is None else matches[start].start()


def _question_heading_end(tokens: list[str]) -> int | None:
    """Index of the first token after a Title-Case question ("What Comes Next? Officials...")."""
    for index, token in enumerate(tokens[:MAX_HEADING_WORDS]):
        if token.endswith("?"):
            followed = index + 1 < len(tokens) and _capitalised(tokens[index + 1])
            if index >= 2 and followed and _is_title_case(tokens[: index + 1]):
                return index + 1
            return None
        if token.endswith((".", "!")) and not re.fullmatch(r"[A-Z]\.", token):
            return None
    return None


def _capitalised_run(tokens: list[str]) -> int | None:
    """Index of the first lowercase content word, when all words before it are capitalised
    (or small words); None when there is no such word or the run is cut by a sentence end."""
    for index, token in enumerate(tokens):
        core = _core(token)
        if token.startswith("("):
            return None
        if token.endswith((".", "!", "?")) and not _is_abbreviation(token):
            return None
        if not core or not any(char.isalnum() for char in core) or _capitalised(core):
            continue
        if core.lower() in SMALL_WORDS and core.islower():
            continue
        return index
    return None


def _is_abbreviation(token: str) -> bool:
    """Initials, "U.S." and title abbreviations ("Gen."): a period that ends no sentence."""
    core = _core(token)
    if core in TITLES or core in {"Jr.", "Sr.", "St."}:
        return True
    return re.fullmatch(r"(?:[A-Z]\.)+", core) is not None


def _subject_start(tokens: list[str], run: int) -> int | None:
    """Index where the sentence's subject starts inside the capitalised run, or None."""
    last = run - 1
    if last < 1:
        return None
    start = _determiner_start(tokens, run)
    if start is None:
        start = _title_chain_start(tokens, last)
    if start is not None:
        accepted = _heading_ok(tokens[:start], MIN_GLUED_WORDS) and _opens(tokens[start])
        return start if accepted else None
    # A bare one-word subject is the weakest shape: the heading must be long and plain
    # Title Case, since "Ann Lee and Bo | Roe said" looks just the same.
    subject = _core(tokens[last])
    if not subject[:1].isalpha() or subject.lower() in FUNCTION_WORDS:
        return None
    heading = tokens[:last]
    plain = all(_plain_word(token) for token in heading)
    if subject in ORGANISATION_HEADS or not plain or not _opens(tokens[last]):
        return None
    return last if _heading_ok(heading, MIN_GLUED_WORDS_BARE) else None


def _plain_word(token: str) -> bool:
    """A capitalised heading word without digits: no lowercase "and", no "F-16"."""
    core = _core(token)
    return not (core in SMALL_WORDS or any(char.isdigit() for char in core))


def _opens(token: str) -> bool:
    """A word that can open the sentence after a heading: no quote marks, no bullet."""
    return token[0] not in "\"“‘'("


def _determiner_start(tokens: list[str], run: int) -> int | None:
    """Index of "The"/"It"/... opening a subject of at most three words that ends at `run`."""
    for index in range(run - 1, max(0, run - 4), -1):
        if tokens[index] in SUBJECT_DETERMINERS:
            return index
    return None


def _title_chain_start(tokens: list[str], last: int) -> int | None:
    """Start of "[modifiers] Title [of X] Name Name" ending at `last`, or None."""
    title = None
    for index in range(last - 1, max(-1, last - 6), -1):
        core = _core(tokens[index])
        if core in TITLES:
            title = index
            break
        if not _capitalised(core) and core != "of":
            return None
    if title is None:
        return None
    names = [_core(token) for token in tokens[title + 1 : last + 1]]
    if names[:1] == ["of"]:
        names = names[2:]  # "Secretary of State Ann Lee"
    if not names or any(_is_office_word(name) for name in names):
        return None  # "General Staff" is an office, not a name
    start = title
    while start > 0 and last - start < 10:
        previous = _core(tokens[start - 1])
        if (previous in TITLE_MODIFIERS or previous in TITLES or _NATIONALITY.match(previous)
                or _compass_nationality(previous, _core(tokens[start]))):
            start -= 1
        else:
            break
    if start > 0 and tokens[start - 1] == "The":
        start -= 1
    return start


def _compass_nationality(word: str, following: str) -> bool:
    """ "South Korean President": a compass word right before a nationality; "Adam North",
    "Head West Defence Minister" are a surname and a heading's end."""
    return word in COMPASS_WORDS and bool(_NATIONALITY.match(following))


def _is_office_word(word: str) -> bool:
    return word in TITLES or word in TITLE_MODIFIERS or word in ORGANISATION_HEADS


def _heading_ok(tokens: list[str], min_words: int) -> bool:
    if len(tokens) < min_words or len(tokens) > MAX_HEADING_WORDS:
        return False
    first, last = tokens[0], _core(tokens[-1])
    if _core(first) in NON_HEADING_OPENERS or first in _BULLETS:
        return False
    if last.lower() in SMALL_WORDS or not any(char.isalnum() for char in last):
        return False
    return not any(token.endswith((",", ";")) for token in tokens)
