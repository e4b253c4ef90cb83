"""Names of towns the pretrained recogniser misreads, relabelled from the gazetteer.

The small English model reads many cities of today's war zones as people, groups or
products ("Kherson", "Zaporizhzhia" as PERSON, "Mariupol" as ORG, "Sevastopol" as NORP,
"Kramatorsk" as PRODUCT) or gives them no label ("Donetsk"), so a strike there gets no
location and the name can even become a side. A name is made a place only when the offline
gazetteer knows a town of that name with at least `MIN_POPULATION` people *and* the sentence
uses it as a place: after a preposition of place, before a region or city noun, or joined to
a place by "and" or a comma. A word the document also uses inside a person's full name
("Lloyd Austin ... Austin said") or after a title stays a person. The label is LOC, a place
that is never a side: a town does not buy, give or meet.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from materiel.kb.lexicon import CITY_WORDS, REGION_WORDS, TITLE_HEADS
from materiel.kb.locations import candidates, gazetteer
from materiel.kb.normalize import norm
from materiel.nlp.lexicon import PLACE_LABELS
from materiel.nlp.spans import title_case
from materiel.wordlists import word_set

MIN_POPULATION = 50_000
_RELABELLED = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
_PLACE_PREPS = word_set("nlp/place_names", "place_prepositions")
_PLACE_NOUNS = word_set("nlp/place_names", "place_nouns") | REGION_WORDS | CITY_WORDS


@lru_cache(maxsize=50_000)
def known_town(text: str) -> bool:
    """Whether the gazetteer knows a town or state of this name big enough to be news."""
    return any(
        p.kind == "state" or p.kind == "city" and p.population >= MIN_POPULATION
        for p in candidates(gazetteer(), text)
    )


def relabel_places(doc: Doc) -> Doc:
    person_words = {
        norm(t.text)
        for e in doc.ents
        if e.label_ == "PERSON" and len(e) > 1 and not known_town(e.text)  # not "Khan Younis"
        for t in e
    }
    for _ in range(3):  # a town joined to one relabelled in the pass before
        if not _relabel_pass(doc, person_words):
            break
    return doc


def _relabel_pass(doc: Doc, person_words: set[str]) -> bool:
    ents = list(doc.ents)
    taken = {i for e in ents for i in range(e.start, e.end)}
    changed = False
    for k, ent in enumerate(ents):
        if ent.label_ in _RELABELLED and not ent.ent_id_ and _town_in_place_use(ent, person_words):
            ents[k] = Span(doc, ent.start, ent.end, label="LOC")
            changed = True
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or not tok.is_title or _in_longer_name(tok):
            continue
        # in a headline written in title case every word looks like a name
        if _town_in_place_use(doc[tok.i : tok.i + 1], person_words) and not title_case(tok.sent):
            ents.append(Span(doc, tok.i, tok.i + 1, label="LOC"))
            taken.add(tok.i)
            changed = True
    if changed:
        doc.ents = sorted(ents, key=lambda e: e.start)
    return changed


def _in_longer_name(tok: Token) -> bool:
    """ "Armed Forces Day": one word of a longer proper name is not a town."""
    if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
        return True
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)


def _town_in_place_use(span: Span, person_words: set[str]) -> bool:
    if not all(t.is_title or not t.is_alpha for t in span) or len(span) > 3:
        return False
    if any(norm(t.text) in person_words for t in span):
        return False
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in TITLE_HEADS:
        return False
    if any(c.dep_ == "det" for c in span.root.children):
        return False  # "from the Moskva", "the Lincoln": a ship; a town takes no article
    if not known_town(span.text):
        return False
    return _place_use(span.root)


def _place_use(tok: Token) -> bool:
    """ "in Kherson", "near Bakhmut", "the Luhansk region", "Kherson and Mykolaiv"."""
    if tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS:
        return True
    if tok.dep_ in ("compound", "nmod") and tok.head.lemma_.lower() in _PLACE_NOUNS:
        return True
    if tok.dep_ in ("conj", "appos"):
        head = tok.head
        return head.ent_type_ in PLACE_LABELS or (
            head.dep_ == "pobj" and head.head.lower_ in _PLACE_PREPS
        )
    return any(
        c.dep_ == "conj" and c.ent_type_ in PLACE_LABELS for c in tok.children
    ) and tok.dep_ in ("pobj", "dobj")
