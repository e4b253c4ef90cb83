"""The feed's query string: which filters it sets, the EventQuery they make, and links.

The feed pages by cursor, as the API does: `cursor` is the last row's sort key and id, so a
link to the next page stays right while new events arrive.

The feed shows a row per real event (mentions of one canonical event folded into one row);
`rows=mentions` lists every mention, a row per document's event, as the API and exports do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from materiel.store.query import MAX_TEXT, EventQuery

# query-string name -> EventQuery field
FILTERS = {"type": "type", "party": "party", "item": "item", "country": "country",
           "status": "status", "review": "review", "outlet": "outlet",
           "date_from": "date_from", "date_to": "date_to",
           "min_confidence": "min_confidence", "q": "text"}
# facet -> the query-string name its values set
FACET_PARAMS = {"confidence": "min_confidence"}
# `rows=` values: a row per real event (the feed's default) or per mention
ROWS = ("events", "mentions")
# the feed's query-string names that /api/v1/export spells otherwise
EXPORT_PARAMS = {"date_from": "from", "date_to": "to"}


@dataclass(frozen=True)
class FeedParams:
    values: Mapping[str, str]  # the filters set, by query-string name
    cursor: str | None = None
    count_all: bool = False  # "counts=all": every facet counted, however long it takes
    rows: str = "events"  # "mentions": every mention listed, not one row per real event

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> FeedParams:
        """The filters of a query string; unknown names are ignored, empty ones dropped."""
        values = {}
        for name in FILTERS:
            value = (params.get(name) or "").strip()
            if value:
                values[name] = value[:MAX_TEXT]
        cursor = (params.get("cursor") or "").strip() or None
        rows = "mentions" if params.get("rows") == "mentions" else "events"
        return cls(values, cursor, params.get("counts") == "all", rows)

    @property
    def fold(self) -> bool:
        return self.rows == "events"

    def kept(self) -> dict[str, str]:
        """The filters, and the row mode when it is not the default."""
        return {**self.values, **({} if self.fold else {"rows": self.rows})}

    def query(self) -> EventQuery:
        """The selection (ValueError when a value is not valid)."""
        fields: dict[str, object] = {FILTERS[k]: v for k, v in self.values.items()}
        if "min_confidence" in fields:
            try:
                fields["min_confidence"] = float(self.values["min_confidence"])
            except ValueError:
                raise ValueError("min_confidence must be a number from 0 to 1, not "
                                 f"{self.values['min_confidence']!r}") from None
        return EventQuery(**fields)  # type: ignore[arg-type]

    def get(self, name: str) -> str | None:
        return self.values.get(FACET_PARAMS.get(name, name))

    def link(self, **changes: str | None) -> str:
        """The feed's first page with `changes` applied (None removes a filter)."""
        values = self.kept()
        for facet, value in changes.items():
            name = FACET_PARAMS.get(facet, facet)
            if value is None:
                values.pop(name, None)
            else:
                values[name] = value
        return "/?" + urlencode(values) if values else "/"

    def page_link(self, cursor: str) -> str:
        return "/?" + urlencode({**self.kept(), "cursor": cursor})

    def rows_link(self, rows: str) -> str:
        """The feed's first page under the same filters, a row per `rows` (see ROWS)."""
        return self.link(rows=None if rows == "events" else rows)

    def export_link(self, fmt: str) -> str:
        """The export (/api/v1/export) of every event under the page's filters."""
        values = [(EXPORT_PARAMS.get(k, k), v) for k, v in self.values.items()]
        return "/api/v1/export?" + urlencode([*values, ("format", fmt)])

    def count_link(self) -> str:
        """This page with every facet counted (the link shown where one was not in time)."""
        cursor = {"cursor": self.cursor} if self.cursor else {}
        return "/?" + urlencode({**self.kept(), **cursor, "counts": "all"})

    def counts_url(self, facets: Iterable[str]) -> str:
        """Where the page's script fetches the counts of `facets` (see `pages.facet_json`)."""
        return "/facets.json?" + urlencode([*self.kept().items(),
                                            *(("facet", name) for name in facets)])
