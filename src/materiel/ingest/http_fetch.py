"""Fetching one URL over HTTP(S) with a deadline, a size cap and conditional headers.

Only http and https are fetched, redirects included (urllib would follow one to ftp).
A failure is a `FetchError` that says whether trying again can help and, for a 429 or 503
with Retry-After, how long the server asked us to wait.
"""

from __future__ import annotations

import email.utils
import http.client
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO, Any
from urllib.parse import urlsplit

from materiel import __version__

from .common import one_line

SCHEMES = ("http", "https")
CHUNK = 64 * 1024
MAX_RETRY_AFTER = 24 * 3600.0  # a server asking for more than a day is taken at a day


@dataclass(frozen=True)
class HttpLimits:
    timeout: float = 20.0  # seconds for a whole request, connection to last byte
    max_bytes: int = 10_000_000  # a larger response is refused, unread beyond the cap
    user_agent: str = f"materiel/{__version__} (feed watcher)"


@dataclass
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 (not modified: no body)
    headers: Mapping[str, str] = field(default_factory=dict)  # names in lower case
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset" and value.strip(' "'):
                return value.strip(' "')
        return None


class FetchError(Exception):
    """A URL that could not be fetched; `permanent`: trying again will not help (a 404)."""

    def __init__(self, reason: str, *, permanent: bool = False,
                 retry_after: float | None = None, status: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        self.retry_after = retry_after
        self.status = status


def is_web_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme.lower() in SCHEMES and bool(parts.netloc)


class _WebRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = 5

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int,
                         msg: str, headers: Any, newurl: str) -> urllib.request.Request | None:
        if not is_web_url(newurl):
            raise FetchError(f"redirected to a URL that is not http(s): {one_line(newurl, 80)}",
                             permanent=True)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    wait = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(wait, 0.0), MAX_RETRY_AFTER)


class Fetcher:
    """One opener for many requests (proxies from the environment, as urllib does)."""

    def __init__(self, limits: HttpLimits | None = None):
        self.limits = limits or HttpLimits()
        self._opener = urllib.request.build_opener(_WebRedirects)

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Response:
        if not is_web_url(url):
            raise FetchError("not an http(s) URL", permanent=True)
        request = urllib.request.Request(url, headers={
            "User-Agent": self.limits.user_agent, "Accept-Encoding": "identity",
            **(headers or {})})
        started = time.monotonic()
        try:
            with self._opener.open(request, timeout=self.limits.timeout) as reply:
                body = self._read(reply, started)
                if reply.headers.get("Content-Encoding", "").strip().lower() == "gzip":
                    body = self._gunzip(body)  # sent although we asked for identity
                return Response(reply.geturl(), reply.status, _lower(reply.headers), body)
        except urllib.error.HTTPError as exc:
            exc.close()
            if exc.code == 304:
                return Response(exc.geturl() or url, 304, _lower(exc.headers))
            raise _http_error(exc) from None
        except FetchError:
            raise
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                raise self._timed_out() from None
            raise FetchError(one_line(f"cannot connect ({reason})")) from None
        except TimeoutError:
            raise self._timed_out() from None
        except (OSError, http.client.HTTPException, ValueError) as exc:
            raise FetchError(one_line(f"{type(exc).__name__}: {exc}")) from None

    def _read(self, reply: Any, started: float) -> bytes:
        cap = self.limits.max_bytes
        declared = reply.headers.get("Content-Length", "")
        if declared.strip().isdigit() and int(declared) > cap:
            raise FetchError(f"response too large ({int(declared):,} bytes; the cap is "
                             f"{cap:,})", permanent=True)
        parts, size = [], 0
        while chunk := reply.read(min(CHUNK, cap + 1 - size)):
            parts.append(chunk)
            size += len(chunk)
            if size > cap:
                raise FetchError(f"response too large (over {cap:,} bytes)", permanent=True)
            if time.monotonic() - started > self.limits.timeout:
                raise self._timed_out()
        return b"".join(parts)

    def _gunzip(self, data: bytes) -> bytes:
        cap = self.limits.max_bytes
        try:
            body = zlib.decompressobj(wbits=31).decompress(data, cap + 1)
        except zlib.error as exc:
            raise FetchError(f"bad gzip body ({exc})") from None
        if len(body) > cap:
            raise FetchError(f"response too large (over {cap:,} bytes unpacked)",
                             permanent=True)
        return body

    def _timed_out(self) -> FetchError:
        return FetchError(f"timed out after {self.limits.timeout:g} s")


def _lower(headers: Any) -> dict[str, str]:
    return {name.lower(): value for name, value in (headers or {}).items()}


def _http_error(exc: urllib.error.HTTPError) -> FetchError:
    code = exc.code
    reason = f"HTTP {code}" + (f" {exc.reason}" if exc.reason else "")
    if code in (429, 503):
        wait = retry_after_seconds(exc.headers.get("Retry-After") if exc.headers else None)
        return FetchError(one_line(reason), retry_after=wait, status=code)
    # other client errors will not mend by themselves (408 Request Timeout might)
    permanent = 400 <= code < 500 and code != 408
    return FetchError(one_line(reason), permanent=permanent, status=code)
