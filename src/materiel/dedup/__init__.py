"""Deduplication: exact (normalised hash) and near-duplicate (MinHash LSH) fingerprints."""

from materiel.dedup.fingerprint import (
    NEAR_DUPLICATE,
    Signature,
    body_text,
    exact_hash,
    normalise,
    signature,
)

__all__ = ["NEAR_DUPLICATE", "Signature", "body_text", "exact_hash", "normalise", "signature"]
