"""Browser tests: `materiel serve` on a loopback port, over a store filled by the real
pipeline, driven by Playwright through the system's chromium (never a downloaded browser).

Without /usr/bin/chromium (or Playwright) the tests are skipped, unless
MATERIEL_REQUIRE_BROWSER=1 (CI), where that is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from accounts import NAME, PASSWORD
from browser_corpus import ARTICLES

CHROMIUM = os.environ.get("MATERIEL_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"]


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is absent (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[dev]')"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = _missing()
    if reason is None:
        return
    if os.environ.get("MATERIEL_REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"MATERIEL_REQUIRE_BROWSER=1 but {reason}")
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.skip(reason=reason))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_until_up(url: str, server: subprocess.Popen[bytes], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"materiel serve exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"materiel serve did not answer on {url}")


@pytest.fixture(scope="session")
def db_path(tmp_path_factory) -> Path:
    from materiel.pipeline import ingest, make_extractor
    from materiel.store import Store

    folder = tmp_path_factory.mktemp("browser")
    corpus = folder / "articles.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    db = folder / "materiel.db"
    store = Store.open(str(db))
    try:
        assert ingest([str(corpus)], store, extractor=make_extractor()).events >= 4
    finally:
        store.close()
    return db


@contextmanager
def _serving(db_path: Path, log_folder: Path, **env: str) -> Iterator[str]:
    """`materiel serve` over `db_path` on a free loopback port, with `env` added: its URL."""
    port = _free_port()
    script = shutil.which("materiel", path=str(Path(sys.executable).parent)) or "materiel"
    log = (log_folder / "serve.log").open("wb")
    proc = subprocess.Popen([script, "serve", "--db", str(db_path), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT,
                            env={**os.environ, **env})
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base + "/", proc)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def server(db_path, tmp_path_factory) -> Iterator[str]:
    """The base URL of `materiel serve` on a free loopback port."""
    with _serving(db_path, tmp_path_factory.mktemp("serve")) as base:
        yield base


@pytest.fixture(scope="session")
def hurried_server(db_path, tmp_path_factory) -> Iterator[str]:
    """The same, with no time at all for the feed's facet counts: the page's script must
    fetch every one of them."""
    with _serving(db_path, tmp_path_factory.mktemp("serve-hurried"),
                  MATERIEL_FACET_TIME_LIMIT_MS="0") as base:
        yield base


@pytest.fixture(scope="session")
def reviewer(db_path) -> str:
    """A user made with the CLI, as a new user would."""
    script = shutil.which("materiel", path=str(Path(sys.executable).parent)) or "materiel"
    done = subprocess.run([script, "users", "add", NAME, "--db", str(db_path),
                           "--password-stdin"], input=PASSWORD + "\n", text=True,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return NAME


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:  # Playwright gives the browser a throwaway profile itself
        launched = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server) -> Iterator[object]:
    """A fresh page that fails the test on any dialog (alert, confirm, prompt)."""
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 860})
    tab = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog: object) -> None:
        dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    tab.on("dialog", on_dialog)
    tab.dialogs = dialogs  # type: ignore[attr-defined]
    yield tab
    context.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where the tests save their screenshots: $MATERIEL_SCREENSHOTS, else a temporary folder."""
    chosen = os.environ.get("MATERIEL_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
