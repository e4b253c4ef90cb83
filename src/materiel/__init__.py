"""Materiel: turn defense news into a clean, source-linked database of events."""

__version__ = "0.1.0"
