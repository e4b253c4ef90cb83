"""Plain text file: one Document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from materiel.models import Document, ReadError

from .common import Source, read_whole, sha256
from .encoding import decode_bytes
from .options import ReaderOptions


def read_text(
    stream: IO[bytes], src: Source, options: ReaderOptions
) -> Iterator[Document | ReadError]:
    data = read_whole(stream, src, options.max_document_bytes)
    if isinstance(data, ReadError):
        yield data
        return
    text, encoding = decode_bytes(data)
    if not text.strip():
        yield src.error("no text (whitespace only)")
        return
    yield Document(
        id=src.stem,
        text=text,
        provenance=src.provenance(sha256(data)),
        extra={"encoding": encoding},
    )
