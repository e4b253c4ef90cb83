"""Small inputs for the reader tests; all article text here is written for these tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from materiel.ingest import ReaderOptions, read_paths
from materiel.models import Document, ReadError

HOWITZERS = (
    "The ministry signed a contract for 24 howitzers on 3 March. "
    "Deliveries of the self-propelled guns are due to begin in 2026, officials said."
)
FRIGATE = (
    "The navy commissioned its third air-defence frigate at the northern naval base on "
    "Tuesday, the defence ministry announced."
)
RADAR = (
    "The air force has selected a ground-based radar for its new air defence network; "
    "the first two units will enter service next year."
)

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Ministry orders 24 howitzers | Armour Review</title>
  <meta property="og:site_name" content="Armour Review">
  <meta property="og:title" content="Ministry orders 24 howitzers">
  <meta name="author" content="Jane Field">
  <meta property="article:published_time" content="2024-03-04T09:30:00+00:00">
</head>
<body>
  <header><nav><a href="/">Home</a> | <a href="/land">Land</a></nav></header>
  <main>
    <article>
      <h1>Ministry orders 24 howitzers</h1>
      <p>The ministry signed a contract for 24 howitzers on 3 March. The order, worth
      310 million euros, covers guns, ammunition handling systems and training.</p>
      <p>Deliveries of the self-propelled guns are due to begin in 2026, and the first
      battalion should reach initial operating capability a year later, officials said.</p>
      <p>The army plans to retire its towed guns once the new systems are in service.</p>
    </article>
  </main>
  <footer><p>Copyright 2024 Armour Review. All rights reserved.</p></footer>
</body>
</html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
  <title>Naval Dispatch</title>
  <link>https://naval.example.org/</link>
  <language>en-us</language>
  <item>
    <title>Navy commissions third frigate</title>
    <link>https://naval.example.org/frigate</link>
    <guid>naval-0001</guid>
    <pubDate>Tue, 05 Mar 2024 08:15:00 +0100</pubDate>
    <description>&lt;p&gt;The navy &lt;b&gt;commissioned&lt;/b&gt; its third frigate.&lt;/p&gt;
      &lt;p&gt;It joins the northern fleet.&lt;/p&gt;</description>
    <category>Naval</category>
  </item>
  <item>
    <title>Radar selected</title>
    <link>https://naval.example.org/radar</link>
    <pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate>
    <description>The air force selected a ground-based radar.</description>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Land Forces Wire</title>
  <id>urn:example:land</id>
  <updated>2024-03-07T12:00:00Z</updated>
  <entry>
    <title>Army receives first armoured vehicles</title>
    <id>urn:example:land:42</id>
    <link href="https://land.example.org/vehicles"/>
    <published>2024-03-07T11:00:00+02:00</published>
    <author><name>Sam Ortiz</name></author>
    <summary>Short teaser.</summary>
    <content type="html">&lt;p&gt;The army received the first 12 armoured vehicles on
      Thursday.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Six go to the 1st brigade.&lt;/li&gt;&lt;/ul&gt;
    </content>
  </entry>
</feed>
"""


Items = list[Document | ReadError]


def _read(*paths: str | Path, **options: Any) -> Items:
    return list(read_paths([str(p) for p in paths], ReaderOptions(**options)))


def _split(items: Iterable[Document | ReadError]) -> tuple[list[Document], list[ReadError]]:
    items = list(items)
    return (
        [i for i in items if isinstance(i, Document)],
        [i for i in items if isinstance(i, ReadError)],
    )


@pytest.fixture
def read() -> Callable[..., Items]:
    """read(*paths, **ReaderOptions fields) -> every item, in order."""
    return _read


@pytest.fixture
def split() -> Callable[[Iterable[Document | ReadError]], tuple[list[Document], list[ReadError]]]:
    """split(items) -> (documents, errors)."""
    return _split


@pytest.fixture
def text() -> SimpleNamespace:
    """Article-like texts and pages written for these tests."""
    return SimpleNamespace(
        howitzers=HOWITZERS, frigate=FRIGATE, radar=RADAR, html=ARTICLE_HTML, rss=RSS, atom=ATOM
    )
