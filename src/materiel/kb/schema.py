"""Schema validation of knowledge-base YAML files, with file:line positions."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pycountry
import yaml

from .types import TYPES

ID_RE = re.compile(
    r"^(country|organization|company|equipment|person):([a-z0-9][a-z0-9-]*|[A-Z]{2})$"
)
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CATEGORIES = {
    "aircraft",
    "air-defence",
    "anti-submarine",
    "armoured-vehicles",
    "artillery",
    "engines",
    "missiles",
    "naval-weapons",
    "satellites",
    "sensors",
    "ships",
    "other",
    "drones",
    "munitions",
}
ORG_KINDS = {
    "alliance",
    "intergovernmental",
    "agency",
    "ministry",
    "armed-force",
    "legislature",
    "think-tank",
    "outlet",
    "ngo",
    "format",
}
STR_LISTS = ("aliases", "demonyms", "metonyms", "ambiguous_aliases")
REFS = {"manufacturer": "company", "parent": "company", "family": "equipment"}
_ISO2 = {c.alpha_2 for c in pycountry.countries} | {"XK", "EU"}

Node = yaml.Node


def _is_date(text: str) -> bool:
    if not DATE_RE.match(text):
        return False
    padded = text + "-01-01"[len(text) - 4 :] if len(text) < 10 else text
    try:
        dt.date.fromisoformat(padded)
    except ValueError:
        return False
    return True


def _yaml_files(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(x for x in p.iterdir() if x.suffix in (".yaml", ".yml")))
        else:
            out.append(p)
    return out


def _scalar(node: Node | None) -> str | None:
    if isinstance(node, yaml.ScalarNode) and node.tag != "tag:yaml.org,2002:null":
        return str(node.value)
    return None


class _Checker:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.ids: dict[str, str] = {}
        self.refs: list[tuple[str, str, str, str]] = []  # (where, field, id, wanted type)

    def err(self, path: Path, node: Node, field: str, problem: str) -> None:
        self.errors.append(f"{path}:{node.start_mark.line + 1}: {field}: {problem}")

    def check_file(self, path: Path) -> None:
        try:
            root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        except FileNotFoundError:
            self.errors.append(f"{path}:0: file: not found")
            return
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 0
            self.errors.append(f"{path}:{line}: yaml: {getattr(exc, 'problem', exc)}")
            return
        if root is None:
            return
        if not isinstance(root, yaml.SequenceNode):
            self.err(path, root, "file", "top level must be a list of entries")
            return
        for item in root.value:
            if not isinstance(item, yaml.MappingNode):
                self.err(path, item, "entry", "must be a mapping")
                continue
            self.check_entry(path, item)

    def check_entry(self, path: Path, node: yaml.MappingNode) -> None:
        fields: dict[str, tuple[Node, Node]] = {}
        for k, v in node.value:
            key = _scalar(k) or "?"
            if key in fields:
                self.err(path, k, key, "duplicate field")
            fields[key] = (k, v)
        for req in ("id", "name", "type"):
            if req not in fields:
                self.err(path, node, req, "missing")
            elif not _scalar(fields[req][1]):
                self.err(path, fields[req][1], req, "must be a non-empty string")
        eid, etype = _scalar(fields.get("id", (node, node))[1]), None
        if "type" in fields:
            etype = _scalar(fields["type"][1])
            if etype not in TYPES:
                self.err(path, fields["type"][1], "type", f"unknown type {etype!r}")
        if eid:
            id_node = fields["id"][1]
            m = ID_RE.match(eid)
            if not m:
                self.err(path, id_node, "id", f"{eid!r} is not <type>:<slug>")
            elif etype and m.group(1) != etype:
                self.err(
                    path, id_node, "id", f"prefix {m.group(1)!r} does not match type {etype!r}"
                )
            if eid in self.ids:
                self.err(path, id_node, "id", f"duplicate id (first at {self.ids[eid]})")
            else:
                self.ids[eid] = f"{path}:{id_node.start_mark.line + 1}"
        for name in STR_LISTS:
            if name in fields:
                self.check_str_list(path, name, fields[name][1])
        for name in ("country", "origin", "iso2"):
            if name in fields:
                value = _scalar(fields[name][1])
                if value is not None and value not in _ISO2:
                    self.err(
                        path, fields[name][1], name, f"{value!r} is not an ISO 3166-1 alpha-2 code"
                    )
        if etype == "equipment" and "category" in fields:
            cat = _scalar(fields["category"][1])
            if cat not in CATEGORIES:
                self.err(path, fields["category"][1], "category", f"unknown category {cat!r}")
        if etype == "organization" and "kind" in fields:
            kind = _scalar(fields["kind"][1])
            if kind not in ORG_KINDS:
                self.err(path, fields["kind"][1], "kind", f"unknown organization kind {kind!r}")
        for name, wanted in REFS.items():
            if name in fields and (ref := _scalar(fields[name][1])):
                where = f"{path}:{fields[name][1].start_mark.line + 1}"
                self.refs.append((where, name, ref, wanted))
        if "offices" in fields:
            self.check_offices(path, fields["offices"][1])

    def check_str_list(self, path: Path, name: str, node: Node) -> None:
        if not isinstance(node, yaml.SequenceNode):
            self.err(path, node, name, "must be a list of strings")
            return
        for item in node.value:
            if not _scalar(item):
                self.err(path, item, name, "must be a non-empty string")

    def check_offices(self, path: Path, node: Node) -> None:
        if not isinstance(node, yaml.SequenceNode):
            self.err(path, node, "offices", "must be a list")
            return
        for office in node.value:
            if not isinstance(office, yaml.MappingNode):
                self.err(path, office, "offices", "each office must be a mapping")
                continue
            values = {_scalar(k): v for k, v in office.value}
            if not _scalar(values.get("title")):
                self.err(path, office, "offices.title", "missing")
            dates: dict[str, str] = {}
            for d in ("start", "end"):
                v = values.get(d)
                s = _scalar(v) if v is not None else None
                if s is not None and v is not None:
                    if not _is_date(s):
                        self.err(path, v, f"offices.{d}", f"{s!r} is not an ISO date")
                    else:
                        dates[d] = s
            if "start" in dates and "end" in dates and dates["end"] < dates["start"]:
                self.err(path, office, "offices.end", "ends before it starts")

    def check_refs(self, known: Iterable[str] = ()) -> None:
        ids = set(self.ids) | set(known)
        for where, name, ref, wanted in self.refs:
            if not ref.startswith(wanted + ":"):
                self.errors.append(f"{where}: {name}: {ref!r} is not a {wanted} id")
            elif ref not in ids:
                self.errors.append(f"{where}: {name}: unknown id {ref!r}")


def validate_kb(
    paths: Sequence[str | Path] | str | Path, known_ids: Iterable[str] | None = None
) -> list[str]:
    """Schema errors of the given files/folders, each "file:line: field: problem".

    References (`manufacturer`, `parent`, `family`) may point at ids of the files checked or
    at `known_ids`; by default those of the built-in knowledge base, so a user file can
    refer to built-in entries."""
    if isinstance(paths, str | Path):
        paths = [paths]
    checker = _Checker()
    for path in _yaml_files(paths):
        checker.check_file(path)
    if known_ids is None:
        from .loader import load_kb

        known_ids = load_kb().entries
    checker.check_refs(known_ids)
    return checker.errors
