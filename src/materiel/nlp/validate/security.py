"""Whether a sentence or a story speaks of security at all."""

from __future__ import annotations

import re

from materiel.nlp.validate.tokens import SECURITY_EXTRA, SECURITY_WORDS

# share of a story's sentences that speak of security below which it is no defense story
_OFF_SECURITY_SHARE = 0.15

# sentences on security that make a story one about it, whatever their share
_SECURITY_SENTENCES_ENOUGH = 5


def on_security(text: str) -> bool:
    """Whether a sentence, read as plain words, speaks of defense or security."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(words & (SECURITY_WORDS | SECURITY_EXTRA))


def story_off_security(sentences: list[str]) -> bool:
    """A story that hardly speaks of defense or security (a leader's tour, a donors'
    committee): its meetings need a security word of their own."""
    if not sentences:
        return False
    told = sum(on_security(s) for s in sentences)
    # a long transcript of short replies returns to the war often enough to be about it
    return told < _SECURITY_SENTENCES_ENOUGH and told / len(sentences) < _OFF_SECURITY_SHARE
