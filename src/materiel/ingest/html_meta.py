"""Tidy a page's title and author: no site name in the title ("Headline | Site"), and only
authors that read as a person's name."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

# Title parts are separated by a dash, bar, bullet, guillemet, slash or double colon with
# spaces around it; "Word-word" and "Headline: subhead" do not split.
_TITLE_SEPARATOR = re.compile(r"(?<!\s)\s++(?:[|–—·•»«~/-]|::)\s++")  # once per run of spaces
_DOMAIN = re.compile(r"^(?:www\.)?([\w-]+)\.[a-z]{2,6}(?:\.[a-z]{2})?$", re.I)
_NON_ALNUM = re.compile(r"[\W_]+")
# A title with no known site name loses a last " | part" this short.
_MAX_UNNAMED_SITE_WORDS = 4
_MIN_KEY = 4  # shorter site names match only exactly
_MAX_EXTRA_WORDS = 2

_DESCRIPTION_XPATH = (
    "//meta[@name='description' or @property='og:description' or @name='twitter:description'"
    " or @property='twitter:description']/@content"
)
_HEADLINE_XPATH = (
    "//head//title|//meta[@property='og:title' or @name='twitter:title']/@content|//h1"
)
_SITE_NAME_XPATH = (
    "//meta[@property='og:site_name' or @name='application-name' or @name='twitter:site'"
    " or @name='publisher' or @property='og:publisher']/@content"
)


def _key(text: str) -> str:
    return _NON_ALNUM.sub("", text.casefold())


def hostname(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:  # "http://[bad" and the like
        return None


def site_names(tree: Any, *known: str | None) -> list[str]:
    """The page's site names: `known` ones (outlet, host, URL) and those in its meta tags,
    each with its bare domain name ("Chefkoch.de" -> "Chefkoch") added."""
    names: list[str] = []
    for name in [*known, *(tree.xpath(_SITE_NAME_XPATH) if tree is not None else [])]:
        if not name or not name.strip():
            continue
        name = name.strip().lstrip("@")
        if "://" in name:
            name = hostname(name) or ""
        names.append(name)
        if match := _DOMAIN.match(name):
            names.append(match.group(1))
    return [name for name in dict.fromkeys(names) if _key(name)]


def _texts(tree: Any, xpath: str, known: Iterable[str | None]) -> list[str]:
    found = [*known, *(tree.xpath(xpath) if tree is not None else [])]
    found = [item if isinstance(item, str | None) else item.text_content() for item in found]
    texts = (" ".join(text.split()) for text in found if text)
    return list(dict.fromkeys(text for text in texts if text))


def descriptions(tree: Any, *known: str | None) -> list[str]:
    """The page's summaries: `known` ones and those of its description meta tags."""
    return _texts(tree, _DESCRIPTION_XPATH, known)


def headlines(tree: Any, *known: str | None) -> list[str]:
    """The page's titles: `known` ones, its <title>, title meta tags and <h1> headings."""
    return _texts(tree, _HEADLINE_XPATH, known)


def whole_title(title: str | None, tree: Any) -> str | None:
    """The page's <title> when `title` is one of its parts: trafilatura keeps the first part
    of "Site | Headline" or "Poland - US deal signed", and site names are stripped later."""
    element = tree.find(".//head//title") if tree is not None else None
    if not title or element is None:
        return title
    whole = " ".join(element.text_content().split())
    return whole if title in _TITLE_SEPARATOR.split(whole) else title


def _names_site(part: str, names: Iterable[str], rest: str, *, exact: bool) -> bool:
    """Whether `part` of a title is the site's name (or the name with a word or two more,
    "Telegraph" for "Telegraph.co.uk", "Teufel Blog" for "Das Lautsprecher Teufel Blog")."""
    part_key, rest_key = _key(part), _key(rest)
    for name in names:
        name_key = _key(name)
        if not name_key or rest_key in name_key:  # a "site name" holding the headline
            continue
        if part_key == name_key:
            return True
        if exact or min(len(part_key), len(name_key)) < _MIN_KEY:
            continue
        if name_key.startswith(part_key) or name_key.endswith(part_key):
            return True
        extra_words = len(part.split()) - len(name.split())
        if extra_words <= _MAX_EXTRA_WORDS and (
            part_key.startswith(name_key) or part_key.endswith(name_key)
        ):
            return True
    return False


