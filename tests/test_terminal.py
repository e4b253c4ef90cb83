from __future__ import annotations

import json

import pytest

from materiel.terminal import REPLACEMENT, safe, safe_block, to_json

CLEAR_SCREEN = "\x1b[2J"
WINDOW_TITLE = "\x1b]0;pwned\x07"
HYPERLINK = "\x1b]8;;file:///etc/passwd\x1b\\click here\x1b]8;;\x1b\\"
BIDI = "\u202aa\u202bb\u202cc\u202dd\u202ee\u2066f\u2067g\u2068h\u2069"


@pytest.mark.parametrize("raw, shown", [
    (f"a{CLEAR_SCREEN}b", "ab"),
    (f"a{WINDOW_TITLE}b", "ab"),
    ("a\x1b]2;title\x1b\\b", "ab"),  # OSC ended by ST
    (f"see {HYPERLINK}", "see click here"),
    (BIDI, "abcdefgh"),
    ("a\x9b2Jb", "ab"),  # the one-byte C1 CSI
    ("a\x1b(Bb\x1bcc", "abc"),  # charset and reset escapes
    ("a\x00b\x07c\x7fd\x85e", f"a{REPLACEMENT}b{REPLACEMENT}c{REPLACEMENT}d e"),
    ("a\x1b", f"a{REPLACEMENT}"),  # an escape cut short shows, and does nothing
    ("a\x1b]0;never ended", "a0;never ended"),  # unterminated: the text shows
    ("one\ntwo\r\nthree\tfour\rfive", "one two three four five"),
    ("[bold]x[/x] :smile:", "[bold]x[/x] :smile:"),  # left alone: callers never print as markup
    ("Zelensky, Зеленський, זלנסקי", "Zelensky, Зеленський, זלנסקי"),
    (None, ""),
])
def test_safe_is_one_clean_line(raw, shown):
    assert safe(raw) == shown


def test_safe_block_keeps_lines_and_tabs():
    raw = f"title{CLEAR_SCREEN}\r\n\tindented\u202e\rlast\x0cpage\x1b[31m"
    assert safe_block(raw) == "title\n\tindented\nlast\npage"


def test_json_is_faithful_and_leaves_nothing_for_the_terminal_to_act_on():
    value = {"t": f"{CLEAR_SCREEN}{WINDOW_TITLE}{HYPERLINK}{BIDI}\x7f\x9b\u2028é€Ж",
             "args": [None, 1.5, "[/x]"]}
    for text in (to_json(value), to_json(value, indent=2)):
        assert json.loads(text) == value
        assert not any(ch < " " and ch != "\n" for ch in text)
        assert not any("\x7f" <= ch <= "\x9f" or ch in "\u2028\u202e\u2066" for ch in text)
        assert "é€Ж" in text  # readable Unicode stays readable
