from __future__ import annotations

import spacy

from materiel.kb import KnowledgeBase


def _ents(kb: KnowledgeBase, text: str) -> list[tuple[str, str, str]]:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(kb.ruler_patterns())  # type: ignore[attr-defined]
    return [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]


def test_patterns_in_an_entity_ruler(mini_kb: KnowledgeBase) -> None:
    text = (
        "Berlin intends to order more Leopards from Rheinmetall, while Danish military stocks "
        "shrink and NATO allies send HIMARS and Patriots; the nato summit; Georgia said."
    )
    assert _ents(mini_kb, text) == [
        ("Berlin", "METONYM", "country:DE"),
        ("Leopards", "WEAPON", "equipment:leopard-2"),
        ("Rheinmetall", "COMPANY", "company:rheinmetall"),
        ("Danish", "DEMONYM", "country:DK"),
        ("NATO", "ORG", "organization:nato"),
        ("HIMARS", "WEAPON", "equipment:m142-himars"),
        ("Patriots", "WEAPON", "equipment:patriot"),
    ]


def test_pattern_shapes(mini_kb: KnowledgeBase) -> None:
    patterns = mini_kb.ruler_patterns()
    assert {p["label"] for p in patterns} <= {
        "COUNTRY",
        "ORG",
        "COMPANY",
        "WEAPON",
        "PERSON",
        "DEMONYM",
        "METONYM",
    }
    assert {"label": "ORG", "pattern": "NATO", "id": "organization:nato"} in patterns
    multi = [p for p in patterns if p["id"] == "person:oleksandr-kamyshin"]
    assert multi[0]["pattern"] == [{"LOWER": "oleksandr"}, {"LOWER": "kamyshin"}]


def test_builtin_patterns_load_into_a_ruler() -> None:
    from materiel.kb import load_kb

    kb = load_kb()
    if not len(kb):
        return
    ents = _ents(kb, "Berlin will buy more shells from Rheinmetall, the Kremlin said.")
    assert ("Berlin", "METONYM", "country:DE") in ents
    assert ("the Kremlin", "METONYM", "country:RU") in ents
