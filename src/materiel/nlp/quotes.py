"""Quoted statements and their speakers inside one Doc.

The component finds direct quotes (“...”, "...") and links each to the nearest verb of
saying outside the quotes and that verb's subject ("Kamyshin told Ukrinform", "said
Stoltenberg"). A pronoun speaker ("he said") is kept with `pronoun=True`: the document-level
`materiel.extract.extract_quotes` resolves it to the nearest preceding named speaker.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from materiel.nlp import extensions as _ext
from materiel.nlp.lexicon import SPEECH_VERBS
from materiel.nlp.spans import entity_of, is_pronoun
from materiel.nlp.types import Quote

_ext.register()

_OPEN = '“"«„'
_CLOSE = '”"»“'
_QUOTE_RE = re.compile(r"[“\"«„]([^“”\"«»„]{2,})[”\"»“]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of each quote; an unclosed quote runs to the end."""
    spans = [(m.start(1), m.end(1)) for m in _QUOTE_RE.finditer(text)]
    last_end = spans[-1][1] + 1 if spans else 0
    rest = text[last_end:]
    opened = re.search(r"[“«„]", rest)
    if opened and not re.search(r"[”»]", rest[opened.end() :]):
        s = last_end + opened.end()
        if len(text) - s > 2:
            spans.append((s, len(text)))
    if not spans:
        closing = re.search(r"[”»]", text)
        if closing and closing.start() > 2:
            spans.append((0, closing.start()))
    if not spans and text.count('"') % 2 == 1:
        # one straight quote mark: it opens (quote to the end) or closes (quote from the start)
        k = text.index('"')
        before = text[k - 1] if k > 0 else " "
        after = text[k + 1] if k + 1 < len(text) else " "
        closes = (before in ",.!?;:" or before.isalnum()) and not after.isalnum()
        if not closes and len(text) - k > 3:
            spans.append((k + 1, len(text)))
        elif closes and k > 2:
            spans.append((0, k))
    return spans


def _inside(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= i < e for s, e in spans)


def _speaker(verb: Token, spans: list[tuple[int, int]]) -> tuple[str, int, int, bool] | None:
    for c in verb.children:
        if c.dep_ in ("nsubj",) and not _inside(c.idx, spans):
            if is_pronoun(c):
                return c.text, c.idx, c.idx + len(c), True
            ent = entity_of(c)
            if ent is not None and ent.label_ in (
                "PERSON",
                "ORG",
                "GPE",
                "NORP",
                "COUNTRY",
                "COMPANY",
                "METONYM",
            ):
                return ent.text, ent.start_char, ent.end_char, False
            # "the minister", "a US defense official": the noun phrase
            left = c.left_edge
            return (verb.doc[left.i : c.i + 1].text, left.idx, c.idx + len(c), False)
    return None


def find_quotes(doc: Doc) -> list[Quote]:
    spans = quote_spans(doc.text)
    if not spans:
        return []
    verbs = [
        t
        for t in doc
        if t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" and not _inside(t.idx, spans)
    ]
    according = [t for t in doc if t.lower_ == "according" and not _inside(t.idx, spans)]
    out = []
    for s, e in spans:
        text = doc.text[s:e].strip()
        if len(text.split()) < 3:
            continue  # a scare quote, a title
        best = None
        for v in sorted(verbs, key=lambda v: min(abs(v.idx - s), abs(v.idx - e))):
            got = _speaker(v, spans)
            if got is not None:
                best = (got, v.lemma_.lower())
                break
        if best is None:
            for a in according:
                for prep in a.children:
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            ent = entity_of(pobj)
                            sp = ent if ent is not None else doc[pobj.left_edge.i : pobj.i + 1]
                            best = ((sp.text, sp.start_char, sp.end_char, False), "according")
        if best is None:
            out.append(Quote(text=text, start=s, end=e))
            continue
        (name, ss, se, pron), verb = best
        out.append(
            Quote(
                text=text,
                start=s,
                end=e,
                speaker=name,
                speaker_start=ss,
                speaker_end=se,
                pronoun=pron,
                verb=verb,
            )
        )
    return out


@Language.component("materiel_quotes")
def quotes_component(doc: Doc) -> Doc:
    doc._.quotes = find_quotes(doc)
    return doc
