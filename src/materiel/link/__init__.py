"""Cross-document event merging: one canonical event per real event, with every report.

`facts` and `match` decide whether two mentions are one event (pure; `known` is what they
ask the knowledge base), `cluster` partitions a group of matching mentions into real events
(pure); `canonical` keeps the canonical events in the store as documents arrive; `values`
picks their values; `records` reads them; `review` lets a reviewer undo a merge.
"""

from materiel.link.canonical import LinkResult, canonical_around, link_document, link_events
from materiel.link.match import Decision, compare, relate
from materiel.link.records import canonical_of, records

__all__ = ["Decision", "LinkResult", "canonical_around", "canonical_of", "compare",
           "link_document", "link_events", "records", "relate"]
