"""The lexicon data files, checked without importing materiel: the format of
docs/lexicon-format.md, and every list named in src/ present and used."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "src" / "materiel" / "data" / "lexicon"
FILES = sorted(LEXICON.rglob("*.yaml"))
KINDS = {"words", "map", "forms", "triggers"}
EVENT_TYPES = {
    "procurement", "aid", "production", "agreement", "sanction", "meeting", "spending", "strike",
}
USE = re.compile(
    r"\b(?:word_set|word_tuple|word_map|word_forms|trigger_senses)\(\s*\"([\w/]+)\",\s*\"(\w+)\""
)


class _UniqueKeyLoader(yaml.SafeLoader):
    """A loader that refuses a key given twice (PyYAML keeps the last one silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
        assert len(keys) == len(set(keys)), f"line {node.start_mark.line + 1}: a key twice"
        return super().construct_mapping(node, deep=deep)


def _load(path: Path) -> dict[str, Any]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    assert isinstance(data, dict)
    return data


def _words_ok(words: Any) -> bool:
    return (
        isinstance(words, list)
        and bool(words)
        and all(isinstance(w, str) and w and w == w.strip() for w in words)
        and len(set(words)) == len(words)
    )


def test_there_are_lexicon_files() -> None:
    assert {p.relative_to(LEXICON).parts[0] for p in FILES} >= {"nlp", "clean"}


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(LEXICON).as_posix() for p in FILES])
def test_file_follows_the_format(path: Path) -> None:
    data = _load(path)
    assert set(data) == {"about", "lists"} and isinstance(data["about"], str)
    for name, entry in data["lists"].items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", name), name
        kinds = KINDS & set(entry)
        assert len(kinds) == 1 and set(entry) <= KINDS | {"about"}, name
        assert isinstance(entry.get("about", ""), str), name
        body = entry[kinds.pop()]
        if "words" in entry:
            assert _words_ok(body), name
        elif "forms" in entry:
            assert all(_words_ok(forms) for forms in body.values()), name
        elif "map" in entry:
            assert all(type(v) in (str, int, float) for v in body.values()), name
            assert len({type(v) for v in body.values()}) == 1, f"{name}: mixed value types"
        else:
            for lemma, senses in body.items():
                for sense in senses:
                    assert sense["type"] in EVENT_TYPES, lemma
                    assert sense["pos"] in ("V", "N", "VN"), lemma
                    assert set(sense) <= {"type", "pos", "need"}, lemma


def test_every_list_named_in_src_exists_and_every_list_is_used() -> None:
    used = {
        match.groups()
        for path in (ROOT / "src").rglob("*.py")
        for match in USE.finditer(path.read_text(encoding="utf-8"))
    }
    present = {
        (path.relative_to(LEXICON).with_suffix("").as_posix(), name)
        for path in FILES
        for name in _load(path)["lists"]
    }
    assert used - present == set(), "named in src/ but missing from the data files"
    assert present - used == set(), "in the data files but used nowhere"


def test_the_unique_key_loader_refuses_a_repeated_key() -> None:
    with pytest.raises(AssertionError):
        yaml.load("a: 1\na: 2\n", Loader=_UniqueKeyLoader)
