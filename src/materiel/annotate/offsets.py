"""Between the gold format an annotator writes and the offset format the project stores."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from materiel.annotate.articles import Article
from materiel.annotate.locate import find_all, nearest
from materiel.models import ROLES as EVENT_ROLES

NUMERIC_ROLES = {"quantity", "value"}
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_MONEY = re.compile(r"\d+(?:\.\d+)? [A-Z]{3}")
STATUSES = {"planned", "announced", "done"}


@dataclass(frozen=True)
class AnnotationProblem:
    doc: str
    event: int | None
    message: str
    fatal: bool = True

    def __str__(self) -> str:
        where = self.doc if self.event is None else f"{self.doc} event {self.event + 1}"
        return f"{'error' if self.fatal else 'warning'}: {where}: {self.message}"


def _span(field: str, start: int, end: int) -> dict[str, Any]:
    return {"field": field, "start": start, "end": end}


def _locate_evidence(article: Article, evidence: str) -> dict[str, Any] | None:
    for field in ("text", "title"):
        hits = find_all(article.field(field), evidence)
        if hits:
            return _span(field, *hits[0])
    return None


def _locate_value(article: Article, written: str, evidence: dict[str, Any] | None
                  ) -> dict[str, Any] | None:
    fields = ["text", "title"]
    if evidence is not None and evidence["field"] == "title":
        fields.reverse()
    for field in fields:
        hits = find_all(article.field(field), written)
        if not hits:
            continue
        if evidence is not None and evidence["field"] == field:
            best = nearest(hits, evidence["start"], evidence["end"])
        else:
            best = hits[0]
        if best is not None:
            return _span(field, *best)
    return None


def _check_event(doc: str, i: int, event: dict[str, Any]) -> list[AnnotationProblem]:
    problems = []
    etype = event.get("type")
    if etype not in EVENT_ROLES:
        return [AnnotationProblem(doc, i, f"unknown type {etype!r}")]
    for alt in event.get("alt_types") or []:
        if alt not in EVENT_ROLES:
            problems.append(AnnotationProblem(doc, i, f"unknown alt type {alt!r}"))
    status = event.get("status")
    if status is not None and status not in STATUSES:
        problems.append(AnnotationProblem(doc, i, f"status {status!r} is not one of {STATUSES}"))
    date = event.get("date")
    if date is not None and not (isinstance(date, str) and _DATE.fullmatch(date)):
        problems.append(AnnotationProblem(doc, i, f"date {date!r} is not YYYY[-MM[-DD]]"))
    for role, values in (event.get("args") or {}).items():
        if role not in EVENT_ROLES[etype]:
            problems.append(AnnotationProblem(doc, i, f"{etype} has no role {role!r}"))
            continue
        if not isinstance(values, list):
            problems.append(AnnotationProblem(doc, i, f"{role}: values must be a list"))
            continue
        for v in values:
            if role == "quantity" and not isinstance(v, int | float):
                problems.append(AnnotationProblem(doc, i, f"quantity {v!r} is not a number"))
            if role == "value" and not (isinstance(v, str) and _MONEY.fullmatch(v)):
                problems.append(AnnotationProblem(
                    doc, i, f"value {v!r} is not 'AMOUNT CUR' (e.g. '400000000 USD')"))
            if role not in NUMERIC_ROLES and not (isinstance(v, str) and v.strip()):
                problems.append(AnnotationProblem(doc, i, f"{role}: {v!r} is not a string"))
    if not event.get("optional") and not event.get("evidence"):
        problems.append(AnnotationProblem(doc, i, "no evidence"))
    return problems


def check(gold_doc: dict[str, Any], article: Article) -> list[AnnotationProblem]:
    """Problems in an annotator's gold record: schema errors and copied strings that are not
    in the article (fatal for evidence, a warning for role values)."""
    doc = str(gold_doc.get("doc"))
    problems: list[AnnotationProblem] = []
    for i, event in enumerate(gold_doc.get("events") or []):
        event_problems = _check_event(doc, i, event)
        problems += event_problems
        if any(p.fatal for p in event_problems):
            continue
        evidence = event.get("evidence")
        span = _locate_evidence(article, evidence) if evidence else None
        if evidence and span is None:
            problems.append(AnnotationProblem(doc, i, f"evidence not in the article: "
                                                      f"{evidence[:80]!r}"))
        for role, values in (event.get("args") or {}).items():
            if role in NUMERIC_ROLES:
                continue
            for v in values:
                written = v.split("|")[0]
                if _locate_value(article, written, span) is None:
                    problems.append(AnnotationProblem(
                        doc, i, f"{role} {written!r} is not written in the article "
                                "(put the form as written first)", fatal=False))
    return problems


def to_offsets(gold_doc: dict[str, Any], article: Article, annotator: str) -> dict[str, Any]:
    """The stored form: spans into the article in place of every copied string."""
    events = []
    for event in gold_doc.get("events") or []:
        evidence = event.get("evidence")
        ev_span = _locate_evidence(article, evidence) if evidence else None
        args: dict[str, list[Any]] = {}
        for role, values in (event.get("args") or {}).items():
            stored: list[Any] = []
            for v in values:
                if role in NUMERIC_ROLES:
                    stored.append({"value": v})
                    continue
                spellings = [s.strip() for s in v.split("|") if s.strip()]
                span = _locate_value(article, spellings[0], ev_span)
                rest = spellings[1:] if span is not None else spellings
                stored.append({"span": span, "alts": rest})
            args[role] = stored
        out: dict[str, Any] = {"type": event["type"]}
        for key in ("alt_types", "optional", "status", "date"):
            if event.get(key) not in (None, [], False):
                out[key] = event[key]
        out["args"] = args
        out["evidence"] = ev_span
        events.append(out)
    return {"doc": article.id, "source": article.source, "annotator": annotator,
            "published": article.published, "events": events}


def _text(article: Article, span: dict[str, Any]) -> str:
    return article.field(span["field"])[span["start"]:span["end"]]


def to_gold(stored: dict[str, Any], article: Article) -> dict[str, Any]:
    """The gold record (EVENTS.md §4) rebuilt from the stored offsets and the article."""
    events = []
    for event in stored["events"]:
        args: dict[str, list[Any]] = {}
        for role, values in event.get("args", {}).items():
            out: list[Any] = []
            for v in values:
                if "value" in v:
                    out.append(v["value"])
                    continue
                spellings = ([_text(article, v["span"])] if v.get("span") else []) + v["alts"]
                out.append("|".join(spellings))
            args[role] = out
        gold = {k: event[k] for k in ("type", "alt_types", "optional", "status", "date")
                if k in event}
        gold["args"] = args
        if event.get("evidence"):
            gold["evidence"] = _text(article, event["evidence"])
        events.append(gold)
    return {"doc": stored["doc"], "published": article.published, "events": events}
