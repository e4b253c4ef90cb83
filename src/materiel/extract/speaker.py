"""Whose side "we" and "I" are on: the quote's speaker, else the government whose statement
the document is.

A document is a government's own statement when its address is a government domain (".gov"
and ".mil" are the United States; "gov.<cc>", "mil.<cc>", "gouv.<cc>", "gob.<cc>" the country
of the country-code domain) or when its outlet or a label of its address names a country's
government body in the knowledge base ("Kremlin", "White House", "Indian Ministry of
Defence"). Nothing else is guessed: news outlets have no side.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

from materiel.models import Document
from materiel.wordlists import word_set

_GOV_LABELS = {"gov", "mil", "gouv", "gob", "govt", "government"}
_CC_ALIASES = {"UK": "GB"}
_DOMAIN = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$")
_STATEMENT_NOUNS = word_set("nlp/roles", "statement_nouns")
_NAME_STOPS = word_set("nlp/roles", "title_name_stops")
_NAME_WORD = re.compile(r"^[A-Z][\w.’'-]*$")


def _hosts(doc: Document) -> list[str]:
    out = []
    if doc.url:
        host = urlparse(doc.url).hostname
        if host:
            out.append(host.lower())
    if doc.outlet and _DOMAIN.match(doc.outlet.strip().lower()):
        out.append(doc.outlet.strip().lower())
    return out


def domain_country(host: str) -> str | None:
    """ISO code of the government a host belongs to by its domain name alone."""
    labels = [x for x in host.split(".") if x]
    if not labels:
        return None
    if labels[-1] in ("gov", "mil"):
        return "US"
    if len(labels) >= 2 and labels[-2] in _GOV_LABELS and len(labels[-1]) == 2:
        cc = labels[-1].upper()
        return _CC_ALIASES.get(cc, cc)
    return None


def outlet_country(doc: Document, kb: Any | None = None) -> str | None:
    """ISO code of the government whose statement `doc` is, or None (a news outlet)."""
    hosts = _hosts(doc)
    for host in hosts:
        cc = domain_country(host)
        if cc:
            return cc
    if kb is None:
        return None
    names = [h.split(".")[-2] for h in hosts if h.count(".") >= 1]
    if doc.outlet and not _DOMAIN.match(doc.outlet.strip().lower()):
        names.append(doc.outlet)
    for name in names:
        for eid, kind in kb.lookup(name):
            entry = kb.entries[eid]
            if entry.type == "country" and kind in ("alias", "metonym") and entry.country:
                return str(entry.country)
    return None


def statement_author(doc: Document) -> str | None:
    """Who says "I" in a document that is one person's own words: the name after "by" or
    "from" in a title such as "Statement from President X on ..." or "Remarks by X"."""
    words = (doc.title or "").replace("\u00a0", " ").split()
    if not words or words[0].lower().strip(":") not in _STATEMENT_NOUNS:
        return None
    for k, w in enumerate(words[:4]):
        if w.lower() in ("by", "from"):
            name = []
            for x in words[k + 1 :]:
                if x.lower() in _NAME_STOPS or not _NAME_WORD.match(x):
                    break
                name.append(x)
            return " ".join(name) if len(name) >= 2 else None
    return None
