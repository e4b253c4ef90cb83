"""Credit lines: contributors, news agencies, sources, bylines and photo credits.

Like the other boilerplate classifiers, each answers for one whole normalised line, and
most insist that what surrounds the credit word is nothing but names.
`source_credit_length` is the exception: it measures a credit that opens a line of text
("SOURCE: PTI The army said ...").
"""

from __future__ import annotations

import re

from materiel.clean.lexicon import NAME_CONNECTORS, WIRE_AGENCIES

_I = re.IGNORECASE
_TOKEN = re.compile(r"[^\s,;/]+")


def _word_count(line: str) -> int:
    return len(line.split())


def is_name_list(text: str) -> bool:
    """True when `text` holds only capitalised words (names, places, outlets) and connectors."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return False
    for token in tokens:
        word = token.strip("().:'’\"“”—–-")
        if not word or word[0].isupper() or word[0].isdigit():
            continue
        if word.lower() in NAME_CONNECTORS or word in {"'s", "’s"}:
            continue
        return False
    return True


# The names end at a non-space, so a long run of spaces is crossed once, not once per space.
_CONTRIBUTED = re.compile(
    r"^(?P<names>.*?\S)\s++(?:also\s++)?contributed"
    r"(?:\s++(?:reporting|to (?:this|the|his|her) (?:report|story|article)"
    r"|reporting to (?:this|the) (?:report|story)))*+\s*+\.?$",
    _I,
)
_CREDIT_START = re.compile(r"(?:additional\s+)?(?:reporting|writing|editing|research|compiled)\b")
_REPORTING_BY = re.compile(
    r"^(?:additional\s+)?(?:reporting|writing|editing|research|compiled)\s+(?:by|from)\s+"
    r"(?P<names>.+?)\.?$",
    _I,
)
_MORE_CREDITS = re.compile(r"[;|]\s*(?:editing|writing|additional reporting)\s+by\b", _I)
_TO_THIS_REPORT = re.compile(r"\bto (?:this|the|his|her) (?:report|story|article)", _I)
# A word holding a capital at a word boundary ("Lee", "O'Neil", "al-Masri"), then a capitalised
# word.  Tried once per word, not once per boundary inside it ("A'A'A'..." was quadratic).
_TWO_CAPITALISED = re.compile(r"(?<![\w’'.-])(?=[\w’'.-]*?\b[A-Z])[\w’'.-]++\s+[A-Z]")


def is_contributor_credit(line: str) -> bool:
    """ "Ann Lee in Kyiv and Bo Roe contributed.", "Reporting by Ann Lee; Editing by Bo Roe"."""
    line = line.strip()
    if line.startswith("(") and line.rstrip(".").endswith(")"):  # "(Reporting by ...)"
        line = line.rstrip(".")[1:-1].strip()
    lower = line.lower()
    if "contributed" not in lower and not _CREDIT_START.match(lower):
        return False
    if _word_count(line) > 45:
        return False
    match = _CONTRIBUTED.match(line)
    if match:
        names = match.group("names")
        # "to this report" is proof enough; otherwise demand a list of names, so that
        # "Several allies also contributed." stays.
        names_only = is_name_list(names)
        return names_only and bool(_TO_THIS_REPORT.search(line) or _TWO_CAPITALISED.search(names))
    match = _REPORTING_BY.match(line)
    if match:
        return is_name_list(_MORE_CREDITS.sub(",", match.group("names")))
    return False


_WIRE_PREFIX = re.compile(r"^(?:(?:sources?|with|from|via|credit)\s*:?\s*|[-–—]\s*)", _I)
# Spaces before a separator are taken from the start of their run only (or right after the
# previous separator): a long run of spaces was rescanned from each of its positions.
_WIRE_SPLIT = re.compile(
    r"(?:(?<!\s)\s*+|(?<=\s))(?:,|;|/|\band\b|&|\|)\s*+", _I
)


def is_wire_credit(line: str) -> bool:
    """A line naming only news agencies: "AP, Reuters", "(AFP)", "Source: Reuters"."""
    if len(line) > 100 or _word_count(line) > 10:
        return False
    body = _WIRE_PREFIX.sub("", line.strip().strip("()[].")).strip(" ().")
    names = [part.strip(" ().") for part in _WIRE_SPLIT.split(body) if part.strip(" ().")]
    return bool(names) and all(name.lower() in WIRE_AGENCIES for name in names)


_SOURCE_LINE = re.compile(r"^sources?\s*:\s*(?P<names>.+?)\.?$", _I)


def is_source_line(line: str) -> bool:
    """A line that only names the source: "Source: Example Radio"."""
    if len(line) > 100 or line[:6].lower() != "source":
        return False
    match = _SOURCE_LINE.match(line)
    return match is not None and _word_count(line) <= 8 and is_name_list(match.group("names"))


_SOURCE_PREFIX = re.compile(r"^SOURCE\s*:\s*")
_DOMAIN = re.compile(r"\b[\w-]+\.(?:ORG|COM|NET|IN|CO\.UK|org|com|net|in)\b\.?")
# "SOURCE: Example Radio of Ruritania The ministry said ...": a mixed-case name that
# runs up to the article or pronoun opening the sentence.
_NAMED_SOURCE = re.compile(
    r"(?P<name>[A-Z][\w’'&.-]*(?:\s+(?:[A-Z][\w’'&.-]*|of|the|and|for))*?)\s+(?=(?:The|A|An|It|In|On)\s)"
)
_CREDIT_SEPARATOR = re.compile(r"\s*/\s*|\s+")
_CAPS_TOKEN = re.compile(r"[A-Z0-9][A-Z0-9&.'’-]*")


def source_credit_length(line: str) -> int:
    """Length of a leading source credit such as "SOURCE: PTI " or "SOURCE: ANN LEE / NEWS
    DESK / EXAMPLE.ORG. ", spaces included; 0 when the line does not start with one."""
    head = _SOURCE_PREFIX.match(line)
    if not head:
        return 0
    position = head.end()
    domain = _DOMAIN.search(line, position, position + 120)
    named = _NAMED_SOURCE.match(line, position)
    if domain and ("/" in line[position : domain.start()] or domain.start() == position):
        end = domain.end()
    elif named:
        end = named.end("name")
    else:
        end = _caps_credit_end(line, position)
    if end == position:
        return 0
    while end < len(line) and line[end] == " ":
        end += 1
    return end


