"""Run-time half of the learned event scorer: a linear model over the features of
`materiel.extract.features`, read from a small JSON file, with an isotonic calibration that
turns its score into the probability that the event is right.  Plain Python: no training
library is needed to use it."""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_FILE = Path(__file__).resolve().parents[1] / "data" / "models" / "events.json"


@dataclass(frozen=True)
class EventScorer:
    weights: dict[str, float]
    bias: float
    threshold: float  # keep an event the rules kept when its probability reaches this ...
    calibration_x: tuple[float, ...]  # raw probabilities (ascending) ...
    calibration_y: tuple[float, ...]  # ... and the share of right events at each
    threshold_dropped: float = 1.0  # ... and one the rules dropped when it reaches this
    threshold_detected: float = 1.01  # ... and one the learned detector proposed (1.01: none)

    def keeps(self, probability: float, dropped_by_rules: bool, detected: bool = False) -> bool:
        if detected:
            return probability >= self.threshold_detected
        limit = self.threshold_dropped if dropped_by_rules else self.threshold
        return probability >= limit

    @classmethod
    def from_json(cls, data: dict) -> EventScorer:
        cal = data.get("calibration") or {"x": [], "y": []}
        return cls(dict(data["weights"]), float(data["bias"]), float(data["threshold"]),
                   tuple(cal["x"]), tuple(cal["y"]),
                   float(data.get("threshold_dropped", 1.0)),
                   float(data.get("threshold_detected", 1.01)))

    def to_json(self) -> dict:
        return {"weights": self.weights, "bias": self.bias, "threshold": self.threshold,
                "threshold_dropped": self.threshold_dropped,
                "threshold_detected": self.threshold_detected,
                "calibration": {"x": list(self.calibration_x), "y": list(self.calibration_y)}}

    def raw(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    def calibrate(self, raw: float) -> float:
        xs, ys = self.calibration_x, self.calibration_y
        if not xs:
            return raw
        i = bisect_right(xs, raw)
        if i == 0:
            return ys[0]
        if i == len(xs):
            return ys[-1]
        x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
        return y0 if x1 == x0 else y0 + (y1 - y0) * (raw - x0) / (x1 - x0)

    def probability(self, features: dict[str, float]) -> float:
        return self.calibrate(self.raw(features))


@lru_cache(maxsize=4)
def load_scorer(path: str | None = None) -> EventScorer | None:
    """The shipped model (or the one at `path`); None when there is none."""
    file = Path(path) if path else MODEL_FILE
    if not file.is_file():
        return None
    return EventScorer.from_json(json.loads(file.read_text(encoding="utf-8")))
