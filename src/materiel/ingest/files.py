"""Which paths are read: regular files only, opened without ever blocking; symbolic links
that lead out of an input folder only when asked."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from materiel.models import ReadError

_KINDS = (
    (stat.S_ISFIFO, "named pipe (FIFO)"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
)
# O_NONBLOCK: opening a FIFO swapped in after the check returns at once instead of waiting
# for a writer; fstat then refuses it.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


@dataclass(frozen=True)
class Target:
    """A regular file to read; `via_link`: reached through a symbolic link already checked."""

    path: str
    via_link: bool = False


def os_reason(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)


def not_regular(mode: int) -> str | None:
    """Why a file of this mode is not read; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, kind in _KINDS:
        if test(mode):
            hint = "; give - to read standard input" if test is stat.S_ISFIFO else ""
            return f"{kind}, not a regular file: not read{hint}"
    return "not a regular file: not read"


def open_regular(target: Target) -> tuple[IO[bytes], int] | ReadError:
    """(stream, size) of a regular file, checked on the opened descriptor itself."""
    flags = _OPEN_FLAGS | (0 if target.via_link else _NOFOLLOW)
    try:
        fd = os.open(target.path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP and not target.via_link:
            return ReadError(target.path, "replaced by a symbolic link while reading: not read")
        return ReadError(target.path, os_reason(exc))
    try:
        info = os.fstat(fd)
        reason = not_regular(info.st_mode)
        if reason is None:
            os.set_blocking(fd, True)
            return os.fdopen(fd, "rb"), info.st_size
    except OSError as exc:
        reason = os_reason(exc)
    os.close(fd)
    return ReadError(target.path, reason)


def targets(path: str, follow_symlinks: bool) -> Iterator[Target | ReadError]:
    """The files to read for one path named by the user: itself, or the regular files in the
    folder (recursive, sorted, files before subfolders, hidden entries skipped)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        yield ReadError(path, _link_reason(path, exc))
        return
    if stat.S_ISDIR(mode):
        yield from _walk(path, follow_symlinks)
    elif reason := not_regular(mode):
        yield ReadError(path, reason)
    else:
        yield Target(path, via_link=True)  # a link named on the command line is followed


def _link_reason(path: str, exc: OSError) -> str:
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return f"broken symbolic link (to {os.readlink(path)})"
    return os_reason(exc)


def _walk(root: str, follow_symlinks: bool) -> Iterator[Target | ReadError]:
    real_root = os.path.realpath(root)
    seen: set[tuple[int, int]] = set()
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen:
                yield ReadError(folder, "symbolic link to a folder already read: not read again")
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as scan:
                entries = sorted((e for e in scan if not e.name.startswith(".")), key=_name)
        except OSError as exc:
            yield ReadError(folder, os_reason(exc))
            continue
        subfolders = []
        for entry in entries:
            item = _entry(entry, real_root, follow_symlinks)
            if isinstance(item, str):
                subfolders.append(item)
            elif item is not None:
                yield item
        folders.extend(reversed(subfolders))


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _entry(
    entry: os.DirEntry[str], real_root: str, follow: bool
) -> Target | ReadError | str | None:
    """A file to read, a rejection, a subfolder to walk (its path), or None to pass over."""
    try:
        if entry.is_symlink():
            return _link(entry.path, real_root, follow)
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError as exc:
        return ReadError(entry.path, os_reason(exc))
    if stat.S_ISDIR(mode):
        return entry.path
    reason = not_regular(mode)
    return ReadError(entry.path, reason) if reason else Target(entry.path)


def _link(path: str, real_root: str, follow: bool) -> Target | ReadError | str | None:
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return ReadError(path, _link_reason(path, exc))
    target = os.path.realpath(path)
    inside = os.path.commonpath([target, real_root]) == real_root
    if not inside and not follow:
        return ReadError(
            path, f"symbolic link to {target}, outside the input folder: not followed "
            "(--follow-symlinks reads it)"
        )
    if stat.S_ISDIR(mode):
        return None if inside else path  # a folder inside is read under its own name
    reason = not_regular(mode)
    return ReadError(path, reason) if reason else Target(path, via_link=True)
