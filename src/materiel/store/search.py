"""Full-text search over documents and event evidence (migration 0004).

SQLite answers with FTS5, PostgreSQL with its tsvector columns; both mark each hit in the
text they return between MARK_OPEN and MARK_CLOSE, characters that pages turn into
highlights after escaping everything else (see `split_marks`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Integer, column, func, or_, select, text
from sqlalchemy.sql.elements import TextClause

from materiel.store.schema import DOCUMENTS_FTS, EVENTS_FTS, events

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"  # private-use characters: never real text
MAX_QUERY = 200  # characters of a search that are looked at
COMMON = 50  # a search that one event in this many matches is common
_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")
_PG_QUERY = "websearch_to_tsquery('english', :{name})"
_PG_MARKS = f'StartSel="{MARK_OPEN}", StopSel="{MARK_CLOSE}"'


@dataclass(frozen=True)
class DocumentHit:
    id: int
    doc_key: str
    title: str | None
    snippet: str  # with MARK_OPEN/MARK_CLOSE around each hit


def fts5_query(query: str) -> str | None:
    """A user's search as an FTS5 expression that cannot be a syntax error: every word and
    "quoted phrase" must occur; operators and punctuation are taken as plain text."""
    parts = []
    for phrase, word in _TERM.findall(query[:MAX_QUERY]):
        words = _WORD.findall(phrase or word)
        if words:
            parts.append('"' + " ".join(words) + '"')
    return " ".join(parts) or None


def _is_pg(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def _event_rows(conn: Connection, query: str, name: str) -> TextClause:
    if _is_pg(conn):
        sql = f"SELECT id FROM events WHERE search @@ {_PG_QUERY.format(name=name)}"
        return text(sql).bindparams(**{name: query[:MAX_QUERY]})
    sql = f"SELECT rowid FROM {EVENTS_FTS} WHERE {EVENTS_FTS} MATCH :{name}"
    return text(sql).bindparams(**{name: fts5_query(query) or '""'})


def _document_rows(conn: Connection, query: str, name: str) -> TextClause:
    if _is_pg(conn):
        sql = f"SELECT id FROM documents WHERE search @@ {_PG_QUERY.format(name=name)}"
        return text(sql).bindparams(**{name: query[:MAX_QUERY]})
    sql = f"SELECT rowid FROM {DOCUMENTS_FTS} WHERE {DOCUMENTS_FTS} MATCH :{name}"
    return text(sql).bindparams(**{name: fts5_query(query) or '""'})


def event_matches(conn: Connection, query: str, *, in_order: bool = False
                  ) -> ColumnElement[bool]:
    """A condition on `events`: its evidence or summary, or its document, holds the search.

    `in_order`: the statement walks the events in its own order and checks each against
    the matches (listed once), rather than fetching every match and sorting them: the
    better way to a page of a search that many events match (see `is_common`).
    """
    ids = _event_rows(conn, query, "fts_event_q").columns(column("id", Integer))
    docs = _document_rows(conn, query, "fts_doc_q").columns(column("id", Integer))
    if in_order:  # "+ 0": not a list of lookups
        return or_((events.c.id + 0).in_(ids), (events.c.document_id + 0).in_(docs))
    return or_(events.c.id.in_(ids), events.c.document_id.in_(docs))


def is_common(conn: Connection, query: str) -> bool:
    """Whether more than one event in COMMON matches the search, going by SQLite's full-text
    index (matches counted up to that many, so the answer costs little); on PostgreSQL
    the planner weighs this itself (always False)."""
    if _is_pg(conn):
        return False
    stored = conn.execute(select(func.max(events.c.id))).scalar() or 0
    enough = max(stored // COMMON, 100)
    found = 0
    for rows in (_event_rows(conn, query, "q"), _document_rows(conn, query, "q")):
        capped = f"SELECT count(*) FROM ({rows.text} LIMIT :enough)"
        found += conn.execute(text(capped).bindparams(**rows.compile().params,
                                                      enough=enough)).scalar() or 0
    return found >= enough


def highlight_evidence(conn: Connection, query: str, event_ids: list[int]) -> dict[int, str]:
    """The evidence of those events that match, whole, with each hit marked."""
    if not event_ids or not query.strip():
        return {}
    ids = ",".join(str(int(i)) for i in event_ids)
    if _is_pg(conn):
        sql = (f"SELECT id, ts_headline('english', evidence, {_PG_QUERY.format(name='q')}, "
               f"'{_PG_MARKS}, HighlightAll=true') FROM events "
               f"WHERE id IN ({ids}) AND search @@ {_PG_QUERY.format(name='q')}")
        params: dict[str, Any] = {"q": query[:MAX_QUERY]}
    else:
        fts = fts5_query(query)
        if fts is None:
            return {}
        sql = (f"SELECT rowid, highlight({EVENTS_FTS}, 0, '{MARK_OPEN}', '{MARK_CLOSE}') "
               f"FROM {EVENTS_FTS} WHERE {EVENTS_FTS} MATCH :q AND rowid IN ({ids})")
        params = {"q": fts}
    found = {int(row[0]): str(row[1]) for row in conn.execute(text(sql), params)}
    return {i: marked for i, marked in found.items() if MARK_OPEN in marked}


def search_documents(conn: Connection, query: str, limit: int = 20) -> list[DocumentHit]:
    """Documents holding the search, best first, each with a marked excerpt."""
    if _is_pg(conn):
        sql = (f"SELECT id, doc_key, title, ts_headline('english', clean_text, "
               f"{_PG_QUERY.format(name='q')}, '{_PG_MARKS}, MaxFragments=2, MaxWords=30') "
               f"FROM documents WHERE search @@ {_PG_QUERY.format(name='q')} "
               f"ORDER BY ts_rank(search, {_PG_QUERY.format(name='q')}) DESC, id LIMIT :n")
        params: dict[str, Any] = {"q": query[:MAX_QUERY], "n": limit}
    else:
        fts = fts5_query(query)
        if fts is None:
            return []
        sql = (f"SELECT d.id, d.doc_key, d.title, snippet({DOCUMENTS_FTS}, 1, '{MARK_OPEN}', "
               f"'{MARK_CLOSE}', '…', 30) FROM {DOCUMENTS_FTS} "
               f"JOIN documents d ON d.id = {DOCUMENTS_FTS}.rowid "
               f"WHERE {DOCUMENTS_FTS} MATCH :q ORDER BY rank, d.id LIMIT :n")
        params = {"q": fts, "n": limit}
    return [DocumentHit(int(r[0]), r[1], r[2], r[3] or "")
            for r in conn.execute(text(sql), params)]


def split_marks(marked: str) -> list[tuple[str, bool]]:
    """Text with marks as (piece, is_hit) pieces, for a template to escape one by one."""
    pieces: list[tuple[str, bool]] = []
    for i, chunk in enumerate(marked.split(MARK_OPEN)):
        if i == 0:
            pieces.append((chunk.replace(MARK_CLOSE, ""), False))
            continue
        hit, _, rest = chunk.partition(MARK_CLOSE)
        pieces.append((hit, True))
        pieces.append((rest.replace(MARK_CLOSE, ""), False))
    return [(piece, hit) for piece, hit in pieces if piece]
