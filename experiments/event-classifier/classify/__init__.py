"""classify: a sentence-level event-type classifier, and a filter that uses it to drop
an extractor's unlikely events (see `materiel.classify.train` to retrain it)."""

from materiel.classify.filter import EventTypeFilter, default_model_path
from materiel.classify.model import EVENT_TYPES, Example, SentenceClassifier, fit, read_examples

__all__ = [
    "EVENT_TYPES",
    "EventTypeFilter",
    "Example",
    "SentenceClassifier",
    "default_model_path",
    "fit",
    "read_examples",
]
