"""Only regular files are read: FIFOs, sockets and devices are refused without blocking, and
symbolic links that lead out of an input folder are refused unless asked for."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading

import pytest

from materiel.ingest import ReaderOptions, read_paths
from materiel.models import Document, ReadError


def read_within(seconds: float, *paths, **options) -> list[Document | ReadError]:
    """read_paths in a thread: a reader that blocks (on a FIFO) fails the test, not the run."""
    items: list[Document | ReadError] = []
    worker = threading.Thread(
        target=lambda: items.extend(read_paths([str(p) for p in paths], ReaderOptions(**options))),
        daemon=True,
    )
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "reading blocked"
    return items


def reasons(items) -> dict[str, str]:
    return {os.path.basename(i.path): i.reason for i in items if isinstance(i, ReadError)}


def test_fifo_in_a_folder_is_refused_without_blocking(tmp_path, text):
    (tmp_path / "a.txt").write_text(text.radar)
    os.mkfifo(tmp_path / "pipe.jsonl")
    items = read_within(10, tmp_path)
    assert [i.id for i in items if isinstance(i, Document)] == ["a"]
    assert reasons(items) == {
        "pipe.jsonl": "named pipe (FIFO), not a regular file: not read; give - to read standard "
        "input"
    }


def test_fifo_named_on_the_command_line_is_refused(tmp_path):
    os.mkfifo(tmp_path / "feed")
    [err] = read_within(10, tmp_path / "feed")
    assert isinstance(err, ReadError) and err.path == str(tmp_path / "feed")
    assert err.reason.startswith("named pipe (FIFO), not a regular file")


def test_socket_and_device_are_refused(tmp_path, text):
    (tmp_path / "a.txt").write_text(text.radar)
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "control.sock"))
        items = read_within(10, tmp_path, "/dev/null")
    finally:
        server.close()
    assert reasons(items) == {
        "control.sock": "socket, not a regular file: not read",
        "null": "character device, not a regular file: not read",
    }


def test_symlink_out_of_the_folder_is_refused_unless_followed(tmp_path, text):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text(text.frigate)
    (outside / "more").mkdir()
    (outside / "more" / "deep.txt").write_text(text.howitzers)
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "own.txt").write_text(text.radar)
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "more").symlink_to(outside / "more")
    items = read_within(10, folder)
    assert [i.id for i in items if isinstance(i, Document)] == ["own"]
    refused = reasons(items)
    assert set(refused) == {"secret.txt", "more"}
    assert refused["secret.txt"] == (
        f"symbolic link to {outside / 'secret.txt'}, outside the input folder: not followed "
        "(--follow-symlinks reads it)"
    )
    assert all("\n" not in str(i) for i in items)
    followed = read_within(10, folder, follow_symlinks=True)
    assert [i.id for i in followed] == ["own", "secret", "deep"]


def test_symlinks_inside_the_folder_loops_and_broken_links(tmp_path, text):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "story.txt").write_text(text.radar)
    (tmp_path / "alias.txt").symlink_to(tmp_path / "sub" / "story.txt")  # inside: read
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a loop back to the root: passed over
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    items = read_within(10, tmp_path, follow_symlinks=True)
    assert [i.id for i in items if isinstance(i, Document)] == ["alias", "story"]
    assert reasons(items) == {"gone.txt": f"broken symbolic link (to {tmp_path / 'missing.txt'})"}


def test_symlink_loop_outside_the_folder_ends(tmp_path, text):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.txt").write_text(text.radar)
    (outside / "again").symlink_to(outside)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "link").symlink_to(outside)
    items = read_within(10, folder, follow_symlinks=True)
    assert [i.id for i in items if isinstance(i, Document)] == ["x"]
    assert reasons(items) == {"again": "symbolic link to a folder already read: not read again"}


def test_a_link_named_on_the_command_line_is_read(tmp_path, text):
    (tmp_path / "real.txt").write_text(text.frigate)
    (tmp_path / "named.txt").symlink_to(tmp_path / "real.txt")
    [doc] = read_within(10, tmp_path / "named.txt")
    assert isinstance(doc, Document) and doc.id == "named"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file(tmp_path, text):
    path = tmp_path / "locked.txt"
    path.write_text(text.radar)
    path.chmod(0)
    assert reasons(read_within(10, path)) == {"locked.txt": "permission denied"}


def test_cli_follow_symlinks_option(tmp_path, text):
    outside = tmp_path / "outside.txt"
    outside.write_text(text.frigate + "\n")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    command = [sys.executable, "-m", "materiel.cli", "ingest", str(folder), "--no-extract"]
    command += ["--db", str(tmp_path / "m.db")]
    refused = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert "read 0" in refused.stdout and "rejected 2" in refused.stdout
    assert "link.txt" in refused.stderr and "--follow-symlinks" in refused.stderr
    assert "pipe.txt" in refused.stderr and "named pipe" in refused.stderr
    followed = subprocess.run(
        [*command, "--follow-symlinks"], capture_output=True, text=True, timeout=120
    )
    assert "read 1" in followed.stdout and "rejected 1" in followed.stdout
