"""Cross-document event merging: one canonical event per real event, with every report.

`facts` and `match` decide whether two mentions are one event (pure); `canonical` keeps the
canonical events in the store as documents arrive; `values` picks their values; `records`
reads them; `review` lets a reviewer undo a merge.
"""

from materiel.link.canonical import LinkResult, link_document, link_events
from materiel.link.match import Decision, compare
from materiel.link.records import canonical_of, records

__all__ = ["Decision", "LinkResult", "canonical_of", "compare", "link_document",
           "link_events", "records"]