def _caps_credit_end(line: str, position: int) -> int:
    """End of a credit of capitalised tokens ("PTI", "ANN LEE / NEWS DESK") from `position`.

    A known agency ends it at once ("SOURCE: PTI US officials said"); otherwise up to six
    tokens are taken, less the last when a lowercase word or a bracket follows it
    ("SOURCE: XYZ HAL has", "SOURCE: XYZ HAL (the maker)").
    """
    ends: list[int] = []
    cursor = position
    while len(ends) < 6:
        match = _CAPS_TOKEN.match(line, cursor)
        if not match or (match.end() < len(line) and line[match.end()] not in " /"):
            break
        ends.append(match.end())
        separator = _CREDIT_SEPARATOR.match(line, match.end())
        if not separator:
            break
        if (
            len(ends) == 1
            and "/" not in separator.group()
            and match.group().lower() in WIRE_AGENCIES
        ):
            break
        cursor = separator.end()
    following = line[cursor : cursor + 1]
    if len(ends) > 1 and (following.islower() or following == "("):
        ends.pop()
    return ends[-1] if ends else position


_BYLINE = re.compile(r"^(?:by|story by|written by|posted by|words by)\s+(?P<names>.+)$", _I)
_RANKS = re.compile(
    r"\b(?:Sgt|Spc|Pfc|Pvt|Cpl|Lt|Capt|Maj|Col|Gen|Adm|Cmdr|Petty|Staff|Tech|Master)\b\.?"
)


def is_byline(line: str) -> bool:
    """A byline: "By Ann Lee", "Story by Sgt. Bo Roe, 1st Infantry Division"."""
    match = _BYLINE.match(line)
    if not match or _word_count(line) > 14 or line.rstrip().endswith(("?", "!")):
        return False
    names = match.group("names").rstrip(".")
    return is_name_list(_RANKS.sub("", names).replace("3rd", "3").replace("2nd", "2"))


_PHOTO_START = re.compile(
    r"^(?:view image in fullscreen\b|photo illustration\b|credit\s*:|image \d+ of \d+\b"
    r"|(?:cover |file |main |top |header )?(?:photo|photograph|image|picture|illustration|video)s?"
    r"(?: credit)?\s*:)",
    _I,
)
_PHOTO_END = re.compile(r"\b(?:photograph|photo|image|picture|credit)\s*:\s*[^.!?]{1,80}$", _I)
# "(Photo: AP)" at the end: looked for only after the last ")" but one.  The regex
# `\((?:photo|image|credit)[^)]*\)$` scanned to the next ")" from every "(photo".
_PHOTO_BRACKET = re.compile(r"\((?:photo|image|credit)", _I)


def _ends_with_photo_bracket(line: str) -> bool:
    body = line[:-1] if line.endswith("\n") else line  # "$" allows one final line break
    if not body.endswith(")"):
        return False
    inside = body.rfind(")", 0, len(body) - 1) + 1
    return _PHOTO_BRACKET.search(body, inside, len(body) - 1) is not None
# "Ann Lee/AFP via Getty Images", "(Bo Roe/Bloomberg/Getty Images)"
_AGENCY_PHOTO_END = re.compile(
    r"/(?:getty images|afp|reuters|ap|epa|epa-efe|shutterstock|pool|alamy|sipa|anadolu|bloomberg"
    r"|tass|sputnik|ukrinform)(?: via getty images)?\)?$",
    _I,
)


def is_photo_credit(line: str) -> bool:
    """A photo credit or a caption that ends with one ("... in Kyiv. Photograph: AP")."""
    if _PHOTO_START.search(line) and _word_count(line) <= 40:
        return True
    if _word_count(line) > 60:
        return False
    if "/" in line and _AGENCY_PHOTO_END.search(line):
        return True
    return ":" in line and (_PHOTO_END.search(line) is not None or _ends_with_photo_bracket(line))
