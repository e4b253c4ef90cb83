"""Zip archives and gzip streams: their contents are read as streams, never extracted (tar
archives: `tar.py`)."""

from __future__ import annotations

import gzip
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from typing import IO, cast

from materiel.models import Document, ReadError

from .common import Source
from .options import ReaderOptions

Item = Document | ReadError
ReadStream = Callable[[IO[bytes], Source, ReaderOptions], Iterator[Item]]

MAX_NESTING = 4  # archives in archives: a zip quine must not recurse for ever


def too_deep(src: Source) -> ReadError | None:
    if src.depth < MAX_NESTING:
        return None
    return src.error(f"archive nested more than {MAX_NESTING} levels deep: not read")


def read_gzip(
    stream: IO[bytes], src: Source, options: ReaderOptions, read: ReadStream
) -> Iterator[Item]:
    """The decompressed body, streamed (a gzip bomb costs time, bounded per record, not memory)."""
    name = src.name[:-3] if src.name.lower().endswith(".gz") else src.name
    inner = src.inner(name, member=False, size=None)
    if error := too_deep(inner):
        yield error
        return
    with gzip.GzipFile(fileobj=stream, mode="rb") as body:
        yield from read(cast(IO[bytes], body), inner, options)


def unsafe_member_name(name: str) -> str | None:
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "absolute member name"
    if ".." in parts:
        return "member name climbs out of the archive ('..')"
    return None


def _passed_over(name: str) -> bool:
    """macOS resource forks and hidden files, passed over as in folders."""
    # "./" leads the names of an archive made of a folder's contents (`tar -C folder .`)
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".")]
    return bool(parts) and (parts[0] == "__MACOSX" or any(p.startswith(".") for p in parts))


def screen_member(
    member: Source, name: str, is_dir: bool, refusal: str | None
) -> bool | ReadError:
    """True to read an archive member, False to pass it over (a folder, a hidden file), or the
    one-line refusal of an unsafe one (`refusal`: the archive type's own reason, if any)."""
    if reason := unsafe_member_name(name):
        return member.error(f"{reason}: not read")
    if is_dir or _passed_over(name):
        return False
    if refusal:
        return member.error(refusal)
    return too_deep(member) or True


def _refusal(info: zipfile.ZipInfo) -> str | None:
    mode = info.external_attr >> 16  # Unix mode, when the archive was made on Unix
    if stat.S_IFMT(mode) and not stat.S_ISREG(mode):
        kind = "symbolic link" if stat.S_ISLNK(mode) else "special file"
        return f"{kind} member, not a regular file: not read"
    if info.flag_bits & 0x1:
        return "encrypted zip member"
    return None


_END_OF_DIRECTORY = b"PK\x05\x06"


def _listed_members(stream: IO[bytes]) -> int | None:
    """The member count of the zip's end-of-directory record (None for zip64 or when it is not
    found): zipfile stops reading the directory at its stated size, so a damaged entry that
    runs over the ones after it hides them without a word."""
    size = stream.seek(0, 2)
    stream.seek(max(0, size - 65_557))  # the record, 22 bytes, plus a comment of 64 KiB at most
    tail = stream.read()
    at = tail.rfind(_END_OF_DIRECTORY)
    if at < 0 or len(tail) < at + 12:
        return None
    count = int.from_bytes(tail[at + 10 : at + 12], "little")
    return None if count == 0xFFFF else count


def read_zip(
    stream: IO[bytes], src: Source, options: ReaderOptions, read: ReadStream
) -> Iterator[Item]:
    """Members in name order, each streamed from the archive; unsafe ones are refused."""
    if not stream.seekable():  # zipfile needs to seek: spool a piped archive to disk
        with tempfile.TemporaryFile() as spool:
            shutil.copyfileobj(stream, spool)
            spool.seek(0)
            yield from read_zip(cast(IO[bytes], spool), src, options, read)
        return
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        yield src.error(f"corrupt zip archive ({exc})")
        return
    with archive:
        listed, found = _listed_members(stream), len(archive.infolist())
        if listed is not None and listed != found:
            yield src.error(f"corrupt zip archive (its directory promises {listed} members, "
                            f"{found} can be read)")
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            member = src.inner(info.filename, member=True, size=info.file_size)
            verdict = screen_member(member, info.filename, info.is_dir(), _refusal(info))
            if verdict is not True:
                if isinstance(verdict, ReadError):
                    yield verdict
                continue
            try:
                with archive.open(info) as body:
                    yield from read(body, member, options)
            except Exception as exc:  # unsupported compression, bad CRC...
                yield member.error(f"read failed ({type(exc).__name__}: {exc})")
