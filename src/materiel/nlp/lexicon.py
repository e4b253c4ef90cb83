"""Word lists behind event detection: triggers per type, item heads, domain cues.

The words live in data/lexicon/nlp/lexicon.yaml (docs/lexicon-format.md). Lemma based;
`surface_forms()` expands them to the inflected forms the relevance prefilter looks for
without parsing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from materiel.wordlists import trigger_senses, word_forms, word_set


@dataclass(frozen=True)
class TriggerSpec:
    type: str
    pos: str  # "V" verb, "N" noun, "VN" either
    need: str = ""  # what the roles component must find for the trigger to stand (see validate/)


TRIGGERS: dict[str, list[TriggerSpec]] = {
    lemma: [TriggerSpec(**sense) for sense in senses]
    for lemma, senses in trigger_senses("nlp/lexicon", "triggers").items()
}

ITEM_HEADS = word_set("nlp/lexicon", "item_heads")
GENERIC_ITEM_HEADS = word_set("nlp/lexicon", "generic_item_heads")
MILITARY_MODIFIERS = word_set("nlp/lexicon", "military_modifiers")
MEASURE_HEADS = word_set("nlp/lexicon", "measure_heads")
NON_ITEM_WORDS = word_set("nlp/lexicon", "non_item_words")

PARTY_HEADS = word_set("nlp/lexicon", "party_heads")
PARTY_LABELS = {"GPE", "NORP", "ORG", "PERSON", "COUNTRY", "COMPANY", "DEMONYM", "METONYM", "FAC"}
PLACE_LABELS = {"GPE", "LOC", "FAC", "COUNTRY", "METONYM"}

DOMAIN_CUES = word_set("nlp/lexicon", "domain_cues")

SPEECH_VERBS = word_set("nlp/lexicon", "speech_verbs")

ANNOUNCE_VERBS = word_set("nlp/lexicon", "announce_verbs")
PLAN_VERBS = word_set("nlp/lexicon", "plan_verbs")
NEGATORS = word_set("nlp/lexicon", "negators")
NEG_VERBS = word_set("nlp/lexicon", "neg_verbs")
IRREALIS = word_set("nlp/lexicon", "irrealis")
HYPOTHETICAL_AUX = word_set("nlp/lexicon", "hypothetical_aux")
HYPOTHETICAL_MARKS = word_set("nlp/lexicon", "hypothetical_marks")


_IRREGULAR = word_forms("nlp/lexicon", "irregular")


def inflect(lemma: str) -> set[str]:
    forms = {lemma}
    forms.update(_IRREGULAR.get(lemma, []))
    if lemma.endswith("e"):
        forms.update({lemma + "s", lemma + "d", lemma[:-1] + "ing"})
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"})
    else:
        suffix = "es" if lemma.endswith(("s", "sh", "ch", "x")) else "s"
        forms.update({lemma + suffix, lemma + "ed", lemma + "ing"})
    return forms


_EXTRA_SURFACE_FORMS = word_set("nlp/lexicon", "extra_surface_forms")


def surface_forms() -> set[str]:
    """Every lowercase word form of every trigger (for the no-parse prefilter)."""
    out: set[str] = set()
    for lemma in TRIGGERS:
        out.update(inflect(lemma))
    out.update(_EXTRA_SURFACE_FORMS)
    return out


def lemma_table_forms(exceptions: Iterable[dict[str, list[str]]]) -> set[str]:
    """The word forms a lemmatizer's exception tables (one per part of speech) take to a
    trigger ("spoke" -> "speak", "sought" -> "seek"), which `inflect` does not all make."""
    return {form for table in exceptions for form, lemmas in table.items()
            if any(lemma in TRIGGERS for lemma in lemmas)}
