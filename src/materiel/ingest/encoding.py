"""Bytes to text without ever raising: UTF-8 first, then BOMs, declared charsets, detection."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

_SAMPLE = 65_536  # bytes handed to charset-normalizer; enough to decide, cheap to scan
_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Single-byte Latin code pages that charset-normalizer often picks for short Western text;
# when it does, cp1252 is compared with them and wins ties (it is by far the most common).
_LATIN = frozenset(
    ("cp1250", "cp1252", "cp1257", "latin_1", "cp437", "cp775", "cp850", "cp852", "cp858")
    + ("mac_roman", "mac_latin2", "mac_iceland")
    + tuple(f"iso8859_{n}" for n in (2, 3, 4, 10, 13, 14, 15, 16))
)
_TYPOGRAPHY = frozenset("“”‘’„‚–—€…«»‹›°§©®™£¥•·×÷½¼¾\u00a0")
# Control bytes that never occur in text (tab, newlines, form feed, escape are allowed).
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\f\x1b") + b"\x7f"


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 from NULs that sit on one byte parity only (ASCII-heavy text)."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.3 * half and even < 0.02 * half:
        name = "utf-16-le"
    elif even > 0.3 * half and odd < 0.02 * half:
        name = "utf-16-be"
    else:
        return None
    text = sample[: half * 2].decode(name, errors="replace")
    printable = sum(ch.isprintable() or ch in "\t\r\n" for ch in text)
    return name if printable > 0.9 * len(text) else None


def is_utf8(data: bytes, *, truncated: bool = False) -> bool:
    """Whether `data` is valid UTF-8; with `truncated`, a sequence cut at the end is allowed."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return truncated and exc.reason == "unexpected end of data"
    return True


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _plausibility(sample: bytes, encoding: str) -> float:
    """Share of non-ASCII characters that are letters or common typography."""
    odd = [ch for ch in sample.decode(encoding, errors="replace") if ord(ch) > 127]
    if not odd:
        return 1.0
    return sum(ch.isalpha() or ch in _TYPOGRAPHY for ch in odd) / len(odd)


def detect_encoding(data: bytes) -> str:
    """Best guess for non-UTF-8 bytes (charset-normalizer, biased towards cp1252)."""
    sample = data[:_SAMPLE]
    western = "cp1252" if _decodes(data, "cp1252") else "latin_1"
    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        return western
    if best.encoding not in _LATIN:
        return best.encoding
    candidates = [western, *(m.encoding for m in matches if m.encoding in _LATIN)]
    return max(candidates, key=lambda enc: _plausibility(sample, enc))  # first wins ties


def _declared(hint: str | None) -> str | None:
    if not hint:
        return None
    try:
        name = codecs.lookup(hint.strip()).name
    except LookupError:
        return None
    # As browsers do: pages labelled latin-1 are decoded as its superset cp1252.
    return "cp1252" if name == "iso8859-1" else name


def decode_bytes(data: bytes, hint: str | None = None) -> tuple[str, str]:
    """Decode `data`, returning (text, encoding name). `hint` is a declared charset, if any."""
    bom = bom_encoding(data) or _utf16_without_bom(data)
    if bom:
        return data.decode(bom, errors="replace"), bom
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _declared(hint)
    if declared and _decodes(data, declared):
        return data.decode(declared), declared
    encoding = detect_encoding(data)
    return data.decode(encoding, errors="replace"), encoding


def sniff_encoding(head: bytes) -> str | None:
    """Encoding of a file from its first bytes: None when they read as UTF-8."""
    bom = bom_encoding(head) or _utf16_without_bom(head)
    if bom:
        return bom
    return None if is_utf8(head, truncated=True) else detect_encoding(head)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KB (UTF-16/32 text excepted)."""
    sample = data[:8192]
    if not sample or bom_encoding(sample) or _utf16_without_bom(sample):
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > 0.05 * len(sample)


class LineDecoder:
    """Decodes the lines of one file: UTF-8 when valid, else one encoding detected once."""

    def __init__(self, encoding: str | None = None) -> None:
        # `encoding`: the file's, sniffed from its head; UTF ones need no fallback.
        self.fallback = None if not encoding or encoding.startswith("utf") else encoding

    def __call__(self, raw: bytes) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            if self.fallback is None:
                self.fallback = detect_encoding(raw)
            return raw.decode(self.fallback, errors="replace")