def strip_site_name(title: str, names: Iterable[str]) -> str:
    """`title` without a trailing (or leading) part that names the site."""
    names = list(names)
    cuts = [(m.start(), m.end()) for m in _TITLE_SEPARATOR.finditer(title)]
    # The longest tail first ("Headline - Martina Berg - Lady 50plus"); a head must match
    # exactly, as a headline may start with a name the site's name starts with.
    for start, end in cuts:
        if _names_site(title[end:], names, title[:start], exact=False):
            return title[:start].strip()
    for start, end in cuts:
        head, tail = title[:start], title[end:]
        # a bogus site name can be the headline itself ("Headline | Company")
        if len(tail.split()) >= len(head.split()) and _names_site(head, names, tail, exact=True):
            return tail.strip()
    head, bar, tail = title.rpartition(" | ")
    if not names and bar and head.strip() and len(tail.split()) <= _MAX_UNNAMED_SITE_WORDS:
        return head.strip()
    return title


# Words that make an author an organisation, a placeholder or a photo credit, not a person.
_NOT_PERSON = frozenset(
    ("admin", "administrator", "ag", "agencies", "agency", "anonym", "anonymous", "anónimo")
    + ("author", "gbr", "kg", "redacción", "redaccion", "said")
    + ("autor", "auteur", "bild", "blog", "com", "comment", "contributor", "copyright")
    + ("cortesía", "courtesy", "credit", "desk", "editor", "editorial", "editors", "email")
    + ("follow", "foto", "fotos", "gmbh", "getty", "guest", "illustration", "image", "images")
    + ("imago", "inc", "istock", "llc", "ltd", "magazin", "magazine", "media", "name", "net")
    + ("news", "newsroom", "online", "org", "photo", "photos", "picture", "pictures", "posted")
    + ("presse", "press", "redaktion", "report", "says", "service", "shutterstock", "staff")
    + ("team", "unknown", "user", "webmaster", "wire", "writer", "zeitung")
)
# Lower-case words that belong in a person's name ("Christoph von Ritter").
_NAME_PARTICLES = frozenset(
    ("al", "bin", "da", "de", "del", "della", "der", "di", "dos", "du", "ibn", "la", "le")
    + ("ten", "ter", "van", "von", "y", "zu")
)
# A name does not start with an article ("The Local", "Der Michel").
_ARTICLES = frozenset(("das", "der", "die", "el", "il", "la", "las", "le", "les", "los", "the"))
_TLDS = frozenset(("at", "ch", "co", "com", "de", "es", "fr", "io", "it", "net", "org", "pl"))
_BYLINE_PREFIX = re.compile(
    r"^(?:by|von|par|por|di|article by|posted by|written by|beitrag von|interview)\s+", re.I
)
# Spaces from the start of their run only, or right after the previous separator.
_AUTHOR_SEPARATOR = re.compile(r"(?:(?<!\s)\s*+|(?<=\s))(?:;|,|\band\b|\bund\b|&)\s*+")
_NAME_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")
_MAX_NAME_WORDS = 5


def _is_caseless(word: str) -> bool:
    """Written in a script without capitals (Chinese, Arabic, Bengali...)."""
    return all(not char.isalpha() or char.lower() == char.upper() for char in word)


def _looks_like_person(name: str, site_keys: list[str]) -> bool:
    words = name.split()
    if not 1 <= len(words) <= _MAX_NAME_WORDS or "/" in name or "©" in name:
        return False
    if any(word.casefold().strip(".") in _NOT_PERSON for word in words):
        return False
    key = _key(name)
    if any(len(site) >= _MIN_KEY and (site in key or key in site) for site in site_keys):
        return False
    if all(_is_caseless(word) for word in words):
        return not any(char.isdigit() for char in name)
    if len(words) < 2 or words[0].casefold() in _ARTICLES or words[-1].casefold() in _TLDS:
        return False
    initials = "".join(word[0] for word in words).casefold()
    if any(site == initials for site in site_keys):  # "Deutsche Welle" on dw.com
        return False
    named = [word for word in words if word.casefold() not in _NAME_PARTICLES]
    return all(_NAME_WORD.match(word) and word[0].isupper() for word in named) and any(
        len(word.strip(".")) > 1 for word in named
    )


def byline_author(author: str | None, names: Iterable[str]) -> str | None:
    """The people among `author` ("A; B" lists), joined with "; "; None when there are none:
    placeholders ("admin", "Name"), organisations, the site itself and photo credits go."""
    if not author:
        return None
    site_keys = [key for key in map(_key, names) if key]
    people = []
    for piece in _AUTHOR_SEPARATOR.split(author):
        piece = " ".join(_BYLINE_PREFIX.sub("", piece.strip(" '\"‘’“”")).split())
        if piece and _looks_like_person(piece, site_keys) and piece not in people:
            people.append(piece)
    return "; ".join(people) or None
