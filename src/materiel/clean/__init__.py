"""Cleaning stage: `clean(doc)` turns a raw `Document` into a `CleanDocument`."""

from materiel.clean.pipeline import clean, source_text

__all__ = ["clean", "source_text"]
