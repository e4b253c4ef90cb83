"""Short documents written for the web tests (none copied from real articles)."""

from __future__ import annotations

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
