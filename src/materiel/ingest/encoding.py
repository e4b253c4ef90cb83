"""Bytes to text without ever raising: BOMs, UTF-8 (with stray legacy bytes), declared
charsets, detection on a bounded sample."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

SAMPLE_BYTES = 65_536  # the most bytes any guess looks at: detection must not grow with a file
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
# Bytes that are not UTF-8, as decoding with errors="surrogateescape" leaves them.
_ESCAPED = re.compile("[\udc80-\udcff]")
_CP1252 = [bytes([b]).decode("cp1252", errors="replace") for b in range(256)]


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _printable(data: bytes, encoding: str) -> bool:
    text = data.decode(encoding, errors="replace")
    return sum(ch.isprintable() or ch in "\t\r\n" for ch in text) > 0.9 * len(text)


def _utf32_without_bom(data: bytes) -> str | None:
    """BOM-less UTF-32 from its NULs: below U+10000 the two high bytes of every unit are 0."""
    units = min(len(data), 4096) // 4
    if units < 2 or b"\x00\x00" not in data[:4096]:
        return None
    sample = data[: units * 4]
    zeros = [sample[i::4].count(0) for i in range(4)]
    if zeros[3] == units and zeros[2] > 0.9 * units and zeros[0] < 0.1 * units:
        name = "utf-32-le"
    elif zeros[0] == units and zeros[1] > 0.9 * units and zeros[3] < 0.1 * units:
        name = "utf-32-be"
    else:
        return None
    return name if _printable(sample, name) else None


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
    return name if _printable(sample[: half * 2], name) else None


def unicode_encoding(data: bytes) -> str | None:
    """UTF-8/16/32 named by a BOM, or UTF-16/32 recognised by its NUL bytes."""
    return bom_encoding(data) or _utf32_without_bom(data) or _utf16_without_bom(data)


def first_stray_byte(data: bytes, *, truncated: bool = False) -> int | None:
    """Offset of the first byte that is not UTF-8, None when all of `data` is; with
    `truncated`, a sequence cut at the very end is not counted."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None if truncated and exc.reason == "unexpected end of data" else exc.start
    return None


def is_utf8(data: bytes, *, truncated: bool = False) -> bool:
    """Whether `data` is valid UTF-8; with `truncated`, a sequence cut at the end is allowed."""
    return first_stray_byte(data, truncated=truncated) is None


def _stray_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(_CP1252[b] for b in exc.object[exc.start : exc.end]), exc.end


codecs.register_error("materiel-stray-cp1252", _stray_as_cp1252)


def mostly_utf8(data: bytes, stray_at: int) -> bool:
    """Whether `data`, which holds a byte that is not UTF-8 at `stray_at`, is UTF-8 with a few
    stray legacy bytes (a UTF-8 page with pasted Latin-1) rather than legacy text: decided on
    SAMPLE_BYTES around that byte: at least as many well-formed non-ASCII characters as strays."""
    low, high = max(0, stray_at - SAMPLE_BYTES // 2), stray_at + SAMPLE_BYTES // 2
    while low < stray_at and 0x80 <= data[low] < 0xC0:  # start and end on a character
        low += 1
    while stray_at < high < len(data) and 0x80 <= data[high] < 0xC0:
        high -= 1
    text = data[low:high].decode("utf-8", errors="surrogateescape")
    stray = len(text) - len(_ESCAPED.sub("", text))
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    well_formed = non_ascii - stray
    return well_formed > 0 and well_formed >= stray


def decode_utf8_with_strays(data: bytes) -> str:
    """UTF-8, each byte that is not UTF-8 read alone as cp1252."""
    return data.decode("utf-8", errors="materiel-stray-cp1252")


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
    """Best guess for non-UTF-8 bytes from their first SAMPLE_BYTES (charset-normalizer,
    biased towards cp1252)."""
    sample = data[:SAMPLE_BYTES]
    western = "cp1252" if _decodes(sample, "cp1252") else "latin_1"
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
    unicode = unicode_encoding(data)
    if unicode:
        return data.decode(unicode, errors="replace"), unicode
    stray_at = first_stray_byte(data)
    if stray_at is None:
        return data.decode("utf-8"), "utf-8"
    declared = _declared(hint)
    if declared == "utf-8" or (declared is None and mostly_utf8(data, stray_at)):
        return decode_utf8_with_strays(data), "utf-8"
    if declared and _decodes(data, declared):
        return data.decode(declared), declared
    encoding = detect_encoding(data)
    return data.decode(encoding, errors="replace"), encoding


def sniff_encoding(head: bytes) -> str | None:
    """Encoding of a file from its first bytes: None when they read as UTF-8."""
    unicode = unicode_encoding(head)
    if unicode:
        return unicode
    stray_at = first_stray_byte(head, truncated=True)
    if stray_at is None or mostly_utf8(head, stray_at):
        return None
    return detect_encoding(head)


def looks_binary(data: bytes, records: bool = False) -> bool:
    """NUL bytes or many control bytes in the first 8 KB (UTF-16/32 text excepted). In a
    file of records (JSONL, a JSON array, CSV, a feed's entries) a stray NUL is damage to one
    record, which its reader rejects alone: only many control bytes make such a file binary."""
    sample = data[:8192]
    if not sample or unicode_encoding(sample):
        return False
    if b"\x00" in sample and not records:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > 0.05 * len(sample)


class LineDecoder:
    """Decodes the lines of one file: UTF-8 when valid (stray legacy bytes read one by one),
    else one legacy encoding, detected once."""

    def __init__(self, encoding: str | None = None) -> None:
        # `encoding`: the file's, sniffed from its head; UTF ones need no fallback.
        self.fallback = None if not encoding or encoding.startswith("utf") else encoding

    def __call__(self, raw: bytes) -> str:
        stray_at = first_stray_byte(raw)
        if stray_at is None:
            return raw.decode("utf-8")
        if self.fallback is None:
            if mostly_utf8(raw, stray_at):
                return decode_utf8_with_strays(raw)
            self.fallback = detect_encoding(raw)
        return raw.decode(self.fallback, errors="replace")
