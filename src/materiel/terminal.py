"""Text from data made safe to print on a terminal.

Stored titles, outlets, urls and texts come from the outside world. Printed as they are, an
escape sequence in them can clear the screen, set the window title or plant a hyperlink, and
bidi override characters can make a line read differently from what it holds. Everything
printed from data goes through `safe` (one line) or `safe_block` (keeps line breaks and
tabs), and is printed as plain text: never as Rich markup.
"""

from __future__ import annotations

import json
import re
from typing import Any

# Whole, terminated sequences are dropped; what is left of a malformed one is caught below as
# single control characters.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clear screen
    # OSC, DCS, SOS, PM, APC strings (window title, OSC 8 hyperlink) up to BEL or ST
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x00-\x1f\x7f-\x9f]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"  # two-character escapes (charset, keypad, reset...)
)
# Embeddings, overrides, isolates and marks (the "Trojan Source" set plus LRM, RLM, ALM).
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_LINE_BREAKS = re.compile("\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
REPLACEMENT = "\ufffd"  # shown where a control character was, so the reader sees something was


def safe(value: object) -> str:
    """One line of text with no escape sequences, control characters or bidi controls."""
    if value is None:
        return ""
    text = _strip(str(value))
    return _CONTROL.sub(REPLACEMENT, _LINE_BREAKS.sub(" ", text).replace("\t", " "))


def safe_block(value: object) -> str:
    """As `safe`, keeping line breaks (normalised to \\n) and tabs."""
    if value is None:
        return ""
    lines = _LINE_BREAKS.split(_strip(str(value)))
    return "\n".join(_CONTROL.sub(REPLACEMENT, line) for line in lines)


def _strip(text: str) -> str:
    return _BIDI.sub("", _ESCAPE_SEQUENCE.sub("", text))


# JSON escapes C0 controls by itself; with ensure_ascii=False it leaves DEL, C1 controls, bidi
# controls and line separators raw, which a terminal would act on.
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}]")


def to_json(value: Any, **options: Any) -> str:
    """`json.dumps` that keeps readable Unicode but \\u-escapes what a terminal acts on.

    These characters can only occur inside JSON strings, where the escape means the same
    character: the output parses back to exactly `value`.
    """
    text = json.dumps(value, ensure_ascii=False, **options)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
