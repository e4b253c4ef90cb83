from __future__ import annotations

import os
from pathlib import Path

import pytest

from materiel.kb import clear_memory_cache, load_kb, loader

USER = """\
- id: company:rheinmetall
  name: Rheinmetall Group
  type: company
  country: DE
  aliases: [RHM]
- id: company:skyforge
  name: Skyforge Dynamics
  type: company
  country: EE
"""


@pytest.fixture()
def no_builtin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    empty = tmp_path / "builtin"
    empty.mkdir()
    monkeypatch.setattr(loader, "BUILTIN_DIR", empty)
    monkeypatch.setenv("MATERIEL_CACHE_DIR", str(tmp_path / "cache"))
    clear_memory_cache()
    return empty


def test_missing_builtin_files_give_an_empty_kb(no_builtin: Path) -> None:
    kb = load_kb()
    assert len(kb) == 0 and kb.stats()["entries"] == 0
    assert kb.ruler_patterns() == []


def test_user_file_overrides_and_adds(no_builtin: Path, tmp_path: Path) -> None:
    mini = Path(__file__).parent / "fixtures" / "mini"
    user = tmp_path / "mine.yaml"
    user.write_text(USER)
    kb = load_kb([mini, user])
    rh = kb.get("company:rheinmetall")
    assert rh is not None
    assert rh.name == "Rheinmetall Group"  # replaced field
    assert rh.aliases == ("RHM",)
    assert rh.facts["kind"] == "prime"  # field the user file did not set is kept
    assert kb.get("company:skyforge") is not None  # new id added
    assert kb.get("country:DE") is not None
    assert [e.id for e, _ in kb.search("Skyforge", 3)][0] == "company:skyforge"


def test_user_folder_and_missing_path(no_builtin: Path, tmp_path: Path) -> None:
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "a.yaml").write_text(USER)
    assert load_kb([folder]).get("company:skyforge") is not None
    with pytest.raises(FileNotFoundError):
        load_kb([tmp_path / "nope.yaml"])


def test_broken_file_is_skipped(no_builtin: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: [unclosed\n")
    good = tmp_path / "good.yaml"
    good.write_text(USER)
    assert len(load_kb([bad, good])) == 2


def test_cache_written_reused_and_invalidated(no_builtin: Path, tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(USER)
    first = load_kb([user])
    caches = list(loader.cache_dir().glob("kb-*.pkl"))
    assert len(caches) == 1
    clear_memory_cache()
    second = load_kb([user])  # from the pickle
    assert second is not first and second.get("company:skyforge") is not None
    user.write_text(USER.replace("Skyforge Dynamics", "Skyforge Robotics"))
    st = user.stat()
    os.utime(user, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    third = load_kb([user])
    entry = third.get("company:skyforge")
    assert entry is not None and entry.name == "Skyforge Robotics"
    assert len(list(loader.cache_dir().glob("kb-*.pkl"))) == 2


def test_corrupt_cache_is_rebuilt(no_builtin: Path, tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(USER)
    load_kb([user])
    for cache in loader.cache_dir().glob("kb-*.pkl"):
        cache.write_bytes(b"not a pickle")
    clear_memory_cache()
    assert load_kb([user]).get("company:skyforge") is not None


def test_warm_load_of_builtin_kb_is_kept_in_process() -> None:
    load_kb()  # compile (cold) once
    clear_memory_cache()
    kb = load_kb()
    assert load_kb() is kb  # in-process cache
