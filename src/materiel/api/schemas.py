"""What the /api/v1 replies hold, for the OpenAPI schema.

The handlers return plain dicts; these models only describe them (`responses=` on each
route), so a field added to a reply never breaks it. Every model allows extra fields.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, RootModel

Args = dict[str, list[dict[str, Any]]]


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Copy(_Open):
    doc: str
    url: str | None
    outlet: str | None
    published: str | None


class CanonicalValues(_Open):
    type: str
    date: str | None
    status: str | None
    args: Args


class Event(_Open):
    """One stored event: the output contract's record plus where it is stored and who
    reports it."""

    event_id: int
    doc: str = Field(description="The document's own id")
    document_id: int = Field(description="The document's store id")
    type: str
    date: str | None
    status: str | None
    args: Args = Field(description='Role -> arguments: {"buyer": [{"text": ..., "id": ...}]}')
    evidence: str = Field(description="The sentence the event was read from")
    evidence_start: int | None
    evidence_end: int | None
    other_evidence: list[str] | None = Field(
        None, description="The event's other sentences in the same document (headline, "
                          "recap, caption), present only when there are some")
    summary: str | None
    confidence: float | None
    flags: list[str]
    review: str | None = Field(description="Review state: null, accepted, rejected or edited")
    url: str | None
    title: str | None
    outlet: str | None
    published: str | None
    copies: list[Copy] = Field(description="The documents of its duplicate-copy cluster")
    outlets: list[str] = Field(description="The outlets of the document and its copies")
    canonical_id: int | None = Field(
        description="The real-world event this record is one mention of "
                    "(/api/v1/canonical/{id}); null when it is not linked")
    sources: int = Field(description="Distinct documents reporting the canonical event, or "
                                     "the copies of the story when it is not linked")
    source_outlets: list[str] = Field(description="The outlets of those documents")
    canonical: CanonicalValues | None = Field(
        None, description="With rows=events only: the real event's type, date, status and "
                          "arguments (null when the mention is not linked)")
    mention_count: int | None = Field(
        None, description="With rows=events only: the mentions of the real event")


class Argument(_Open):
    role: str
    text: str
    name: str | None
    id: str | None = Field(description="Knowledge-base id")
    value: float | None
    currency: str | None
    start: int | None
    end: int | None


class Sentence(_Open):
    text: str
    start: int
    end: int
    sentence: int | None


class EventDetail(Event):
    arguments: list[Argument] = Field(description="Every argument with its offsets")
    sentence: dict[str, int] | None = Field(description="The evidence sentence's offsets")
    other_sentences: list[Sentence] = Field(description="other_evidence with offsets")


class EventPage(_Open):
    items: list[Event]
    next_cursor: str | None = Field(description="Pass as cursor= for the next page (also in "
                                                "the Link header); null on the last page")


class Mention(_Open):
    event_id: int
    doc: str
    document_id: int
    sentence: int | None
    outlet: str | None
    published: str | None
    url: str | None
    date: str | None
    status: str | None
    evidence: str
    pinned: bool = Field(description="Kept in this canonical event by a reviewer")


class Story(_Open):
    earlier: list[int] = Field(description="Canonical ids of the story's earlier stages")
    later: list[int]


class CanonicalEvent(_Open):
    """One real-world event: the values its mentions agree on, and every mention."""

    canonical_id: int
    type: str
    date: str | None
    status: str | None
    args: Args
    conflicts: dict[str, Any] = Field(description="Values the mentions disagree on")
    mentions: list[Mention]
    sources: int = Field(description="Distinct documents among the mentions")
    outlets: list[str]
    story: Story


class DocumentRow(_Open):
    id: int
    doc_key: str
    title: str | None
    url: str | None
    published: str | None
    outlet: str | None
    cluster_id: int | None
    events: int


class DocumentPage(_Open):
    items: list[DocumentRow]
    next_cursor: str | None


class ClusterMember(_Open):
    id: int
    doc_key: str
    title: str | None
    url: str | None
    published: str | None
    outlet: str | None
    events: int
    canonical: bool = Field(description="Its events stand for the story's")


class Cluster(_Open):
    """Copies of one story (syndicated or near-identical texts) stored as one cluster."""

    id: int
    canonical_document_id: int | None
    documents: list[ClusterMember]
    events: list[Event] = Field(description="The story's events: its canonical document's")


class Document(_Open):
    id: int
    doc_key: str
    title: str | None
    url: str | None
    published: str | None
    outlet: str | None
    clean_text: str
    is_feed: bool
    cluster_id: int | None
    sources: list[dict[str, Any]]
    removals: list[dict[str, Any]] = Field(description="What cleaning removed")
    sentences: list[dict[str, Any]]
    cluster: list[dict[str, Any]] = Field(description="The other members of its cluster")
    flags: list[str]
    quotes: list[dict[str, Any]]
    events: list[Event]


class Counterpart(_Open):
    entity: str
    name: str
    id: str | None
    events: int


class EntityEvents(_Open):
    id: str
    kind: str
    name: str
    names: list[str]
    events: int
    by_type: dict[str, int]
    by_role: dict[str, int]
    counterparts: list[Counterpart]
    items: list[Event]
    next_cursor: str | None


class FacetCount(_Open):
    value: str = Field(description="What the filter takes")
    label: str
    events: int


class Facets(RootModel[dict[str, list[FacetCount]]]):
    """Facet name (type, status, review, party, item, country, outlet, confidence) -> counts."""


class WeekCount(_Open):
    week: str
    type: str
    events: int


class Statistics(_Open):
    events: int
    by_type: dict[str, int]
    by_status: dict[str, int]
    per_week: list[WeekCount]
    database: dict[str, Any] = Field(description="The database's last change")


class AuditEntry(_Open):
    id: int
    change: str = Field(description="Groups the rows of one change; undo takes a whole change")
    event_id: int
    user: str
    at: str
    action: str
    field: str | None
    before: Any
    after: Any
    reason: str | None
    undoes: str | None


class ReviewResult(_Open):
    event_id: int
    change: str | None
    audit: list[AuditEntry] = Field(description="The event's audit log, oldest first")


class AuditItems(_Open):
    items: list[AuditEntry]


class AuditPage(_Open):
    items: list[AuditEntry]
    next_before: int | None = Field(description="Pass as before= for the next page")


class Items(_Open):
    items: list[dict[str, Any]]


def ok(model: type[BaseModel], status: int = 200) -> dict[str, Any]:
    """Decorator arguments for a route whose success reply `model` describes (the reply
    itself stays the handler's dict)."""
    return {"response_model": None,
            "responses": {status: {"model": model, "description": model.__doc__ or "Success"}}}
