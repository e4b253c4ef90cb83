"""Plain text file: one Document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from materiel.models import Document, ReadError

from .common import Source, read_whole, sha256
from .encoding import decode_bytes
from .options import ReaderOptions


def text_to_document(
    data: bytes,
    src: Source,
    *,
    doc_id: str,
    record: int | None = None,
    offset: int | None = None,
    charset: str | None = None,
    url: str | None = None,
    published: str | None = None,
) -> Document | ReadError:
    """One plain-text document; `charset` is a declared one, if any."""
    text, encoding = decode_bytes(data, charset)
    if not text.strip():
        return src.error("no text (whitespace only)", record)
    return Document(
        id=doc_id,
        text=text,
        url=url,
        published=published,
        provenance=src.provenance(sha256(data), record, offset),
        extra={"encoding": encoding},
    )


def read_text(
    stream: IO[bytes], src: Source, options: ReaderOptions
) -> Iterator[Document | ReadError]:
    data = read_whole(stream, src, options.max_document_bytes)
    yield data if isinstance(data, ReadError) else text_to_document(data, src, doc_id=src.stem)
