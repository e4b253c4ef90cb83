"""Reading the YAML files, merging user files, and the compiled on-disk cache."""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import pickle
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from .index import build_index
from .knowledge import KnowledgeBase
from .patterns import build_patterns, spacy_tokenizer
from .types import TYPES, Entry

log = logging.getLogger(__name__)

FORMAT_VERSION = 10  # bump when Entry/Index/patterns change shape
BUILTIN_DIR = Path(__file__).resolve().parent.parent / "data" / "kb"
BUILTIN_FILES = ("countries", "organizations", "companies", "equipment", "people")
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_memory: dict[str, KnowledgeBase] = {}


def builtin_files() -> list[Path]:
    return [p for name in BUILTIN_FILES if (p := BUILTIN_DIR / f"{name}.yaml").is_file()]


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the *.yaml/*.yml files of folders named, in a stable order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(x for x in p.rglob("*") if x.suffix in (".yaml", ".yml")))
        elif p.is_file():
            out.append(p)
        else:
            raise FileNotFoundError(f"knowledge-base file not found: {p}")
    return out


def cache_dir() -> Path:
    env = os.environ.get("MATERIEL_CACHE_DIR")
    if env:
        return Path(env) / "kb"
    import platformdirs

    return Path(platformdirs.user_cache_dir("materiel")) / "kb"


def fingerprint(files: Sequence[Path]) -> str:
    parts: list[Any] = [FORMAT_VERSION]
    for f in files:
        st = f.stat()
        parts.append([str(f.resolve()), st.st_mtime_ns, st.st_size])
    return hashlib.sha1(json.dumps(parts).encode()).hexdigest()[:20]


def to_entry(raw: dict[str, Any]) -> Entry | None:
    eid, name, etype = raw.get("id"), raw.get("name"), raw.get("type")
    if not (isinstance(eid, str) and isinstance(name, str) and etype in TYPES):
        return None
    aliases = tuple(str(a) for a in raw.get("aliases") or () if a is not None and str(a).strip())
    country = raw.get("country")
    if not country and etype == "country":
        country = raw.get("iso2") or eid.split(":", 1)[1]
    if not country and etype == "equipment":
        country = raw.get("origin")
    facts = {k: v for k, v in raw.items() if k not in ("id", "name", "type", "aliases", "country")}
    return Entry(eid, name, str(etype), aliases, str(country) if country else None, facts)


def read_entries(files: Sequence[Path]) -> dict[str, dict[str, Any]]:
    """Raw entries by id; a later file's entry replaces the fields it sets."""
    merged: dict[str, dict[str, Any]] = {}
    for path in files:
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
        except (OSError, yaml.YAMLError) as exc:
            log.warning("skipping knowledge-base file %s: %s", path, exc)
            continue
        if not isinstance(data, list):
            if data is not None:
                log.warning("skipping %s: not a list of entries", path)
            continue
        for raw in data:
            if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                merged.setdefault(raw["id"], {}).update(raw)
    return merged


def compile_kb(files: Sequence[Path]) -> KnowledgeBase:
    entries: dict[str, Entry] = {}
    for raw in read_entries(files).values():
        if (entry := to_entry(raw)) is not None:
            entries[entry.id] = entry
    index = build_index(entries)
    patterns = build_patterns(entries, index, spacy_tokenizer())
    return KnowledgeBase(entries, index, patterns, tuple(str(f) for f in files))


def _read_cache(path: Path) -> KnowledgeBase | None:
    enabled = gc.isenabled()
    gc.disable()  # unpickling many small objects is several times faster without the GC
    try:
        with path.open("rb") as fh:
            kb = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    finally:
        if enabled:
            gc.enable()
    return kb if isinstance(kb, KnowledgeBase) else None


def _write_cache(path: Path, kb: KnowledgeBase) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(kb, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        old = sorted(path.parent.glob("kb-*.pkl"), key=lambda p: p.stat().st_mtime)[:-16]
        for stale in old:
            stale.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not write knowledge-base cache %s: %s", path, exc)


def load_kb(extra: Sequence[str | Path] = (), *, use_cache: bool = True) -> KnowledgeBase:
    """Built-in knowledge base merged with user files/folders; compiled once, then cached."""
    if isinstance(extra, str | Path):
        extra = [extra]
    files = builtin_files() + expand(extra)
    key = fingerprint(files)
    if use_cache and key in _memory:
        return _memory[key]
    path = cache_dir() / f"kb-{key}.pkl"
    kb = _read_cache(path) if use_cache else None
    if kb is None:
        kb = compile_kb(files)
        if use_cache:
            _write_cache(path, kb)
    if use_cache:
        _memory[key] = kb
    return kb


def clear_memory_cache() -> None:
    _memory.clear()
