"""build_pipeline: configuration, component order, entity corrections."""

from __future__ import annotations

import pytest

from materiel.nlp import ALL_COMPONENTS, PipelineConfig, build_pipeline
from materiel.nlp.kb_ruler import KBRuler, fix_entities


def test_components_in_order(nlp):
    names = nlp.pipe_names
    assert names.index("materiel_entity_fixer") == names.index("ner") + 1
    order = [
        names.index(f"materiel_{c}")
        for c in ("numbers", "dates", "triggers", "status", "roles", "quotes")
    ]
    assert order == sorted(order)


def test_config_selects_components():
    nlp = build_pipeline(PipelineConfig(components=("numbers", "dates"), use_kb=False))
    assert "materiel_numbers" in nlp.pipe_names and "materiel_roles" not in nlp.pipe_names
    with pytest.raises(ValueError):
        build_pipeline(PipelineConfig(components=("nonsense",)))
    assert set(PipelineConfig().components) == set(ALL_COMPONENTS)


def test_config_from_dict():
    cfg = PipelineConfig.from_dict({"min_confidence": 0.5, "components": ["dates"], "x": 1})
    assert cfg.min_confidence == 0.5 and cfg.components == ("dates",) and cfg.extra == {"x": 1}


def test_ruler_phrase_patterns_before_ner(nlp):
    ruler = KBRuler(
        nlp,
        [
            {"label": "COMPANY", "pattern": [{"ORTH": {"IN": ["Krauss", "KRAUSS"]}}], "id": "c:k"},
            {
                "label": "WEAPON",
                "pattern": [{"LOWER": "leopard"}, {"LOWER": {"IN": ["2", "2a7"]}}],
                "id": "e:l2",
            },
            {"label": "COUNTRY", "pattern": "ROK", "id": "country:KR"},
        ],
    )
    doc = ruler(nlp.make_doc("Krauss delivered Leopard 2A7 tanks to the ROK army."))
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("Krauss", "COMPANY", "c:k"),
        ("Leopard 2A7", "WEAPON", "e:l2"),
        ("ROK", "COUNTRY", "country:KR"),
    ]


def test_entity_fixer_mends_names_read_as_people(nlp):
    doc = nlp("Kyiv will assemble the Marder vehicles with Henschel, a German arms manufacturer.")
    labels = {e.text: e.label_ for e in fix_entities(doc).ents}
    assert labels.get("Marder") in (None, "WEAPON")
    assert labels.get("Henschel") in (None, "COMPANY", "ORG")


def test_kb_ruler_corrects_the_pretrained_ner():
    pytest.importorskip("materiel.kb")
    from materiel.nlp.kb_ruler import kb_patterns

    if not kb_patterns():
        pytest.skip("knowledge base has no patterns")
    nlp = build_pipeline(PipelineConfig(use_kb=True))
    doc = nlp("Rheinmetall and the Ukrainian government will build Lynx vehicles in Ukraine.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Rheinmetall") == "COMPANY"
    assert labels.get("Lynx") in (None, "WEAPON")
