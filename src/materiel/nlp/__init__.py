"""nlp stage: the spaCy pipeline with the domain components.

from materiel.nlp import build_pipeline, PipelineConfig
nlp = build_pipeline(PipelineConfig(use_kb=False))
doc = nlp("Berlin intends to order 200,000 more artillery shells from Rheinmetall.")
doc._.mentions  # [EventMention(type="procurement", ...)]
"""

from materiel.nlp.config import ALL_COMPONENTS, PipelineConfig
from materiel.nlp.pipeline import build_pipeline, cached_pipeline
from materiel.nlp.types import DateValue, EventMention, NumberMention, Quote, RoleValue, Trigger

__all__ = [
    "ALL_COMPONENTS",
    "DateValue",
    "EventMention",
    "NumberMention",
    "PipelineConfig",
    "Quote",
    "RoleValue",
    "Trigger",
    "build_pipeline",
    "cached_pipeline",
]
