"""Annotations of shared articles, stored as character offsets, never as copied text.

An annotator writes events in the gold format of `spec/EVENTS.md` §4 (evidence copied from
the article, role values as written first).  `to_offsets` turns each copied string into a
span of the article (`{"field": "title"|"text", "start": ..., "end": ...}`) and keeps only
what is not in the article (canonical names, numbers, amounts); `to_gold` rebuilds the gold
record from the article in `../shared`.
"""

from materiel.annotate.articles import Articles
from materiel.annotate.offsets import AnnotationProblem, check, to_gold, to_offsets
from materiel.annotate.store import load_gold, load_offsets

__all__ = ["AnnotationProblem", "Articles", "check", "load_gold", "load_offsets", "to_gold",
           "to_offsets"]
