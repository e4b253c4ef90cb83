"""The lexicon loader: values as written, and each kind of mistake refused with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from materiel import wordlists
from materiel.wordlists import LexiconError, check_file

GOOD = """\
about: Lists for a test.
lists:
  colours:
    about: Some colours.
    words: [red, green, "no"]
  weights:
    map: {light: 1.5, heavy: 20.0}
  past:
    forms: {go: [went, gone]}
  verbs:
    triggers:
      buy: [{type: procurement, pos: V, need: item}]
      summit: [{type: meeting, pos: N}]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lists.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_reads_as_written(tmp_path: Path) -> None:
    lists = check_file(_write(tmp_path, GOOD))
    assert lists["colours"]["words"] == ["red", "green", "no"]
    assert lists["weights"]["map"] == {"light": 1.5, "heavy": 20.0}
    assert lists["past"]["forms"] == {"go": ["went", "gone"]}


@pytest.mark.parametrize(
    ("bad", "line", "message"),
    [
        ("    words: [red, green, no]", 5, "must be a string"),
        ("    words: [red, red]", 5, "twice"),
        ("    words: [red, ' green']", 5, "padded"),
        ("    words: []", 5, "non-empty"),
        ("    words: [red]\n    map: {a: 1}", 4, "one of"),
        ("    words: [red]\n    colour: blue", 4, "one of"),
    ],
)
def test_mistakes_are_refused_with_their_line(
    tmp_path: Path, bad: str, line: int, message: str
) -> None:
    text = GOOD.replace('    words: [red, green, "no"]', bad)
    with pytest.raises(LexiconError, match=rf"lists\.yaml:{line}: .*{message}"):
        check_file(_write(tmp_path, text))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("pos: V,", "pos: X,", "pos must be one of"),
        ("type: meeting", "type: picnic", "type must be one of"),
        ("need: item", "need: luck", "need must be one of"),
        ("  past:", "  Past:", "not snake_case"),
        ("  weights:", "  colours:", "twice"),
        ("light: 1.5", "light: null", "word or number"),
    ],
)
def test_bad_triggers_names_and_values_are_refused(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    with pytest.raises(LexiconError, match=message):
        check_file(_write(tmp_path, GOOD.replace(old, new)))


def test_accessors_read_the_built_in_files_once() -> None:
    heads = wordlists.word_set("nlp/lexicon", "item_heads")
    assert "missile" in heads and heads is wordlists.word_set("nlp/lexicon", "item_heads")
    scales = wordlists.word_map("nlp/numbers", "scales", float)
    assert scales["million"] == 1e6
    with pytest.raises(LexiconError):
        wordlists.word_map("nlp/numbers", "scales", str)
    with pytest.raises(LexiconError):
        wordlists.word_set("nlp/lexicon", "no_such_list")
