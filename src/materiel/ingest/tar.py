"""Tar archives (plain, or inside a gzip stream: .tar.gz, .tgz): members read in archive order as
streams, never extracted; a piped archive is read without spooling."""

from __future__ import annotations

import tarfile
from collections.abc import Iterator
from typing import IO, cast

from materiel.models import ReadError

from .archives import Item, ReadStream, screen_member
from .common import Source, prepend
from .options import ReaderOptions

_END_OF_ARCHIVE = bytes(1024)  # two zero blocks: tar's end marker


class _Watched:
    """Reads through to the stream, noting its last 1 KiB and where its last non-zero byte lies.
    tarfile takes a damaged header, or the end of an archive cut between two members, for the
    archive's end: only data after that point, or a missing end marker, tells them apart."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.tail = b""
        self.position = 0
        self.data_end = 0  # one past the last non-zero byte

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        if kept := len(data.rstrip(b"\0")):
            self.data_end = self.position + kept
        self.position += len(data)
        self.tail = (self.tail + data)[-len(_END_OF_ARCHIVE):]
        return data

    def drain(self) -> None:
        while self.read(1 << 16):
            pass


def _refusal(info: tarfile.TarInfo) -> str | None:
    if info.issym() or info.islnk():
        return "link member, not a regular file: not read"
    if not info.isreg():
        return "special file member, not a regular file: not read"
    return None


def read_tar(
    stream: IO[bytes], src: Source, options: ReaderOptions, read: ReadStream
) -> Iterator[Item]:
    """Regular members, each streamed; links, devices and unsafe names are refused; damage and
    an archive cut short are reported after the members read before them."""
    watched = _Watched(stream)
    try:
        with tarfile.open(fileobj=cast(IO[bytes], watched), mode="r|") as archive:
            for info in archive:
                yield from _member(archive, info, src, options, read)
            stopped_at = archive.offset  # the header tarfile read as the end
        watched.drain()
    except (tarfile.TarError, EOFError, OSError) as exc:
        yield src.error(f"corrupt tar archive ({exc})")
        return
    if watched.data_end > stopped_at:
        yield src.error(f"corrupt tar archive (a damaged member header at byte {stopped_at}: "
                        "the members after it are not read)")
    elif watched.tail != _END_OF_ARCHIVE:
        yield src.error("corrupt tar archive (cut short: no end-of-archive marker)")


def _member(
    archive: tarfile.TarFile, info: tarfile.TarInfo, src: Source, options: ReaderOptions,
    read: ReadStream,
) -> Iterator[Item]:
    member = src.inner(info.name, member=True, size=info.size)
    verdict = screen_member(member, info.name, info.isdir(), _refusal(info))
    if isinstance(verdict, ReadError):
        yield verdict
    if verdict is not True:
        return
    body = archive.extractfile(info)
    if body is None:
        return
    with body:  # a member of a streamed archive cannot seek: say so to the readers
        yield from read(prepend(b"", body), member, options)
