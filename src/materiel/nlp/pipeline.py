"""`build_pipeline`: the pretrained spaCy model plus the domain components."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

# importing the modules registers the components with spaCy
from materiel.nlp import dates, kb_ruler, mentions, numbers, quotes, status, triggers  # noqa: F401
from materiel.nlp.config import ALL_COMPONENTS, PipelineConfig
from materiel.nlp.fast_rules import use_fast_rules

COMPONENT_FACTORIES = {
    "numbers": "materiel_numbers",
    "dates": "materiel_dates",
    "triggers": "materiel_triggers",
    "status": "materiel_status",
    "roles": "materiel_roles",
    "quotes": "materiel_quotes",
}


def build_pipeline(config: PipelineConfig | None = None) -> Language:
    """Load `config.model` and add the configured domain components.

    The KB entity ruler goes before "ner" (so the pretrained NER keeps its spans), the entity
    fixer right after it, then numbers, dates, triggers, status, roles and quotes. The model's
    attribute ruler and lemmatizer are swapped for memoized ones with the same output
    (`materiel.nlp.fast_rules`).
    """
    config = config or PipelineConfig()
    unknown = set(config.components) - set(ALL_COMPONENTS)
    if unknown:
        raise ValueError(f"unknown components: {sorted(unknown)}")
    nlp = spacy.load(config.model)
    use_fast_rules(nlp)  # same annotations, less time
    if "kb_ruler" in config.components and config.use_kb and kb_ruler.kb_patterns(config.kb_path):
        nlp.add_pipe(
            "materiel_kb_ruler",
            name="materiel_kb_ruler",
            config={"kb_path": config.kb_path, "use_kb": config.use_kb},
            before="ner" if "ner" in nlp.pipe_names else None,
        )
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("materiel_entity_fixer", after="ner")
    for name in ALL_COMPONENTS:
        if name in config.components and name in COMPONENT_FACTORIES:
            nlp.add_pipe(COMPONENT_FACTORIES[name], name=COMPONENT_FACTORIES[name])
    return nlp


def cached_pipeline(config: PipelineConfig) -> Language:
    """One pipeline per configuration per process (loading a model takes a while)."""
    return _cached(config.model, tuple(config.components), config.use_kb, config.kb_path)


@lru_cache(maxsize=4)
def _cached(model: str, components: tuple[str, ...], use_kb: bool, kb_path: str | None) -> Language:
    return build_pipeline(
        PipelineConfig(model=model, components=components, use_kb=use_kb, kb_path=kb_path)
    )
