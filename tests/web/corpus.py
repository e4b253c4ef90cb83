"""Short documents written for the web tests (none copied from real articles)."""

from __future__ import annotations

from materiel.models import Argument, CleanDocument, Document, Event, Provenance, Removal, Sentence
from materiel.store import Store

HOSTILE_TITLE = '<script>alert("title")</script> Poland buys helicopters'
HOSTILE_URL = "javascript:alert('url')"
HOSTILE_TEXT = ('Poland ordered 96 attack helicopters from Boeing on 5 June 2025. '
                '<img src=x onerror=alert("text")> The <script>alert("body")</script> '
                'deal also covers training.')

ARTICLES = [
    {"id": "fi-howitzers", "published": "2025-05-03", "outlet": "Northern Defence Wire",
     "url": "https://north.example/fi-howitzers", "title": "Finland orders howitzers",
     "text": "Finland ordered 40 K9 howitzers from Hanwha Aerospace on 2 May 2025. "
             "The first guns arrive next year, the ministry said."},
    {"id": "de-air-defence", "published": "2025-06-04", "outlet": "Berlin Security Daily",
     "url": "https://berlin.example/iris-t", "title": "Germany pledges air defence",
     "text": "Germany pledged four IRIS-T air defence systems to Ukraine on 3 June 2025. "
             "The systems will be delivered before the winter, the defence minister said. "
             "Officials in Kyiv welcomed the decision and thanked their partners."},
    {"id": "de-air-defence-copy", "published": "2025-06-04", "outlet": "Continental Monitor",
     "url": "https://continental.example/iris", "title": "Germany pledges air defence",
     "text": "Germany pledged four IRIS-T air defence systems to Ukraine on 3 June 2025. "
             "The systems will be delivered before the winter, the defence minister said. "
             "Officials in Kyiv welcomed the decision and thanked their partners today."},
    {"id": "hostile", "published": "2025-06-06", "outlet": "<b>Bad Outlet</b>",
     "url": HOSTILE_URL, "title": HOSTILE_TITLE, "text": HOSTILE_TEXT},
]


EVIL_TEXT = ('Evil Corp delivered 3 drones to Ruritania on 1 July 2025. '
             '<script>alert("stored")</script> <a href="javascript:alert(1)">x</a>')
EVIL_NAME = '<svg onload=alert("name")>'


def add_hostile(store: Store) -> None:
    """A document whose text, title, url, outlet, removals and entity names are all markup."""
    doc = Document(id='evil"><script>alert(1)</script>', text=EVIL_TEXT,
                   title='<img src=x onerror=alert("title2")>', url="javascript:alert('u2')",
                   outlet='<i onmouseover=alert(5)>Outlet</i>', published="2025-07-02",
                   provenance=Provenance(path="evil.jsonl", record=0, content_hash="e"))
    first = EVIL_TEXT.index(".") + 1
    clean = CleanDocument(
        doc=doc, text=EVIL_TEXT,
        sentences=[Sentence(0, first, EVIL_TEXT[:first]),
                   Sentence(first + 1, len(EVIL_TEXT), EVIL_TEXT[first + 1:])],
        removed=[Removal('<iframe src="javascript:alert(6)"></iframe>', "boilerplate", 0, 10)])
    drone = Event(doc=doc.id, type="aid", date="2025-07-01", status="done",
                  args={"donor": [Argument("Evil Corp", name=EVIL_NAME, id="company:evil")],
                        "recipient": [Argument(EVIL_NAME, id=EVIL_NAME)],
                        "item": [Argument("drones")]},
                  evidence=EVIL_TEXT[:first], evidence_start=0, evidence_end=first,
                  summary='<b onclick=alert("summary")>drones</b>', confidence=0.3,
                  flags=['<script>alert("flag")</script>'])
    with store.transaction() as conn:
        store.add_events(conn, store.add(conn, clean).document_id, clean, [drone])
