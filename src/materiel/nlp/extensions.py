"""Custom attributes the domain components write on spaCy objects."""

from __future__ import annotations

from spacy.tokens import Doc


def register() -> None:
    """Register the `Doc._.*` attributes (idempotent)."""
    defaults: dict[str, object] = {
        "published": None,  # ISO publication date of the document the Doc comes from
        "context": None,  # free dict from the caller (doc id, sentence offset, story...)
        "numbers": None,  # list[NumberMention]
        "dates": None,  # list[DateValue]
        "triggers": None,  # list[Trigger]
        "mentions": None,  # list[EventMention]
        "quotes": None,  # list[Quote]
    }
    for name, default in defaults.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register()
