"""Documents written for the browser tests (none copied from real articles): a long one
whose event sentence sits far down its text, and hostile ones whose title, text and URL are
markup that would run if a page let it."""

from __future__ import annotations

FILLER = ("The harbour committee met again to talk about the ferry timetable. "
          "Several residents asked for more benches along the promenade. ")
EVIDENCE = "Norway ordered 12 patrol boats from Saab on 14 March 2025."
HOSTILE_TITLE = '<img src=x onerror=alert("title")> Chile buys frigates'
# a character outside the Basic Multilingual Plane (two UTF-16 units, one code point) ahead
# of the sentences an analyst selects: offsets must be counted as the server counts them
MISSED = "The ferry to Troms\u00f8 ran late twice."
NOTES = ("Harbour notes \U0001F6A2\u2693 from the week. " + MISSED +
         " The council will vote on a new pier in May, the mayor said.")

ARTICLES = [
    {"id": "harbour-notes", "published": "2025-04-04", "outlet": "Fjord Courier",
     "url": "https://fjord.example/notes", "title": "Harbour notes", "text": NOTES},
    {"id": "no-boats", "published": "2025-03-15", "outlet": "Fjord Courier",
     "url": "https://fjord.example/boats", "title": "Norway orders patrol boats",
     "text": FILLER * 30 + EVIDENCE + " " + FILLER * 10},
    {"id": "fi-howitzers", "published": "2025-05-03", "outlet": "Northern Defence Wire",
     "url": "https://north.example/fi-howitzers", "title": "Finland orders howitzers",
     "text": "Finland ordered 40 K9 howitzers from Hanwha Aerospace on 2 May 2025. "
             "The first guns arrive next year, the ministry said."},
    {"id": "de-air-defence", "published": "2025-06-04", "outlet": "Berlin Security Daily",
     "url": "https://berlin.example/iris-t", "title": "Germany pledges air defence",
     "text": "Germany pledged four IRIS-T air defence systems to Ukraine on 3 June 2025. "
             "The systems will be delivered before the winter, the defence minister said."},
    {"id": "hostile", "published": "2025-06-06", "outlet": "<b onmouseover=alert(3)>X</b>",
     "url": "javascript:alert('url')", "title": HOSTILE_TITLE,
     "text": "Chile ordered two frigates from Babcock on 5 June 2025. "
             '<script>alert("body")</script> <img src=x onerror=alert("img")> '
             '<a href="javascript:alert(4)">details</a> follow.'},
]
