"""Content fingerprints: a normalised exact hash and a MinHash signature with LSH band keys."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from materiel.models import CleanDocument

NUM_PERM = 64
# Bands x rows chosen by datasketch's optimiser for a Jaccard threshold of 0.8 with 64 permutations.
BANDS, ROWS = 5, 11
SHINGLE = 3
NEAR_DUPLICATE = 0.8

_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Case, accents, punctuation and spacing folded away, so trivial variants hash alike."""
    text = unicodedata.normalize("NFKD", text)
    return " ".join(_WORD.findall(text.lower()))


def exact_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:  # built once: MinHash() regenerates them
    return MinHash(num_perm=NUM_PERM, seed=1).permutations


@dataclass(frozen=True)
class Signature:
    hashvalues: np.ndarray

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype(np.uint64).tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(np.frombuffer(data, dtype=np.uint64))

    def jaccard(self, other: Signature) -> float:
        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / len(self.hashvalues)

    def band_keys(self, kind: str) -> list[str]:
        keys = []
        for band in range(BANDS):
            chunk = self.hashvalues[band * ROWS:(band + 1) * ROWS]
            digest = hashlib.blake2b(chunk.tobytes(), digest_size=12).hexdigest()
            keys.append(f"{kind}:{band}:{digest}")
        return keys


def body_text(clean: CleanDocument) -> str:
    """The cleaned text without its title: syndicated copies often carry their own headline."""
    titles = [seg for seg in clean.segments if seg.kind == "title"]
    if not titles:
        return clean.text
    parts, pos = [], 0
    for seg in titles:
        parts.append(clean.text[pos:seg.start])
        pos = seg.end
    parts.append(clean.text[pos:])
    body = "".join(parts)
    return body if body.strip() else clean.text


def shingles(text: str, size: int = SHINGLE) -> list[bytes]:
    words = normalise(text).split()
    if len(words) < size:
        return [" ".join(words).encode("utf-8")] if words else []
    return [" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)]


def signature(text: str) -> Signature:
    mh = MinHash(num_perm=NUM_PERM, permutations=_permutations(), scheme="affine32")
    grams = shingles(text)
    if grams:
        mh.update_batch(grams)
    return Signature(mh.hashvalues.copy())
