"""A small web site on loopback for the watch tests: feeds, URL lists and article pages
with ETag / Last-Modified support, scripted failures and slow or huge answers. Every article
here is written for these tests."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

from materiel.ingest.http_fetch import HttpLimits
from materiel.ingest.watch import WatchOptions

ARTICLES = {
    "howitzers": (
        "Ministry orders 24 howitzers",
        "The defence ministry of Norland signed a contract for 24 self-propelled howitzers "
        "with a domestic manufacturer on Tuesday, officials said.",
        "Deliveries of the tracked guns are due to begin in the spring of next year and to "
        "finish within three years, according to the procurement agency.",
        "The order also covers spare parts, training for crews and a simulator for the "
        "artillery school in the northern garrison town.",
    ),
    "frigate": (
        "Navy commissions third frigate",
        "The navy of Sudmark commissioned its third air-defence frigate at the western naval "
        "base on Friday, in a ceremony attended by the prime minister.",
        "The ship carries a long-range radar and forty-eight vertical launch cells, and will "
        "join the task group that patrols the strait from next month.",
        "Two more ships of the class are being fitted out at the yard and should follow in "
        "the coming years, the shipbuilder said in a statement.",
    ),
    "radar": (
        "Air force picks ground radar",
        "The air force of Ostria has selected a ground-based surveillance radar for its new "
        "air defence network after a two-year competition.",
        "The first two units will enter service at the eastern border next year; eight more "
        "are planned once the budget for the following period is approved.",
        "Engineers from the supplier will train technicians at the main air base, where a "
        "maintenance centre for the radars is to be built.",
    ),
    "drones": (
        "Army receives reconnaissance drones",
        "The army of Westria took delivery of thirty small reconnaissance drones from a "
        "foreign supplier this week, the general staff announced.",
        "The hand-launched aircraft will equip infantry battalions on the southern front, "
        "where units have asked for better observation since the winter.",
        "A second batch is expected before the summer under the same framework agreement "
        "signed in the autumn.",
    ),
    "tanker": (
        "Tanker aircraft deal approved",
        "The parliament of Eastland approved the purchase of two air-to-air refuelling "
        "aircraft on Wednesday after a long debate about their cost.",
        "The tankers will let fighter jets stay longer on patrol over the northern sea and "
        "will also carry cargo and medical evacuation teams.",
        "The government expects the first aircraft to arrive in three years and the second "
        "a year later, the defence committee chairman said.",
    ),
}


def article_html(name: str) -> str:
    title, *paragraphs = ARTICLES[name]
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang='en'><head><title>{escape(title)}</title></head>"
            f"<body><article><h1>{escape(title)}</h1>{body}</article></body></html>")


def rss(entries: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed; each entry (guid, link, title)."""
    items = "".join(
        f"<item><guid>{escape(guid)}</guid><link>{escape(link)}</link>"
        f"<title>{escape(title)}</title><description>{escape(title)}.</description></item>"
        for guid, link, title in entries)
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Test Wire</title><link>http://example.invalid/</link>{items}"
            "</channel></rss>")


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    # statuses answered first, one per request, before the body: (status, headers)
    failures: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    delay: float = 0.0  # seconds before answering
    stream_without_length: bool = False  # no Content-Length: read until the socket closes
    headers: dict[str, str] = field(default_factory=dict)  # more headers of a 200

    def set(self, body: str | bytes, *, version: int | None = None) -> None:
        """New content; with `version`, new validators that go with it."""
        self.body = body.encode("utf-8") if isinstance(body, str) else body
        if version is not None:
            self.etag = f'"v{version}"'
            self.last_modified = formatdate(1_700_000_000 + 3600 * version, usegmt=True)


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.on_request: dict[str, threading.Event] = {}  # set when the path is asked for
        handler = type("Handler", (_Handler,), {"site": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: str | bytes = b"", **kwargs: object) -> Route:
        route = Route(**kwargs)  # type: ignore[arg-type]
        route.set(body)
        self.routes[path] = route
        return route

    def feed(self, path: str, names: list[str], version: int = 1) -> Route:
        """A feed of the named articles, each also served as a page under /a/NAME."""
        for name in names:
            if f"/a/{name}" not in self.routes:
                self.add(f"/a/{name}", article_html(name))
        route = self.routes.get(path) or self.add(path, content_type="application/rss+xml")
        route.set(rss([(f"tag:test,{name}", self.url(f"/a/{name}"), ARTICLES[name][0])
                       for name in names]), version=version)
        return route

    def count(self, path: str) -> int:
        return sum(1 for asked, _ in self.requests if asked == path)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        site = self.site
        site.requests.append((self.path, dict(self.headers.items())))
        if (event := site.on_request.get(self.path)) is not None:
            event.set()
        route = site.routes.get(self.path)
        if route is None:
            return self._answer(404, {}, b"not here")
        if route.delay:
            time.sleep(route.delay)
        if route.failures:
            status, headers = route.failures.pop(0)
            return self._answer(status, headers, b"try later")
        validators = {k: v for k, v in (("ETag", route.etag),
                                         ("Last-Modified", route.last_modified)) if v}
        if (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                route.last_modified and not route.etag
                and self.headers.get("If-Modified-Since") == route.last_modified):
            return self._answer(304, validators, b"")
        self._answer(200, {"Content-Type": route.content_type, **validators, **route.headers},
                     route.body,
                     with_length=not route.stream_without_length)

    def _answer(self, status: int, headers: dict[str, str], body: bytes,
                with_length: bool = True) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if with_length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        try:
            for start in range(0, len(body), 65536):
                self.wfile.write(body[start:start + 65536])
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading (the size cap)
        if not with_length:
            self.close_connection = True


def options(*, timeout: float = 5.0, max_bytes: int = 1_000_000, backoff_base: float = 0.0,
            max_items: int | None = None) -> WatchOptions:
    """Options for tests: one pass, no wait before retrying a failed feed, short timeouts."""
    return WatchOptions(once=True, max_items=max_items, backoff_base=backoff_base,
                        http=HttpLimits(timeout=timeout, max_bytes=max_bytes))
