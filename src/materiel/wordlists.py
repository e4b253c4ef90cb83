"""The rules' word lists, read from `data/lexicon/**/*.yaml` (format: docs/lexicon-format.md).

Every file is checked against the schema when first read and parsed once per process;
`word_set("nlp/lexicon", "item_heads")` names a list by its file (relative to the folder,
without `.yaml`) and its key under `lists:`.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml

from materiel.models import EVENT_TYPES

LEXICON_DIR = Path(__file__).parent / "data" / "lexicon"
LIST_KINDS = ("words", "map", "forms", "triggers")
TRIGGER_POS = ("V", "N", "VN")
# What the roles and validation rules must find for a trigger to stand (nlp/validate/).
TRIGGER_NEEDS = frozenset(
    {
        "", "item", "party", "recipient", "deal", "gov", "target", "defense", "meet", "replace",
        "aid", "transfer", "signed", "alliance", "sanction", "designate", "ban", "list", "freeze",
        "measure", "emergency", "export", "visit", "call", "conference", "speakwith", "told",
        "spend", "launch", "blast", "training", "campaign", "vessel",
    }
)
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Scalar = TypeVar("Scalar", str, int, float)


class LexiconError(ValueError):
    """A lexicon file that breaks the format, with its file and line."""


def _where(path: Path, node: yaml.Node) -> str:
    return f"{path}:{node.start_mark.line + 1}"


def _mapping(path: Path, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node]]:
    """The pairs of a mapping node whose keys are distinct strings."""
    if not isinstance(node, yaml.MappingNode):
        raise LexiconError(f"{_where(path, node)}: {what} must be a mapping")
    pairs: list[tuple[str, yaml.Node]] = []
    seen: set[str] = set()
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.tag != "tag:yaml.org,2002:str":
            raise LexiconError(f"{_where(path, key)}: {what} keys must be strings")
        if key.value in seen:
            raise LexiconError(f"{_where(path, key)}: {key.value!r} twice in {what}")
        seen.add(key.value)
        pairs.append((key.value, value))
    return pairs


def _string(path: Path, node: yaml.Node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
        raise LexiconError(f"{_where(path, node)}: {what} must be a string (quote it)")
    text = str(node.value)
    if not text or text != text.strip():
        raise LexiconError(f"{_where(path, node)}: {what} {text!r} is empty or padded")
    return text


def _string_or_none(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
        return str(node.value)
    return None


def _strings(path: Path, node: yaml.Node, what: str) -> None:
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise LexiconError(f"{_where(path, node)}: {what} must be a non-empty list")
    seen: set[str] = set()
    for item in node.value:
        text = _string(path, item, f"an entry of {what}")
        if text in seen:
            raise LexiconError(f"{_where(path, item)}: {text!r} twice in {what}")
        seen.add(text)


def _check_trigger(path: Path, node: yaml.Node, lemma: str) -> None:
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise LexiconError(f"{_where(path, node)}: trigger {lemma!r} needs a list of senses")
    for sense in node.value:
        fields = dict(_mapping(path, sense, f"a sense of {lemma!r}"))
        if not {"type", "pos"} <= fields.keys() <= {"type", "pos", "need"}:
            raise LexiconError(f"{_where(path, sense)}: a sense has type, pos and maybe need")
        checks = (("type", EVENT_TYPES), ("pos", TRIGGER_POS), ("need", TRIGGER_NEEDS))
        for field, allowed in checks:
            if field in fields:
                value = fields[field]
                if _string_or_none(value) not in allowed:
                    raise LexiconError(f"{_where(path, value)}: {field} must be one of {allowed}")


def _check_list(path: Path, name: str, node: yaml.Node) -> None:
    fields = dict(_mapping(path, node, f"list {name!r}"))
    kinds = [k for k in LIST_KINDS if k in fields]
    unknown = fields.keys() - {"about", *LIST_KINDS}
    if len(kinds) != 1 or unknown:
        raise LexiconError(
            f"{_where(path, node)}: list {name!r} takes `about` and one of {LIST_KINDS}"
        )
    if "about" in fields:
        _string(path, fields["about"], "about")
    kind, body = kinds[0], fields[kinds[0]]
    if kind == "words":
        _strings(path, body, name)
        return
    for key, value in _mapping(path, body, name):
        if kind == "forms":
            _strings(path, value, f"{name}[{key!r}]")
        elif kind == "triggers":
            _check_trigger(path, value, key)
        elif not isinstance(value, yaml.ScalarNode) or value.tag.endswith(("null", "bool")):
            raise LexiconError(f"{_where(path, value)}: {name}[{key!r}] must be a word or number")


def check_file(path: Path) -> dict[str, Any]:
    """The lists of one lexicon file, after checking it; raises LexiconError."""
    loader = _Loader(path.read_text(encoding="utf-8"))
    try:
        try:
            root = loader.get_single_node()
        except yaml.YAMLError as exc:
            raise LexiconError(f"{path}: not YAML: {exc}") from exc
        if root is None:
            raise LexiconError(f"{path}: empty file")
        _check_root(path, root)
        lists: dict[str, Any] = loader.construct_document(root)["lists"]
    finally:
        loader.dispose()
    return lists


def _check_root(path: Path, root: yaml.Node) -> None:
    top = dict(_mapping(path, root, "the file"))
    if top.keys() != {"about", "lists"}:
        raise LexiconError(f"{_where(path, root)}: a lexicon file has `about` and `lists`")
    _string(path, top["about"], "about")
    for name, node in _mapping(path, top["lists"], "lists"):
        if not NAME_RE.match(name):
            raise LexiconError(f"{_where(path, node)}: list name {name!r} is not snake_case")
        _check_list(path, name, node)


@cache
def _file(source: str) -> dict[str, Any]:
    return check_file(LEXICON_DIR / f"{source}.yaml")


def _body(source: str, name: str, kind: str) -> Any:
    entry = _file(source).get(name)
    if entry is None or kind not in entry:
        raise LexiconError(f"{source}.yaml has no {kind} list {name!r}")
    return entry[kind]


@cache
def word_set(source: str, name: str) -> frozenset[str]:
    return frozenset(_body(source, name, "words"))


@cache
def word_tuple(source: str, name: str) -> tuple[str, ...]:
    """The words in the order the file gives them (for lists where order matters)."""
    return tuple(_body(source, name, "words"))


def word_map(source: str, name: str, value_type: type[Scalar]) -> dict[str, Scalar]:
    """A fresh copy of a word -> value table whose values are all `value_type`."""
    table: dict[str, Any] = _body(source, name, "map")
    if not all(type(v) is value_type for v in table.values()):
        raise LexiconError(f"{source}.yaml: {name} values are not all {value_type.__name__}")
    return dict(table)


def word_forms(source: str, name: str) -> dict[str, list[str]]:
    """A fresh copy of a word -> list of words table."""
    return {k: list(v) for k, v in _body(source, name, "forms").items()}


def trigger_senses(source: str, name: str) -> dict[str, list[dict[str, str]]]:
    """Trigger lemma -> its senses, each {type, pos, need} (need "" when absent)."""
    table = _body(source, name, "triggers")
    return {
        lemma: [{"need": "", **sense} for sense in senses] for lemma, senses in table.items()
    }


def lexicon_files() -> list[Path]:
    return sorted(LEXICON_DIR.rglob("*.yaml"))
