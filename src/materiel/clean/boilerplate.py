"""Line classifiers for the text around a news story: prompts, notices, credits.

Each classifier looks at one normalised line and answers whether the whole line is that
kind of boilerplate.  `boilerplate_reason` tries them in turn and returns the reason of
the first that matches.  They are written to miss rather than to remove a news sentence:
most require the line to be short, to start with the prompt, or to hold nothing but names.
Credits (contributors, agencies, bylines, photos) live in `credits`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from materiel.clean.credits import (
    is_byline,
    is_contributor_credit,
    is_photo_credit,
    is_source_line,
    is_wire_credit,
)
from materiel.wordlists import word_tuple

_I = re.IGNORECASE


def _word_count(line: str) -> int:
    return len(line.split())


# --- prompts --------------------------------------------------------------------------

_NEWSLETTER_START = re.compile(
    r"^(?:newsletter\b|sign[ -]?up\b|subscribe\b|register\b|get (?:our|the) [\w ’']*newsletter"
    r"|you[’']re reading an excerpt|skip past newsletter)",
    _I,
)
_IMPERATIVE_SIGNUP = re.compile(r"(?:^|[.!?•|]\s+)(?:sign[ -]?up|subscribe|register)\b", _I)


_NEWSLETTER_WORDS = word_tuple("clean/boilerplate", "newsletter_words")


def is_newsletter_prompt(line: str) -> bool:
    lower = line.lower()
    if not any(word in lower for word in _NEWSLETTER_WORDS):
        return False
    if _NEWSLETTER_START.search(line) or _IMPERATIVE_SIGNUP.search(line):
        return True
    # A short label naming a newsletter, not a sentence: "The Morning Brief: our newsletter".
    if line.endswith((".", "!", "?")) or _word_count(line) > 12:
        return False
    return re.search(r"\bnewsletter\b", line, _I) is not None


_SHARE = re.compile(
    r"^(?:share(?: this| on| via|$)|(?:follow|join) (?:us|our)\b|like us on|tweet this"
    r"|email this|print this|copy link)",
    _I,
)


def is_share_prompt(line: str) -> bool:
    return _SHARE.search(line) is not None and _word_count(line) <= 25


_PROMO = re.compile(
    r"^(?:click here\b|tap here\b|download (?:the|our) app\b|new:? you can now listen\b"
    r"|listen to this article\b|watch:|video:|video ad feedback\b|get the app\b)",
    _I,
)


def is_promo_link(line: str) -> bool:
    """App and video promotions: "CLICK HERE TO GET THE APP", "Ann Lee on the talks – video"."""
    if line.endswith(("– video", "- video", "— video")):
        return True
    return _PROMO.match(line) is not None and _word_count(line) <= 30


_RELATED = re.compile(
    r"^(?:read more|read also|also read|related(?: articles?| stories| coverage)?|see also"
    r"|more on this|more from|recommended|you (?:may|might) also like)\b\s*(?::|here|$|[-–—])",
    _I,
)


# Only the first "visit"/"see" after "for more ..." is tried: a link after a later one is
# after the first too, and trying each one rescanned the rest of the line (quadratic).
_MORE_ELSEWHERE = re.compile(
    r"^(?:other (?:topics|stories|articles) of interest\b"
    r"|for more (?:information|info|news|details)\b(?>.*?\b(?:visit|see|go to)\b)"
    r".*?(?:https?://|www\.)"
    r"|you can (?:read|watch|find) (?:more|our full|the full)\b)",
    _I,
)


def is_related_link(line: str) -> bool:
    if _MORE_ELSEWHERE.search(line):
        return True
    return _RELATED.search(line) is not None and _word_count(line) <= 25


_READER_PROMPT = re.compile(
    r"^(?:do you have an opinion on|have a (?:news )?tip\b|got a (?:news )?tip\b"
    r"|contact us at\b|if you would like to submit)",
    _I,
)


def is_reader_prompt(line: str) -> bool:
    return _READER_PROMPT.search(line) is not None


# --- notices --------------------------------------------------------------------------

_TAKEAWAYS = re.compile(
    r"^(?:key (?:takeaways|points|facts|findings)|takeaways|highlights|at a glance|in brief"
    r"|summary|tl;?dr|what you need to know|the big picture|in short|quick read)\s*:?$",
    _I,
)


def is_takeaways_header(line: str) -> bool:
    return _TAKEAWAYS.match(line) is not None


# "cookie" then a cookie word later on the same line; only the first "cookie" of each line
# is tried, as trying each one rescanned the rest of the line (quadratic).
_COOKIE = re.compile(
    r"(?m:^)(?>.*?\bcookies?\b)"
    r".*?\b(?:use|accept|consent|settings|preferences|policy|device|browser|site)\b"
    r"|\b(?:we need your consent|accept all|manage (?:your )?(?:consent|preferences)"
    r"|privacy (?:policy|settings)|consent to (?:load|the use))\b",
    _I,
)


def is_cookie_notice(line: str) -> bool:
    lower = line.lower()
    if not any(word in lower for word in ("cookie", "consent", "privacy", "accept all")):
        return False
    return _COOKIE.search(line) is not None and (
        _word_count(line) <= 80 and re.search(r"\b(?:we|you|your)\b", line, _I) is not None
    )


_PAYWALL = re.compile(
    r"\b(?:to continue reading|continue reading (?:this|the) article|already a subscriber"
    r"|subscribe (?:now )?to (?:read|continue|unlock|access)"
    r"|(?:for|available to) (?:paid )?subscribers only"
    r"|subscriber[- ]only|become a subscriber|log ?in to (?:read|continue)"
    r"|reached your (?:free )?(?:article|story) limit"
    r"|this (?:article|content) is (?:only )?available to"
    r"|premium (?:content|article)|unlock (?:this|full) (?:article|access))\b",
    _I,
)


_PAYWALL_WORDS = word_tuple("clean/boilerplate", "paywall_words")


def is_paywall_notice(line: str) -> bool:
    lower = line.lower()
    if not any(word in lower for word in _PAYWALL_WORDS):
        return False
    return _PAYWALL.search(line) is not None and _word_count(line) <= 60


_ADVERT = re.compile(
    r"^(?:advertisement|advert|sponsored(?: content)?|ad|story continues below(?: advertisement)?"
    r"|article continues below|continue reading below|scroll to continue(?: with content)?)\s*:?$",
    _I,
)


def is_advertisement(line: str) -> bool:
    return _ADVERT.match(line) is not None


_DISCLAIMER = re.compile(
    r"^(?:(?:the )?(?:views|opinions) expressed (?:in this|are|here)"
    r"|reprinted (?:with|from)\b|republished (?:with|from)\b"
    r"|this article (?:was|is) (?:originally )?(?:published|republished)"
    r"|copyright\b|©|\(c\) \d{4}|all rights reserved)",
    _I,
)
_NO_REPUBLISHING = re.compile(
    r"\b(?:cannot|can ?not|may not|must not) be (?:re)?(?:published|produced|printed|distributed)"
    r"\b",
    _I,
)


def is_disclaimer(line: str) -> bool:
    """Opinion, reprint and copyright notices."""
    if _DISCLAIMER.match(line) or line.endswith("All rights reserved."):
        return _word_count(line) <= 50
    if "not be " not in line:
        return False
    return _NO_REPUBLISHING.search(line) is not None and _word_count(line) <= 30


_TRAILING_DISCLAIMER = re.compile(r"(?<=[.!?”\"])\s+(?:disclaimer|editor['’]s note)\s*:\s", _I)
MAX_TRAILING_NOTICE_WORDS = 150


def trailing_notice_start(line: str) -> int | None:
    """Where a disclaimer appended to the last paragraph starts ("... in May. Disclaimer:
    the views of guest writers are their own."), or None."""
    if "isclaimer" not in line and "ote" not in line:
        return None
    match = _TRAILING_DISCLAIMER.search(line)
    if match is None or _word_count(line[match.end() :]) > MAX_TRAILING_NOTICE_WORDS:
        return None
    return match.start()


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def is_markup_residue(line: str) -> bool:
    """HTML left-overs and lines with (almost) no letters: "<!-- -->", "* * *", "– – –"."""
    if line.startswith("<") and line.endswith(">"):
        return True
    if len(line) > 3:
        return _LETTER_OR_DIGIT.search(line) is None
    letters = sum(char.isalpha() for char in line)
    if letters == 0:
        return not any(char.isdigit() for char in line)
    return letters < 3 and len(line) <= 3


_OUTLET_DATELINE = re.compile(r"(?:[A-Z][\w.' ]{0,25}\s)?\(?[A-Z]{2,}+\)?\s*+[—–-]")


def is_outlet_dateline(line: str) -> bool:
    """An outlet's initials alone before a dash, on their own line: "Kyiv CNN —"."""
    return _OUTLET_DATELINE.fullmatch(line) is not None


def is_related_headline(line: str) -> bool:
    """An all-capitals headline of another story, as outlets drop them between paragraphs."""
    if not line.isupper() or line.endswith((".", ":")) or _word_count(line) < 6:
        return False
    return sum(char.isalpha() for char in line) >= 20


CLASSIFIERS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("markup residue", is_markup_residue),
    ("advertisement", is_advertisement),
    ("key takeaways header", is_takeaways_header),
    ("newsletter prompt", is_newsletter_prompt),
    ("share prompt", is_share_prompt),
    ("promo link", is_promo_link),
    ("related link", is_related_link),
    ("reader prompt", is_reader_prompt),
    ("cookie notice", is_cookie_notice),
    ("paywall notice", is_paywall_notice),
    ("contributor credit", is_contributor_credit),
    ("wire credit", is_wire_credit),
    ("source credit", is_source_line),
    ("byline", is_byline),
    ("photo credit", is_photo_credit),
    ("disclaimer", is_disclaimer),
    ("outlet dateline", is_outlet_dateline),
    ("related headline", is_related_headline),
)


# Every other classifier refuses lines this long, so long paragraphs skip them.
LONG_LINE_WORDS = 100
_ANY_LENGTH = (is_newsletter_prompt, is_promo_link, is_related_link, is_reader_prompt)
LONG_LINE_CLASSIFIERS = tuple(entry for entry in CLASSIFIERS if entry[1] in _ANY_LENGTH) + (
    ("related headline", is_related_headline),
)


def boilerplate_reason(line: str) -> str | None:
    """Why the whole (normalised, non-empty) `line` is boilerplate, or None if it is not."""
    long_line = len(line) > 5 * LONG_LINE_WORDS and _word_count(line) > LONG_LINE_WORDS
    for reason, classifier in LONG_LINE_CLASSIFIERS if long_line else CLASSIFIERS:
        if classifier(line):
            return reason
    return None
