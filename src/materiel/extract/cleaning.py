"""The cleaned document extraction works on.

`materiel.clean.clean` (another stage) is used when importable; until then, and whenever it
fails, `fallback_clean` builds a plain `CleanDocument`: the title as its own first line, one
segment per line, naive sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from materiel.models import CleanDocument, Document, Segment, Sentence, Story

_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "adm",
    "rep",
    "sen",
    "gov",
    "st",
    "no",
    "vs",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "ltd",
    "co",
    "corp",
    "jr",
    "sr",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "etc",
    "approx",
    "prof",
    "rev",
    "fig",
    "ret",
    "d.c",
    "a.m",
    "p.m",
    "d",
    "j",
    "r",
    "s",
    "h",
}
_SENT_END = re.compile(r"[.!?][\"'”’)\]]*+\s++(?=[\"'“‘(\[]?[A-Z0-9])")
_MARKS_AND_CLOSERS = ".!?\"'”’)]"
_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]?")


def _last_word(text: str, start: int, end: int) -> str:
    """The word before `end` (not before `start`), its final marks and closers dropped, as
    `re.split(r"[\\s(]", text[start:end].rstrip(...))[-1]` gives it; read backwards, so that
    a long sentence of abbreviations is not split again at each of them."""
    while end > start and text[end - 1] in _MARKS_AND_CLOSERS:
        end -= 1
    word_start = end
    while word_start > start and not _ends_word(text[word_start - 1]):
        word_start -= 1
    return text[word_start:end]


def _ends_word(char: str) -> bool:
    return char.isspace() or char == "("


def split_sentences(text: str, base: int = 0) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) of one line of text."""
    spans = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.start() + 1
        last = _last_word(text, start, end).lower()
        if (
            last.rstrip(".") in _ABBREV
            or _INITIALISM.fullmatch(last)
            or (len(last) == 1 and last.isalpha())
        ):
            continue
        seg_end = m.end() - len(m.group(0)) + len(m.group(0).rstrip())
        spans.append((start, seg_end))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((base + s, base + e))
    return out


def fallback_clean(doc: Document) -> CleanDocument:
    body = (doc.text or "").replace("\r\n", "\n").replace("\r", "\n")
    title = (doc.title or "").strip()
    first_line = next((ln.strip() for ln in body.split("\n") if ln.strip()), "")
    text = body if not title or first_line == title else f"{title}\n{body}"
    segments: list[Segment] = []
    sentences: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        stripped = line.strip()
        if not stripped:
            continue
        ls = s + (len(line) - len(line.lstrip()))
        le = ls + len(stripped)
        kind = "title" if not segments and title and stripped == title else "paragraph"
        seg_idx = len(segments)
        segments.append(Segment(kind=kind, start=ls, end=le))
        for ss, se in split_sentences(text[ls:le], ls):
            sentences.append(
                Sentence(
                    start=ss, end=se, text=text[ss:se], segment=seg_idx, is_heading=kind == "title"
                )
            )
    stories = [Story(index=0, start=0, end=len(text))]
    return CleanDocument(
        doc=doc, text=text, segments=segments, stories=stories, sentences=sentences
    )


def _project_clean() -> Callable[[Document], CleanDocument] | None:
    try:
        from materiel.clean import clean
    except Exception:  # noqa: BLE001 - the clean stage is optional here
        return None
    return clean


def clean_document(doc: Document) -> CleanDocument:
    """`materiel.clean.clean(doc)` when available, else `fallback_clean(doc)`."""
    fn = _project_clean()
    if fn is not None:
        try:
            cd = fn(doc)
            if cd.sentences:
                return cd
        except Exception:  # noqa: BLE001
            pass
    return fallback_clean(doc)
