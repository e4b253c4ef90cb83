"""Retrain the learned components deterministically and write their scores.

    python -m materiel.learn [COMPONENT ...]     (default: all, in order)
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from pathlib import Path

COMPONENTS = ["relevance", "detector", "roles", "events", "dates"]
MODELS = Path(__file__).resolve().parents[1] / "data" / "models"


def main(argv: list[str]) -> int:
    wanted = argv or COMPONENTS
    unknown = [name for name in wanted if name not in COMPONENTS]
    if unknown:
        print(f"unknown component(s): {', '.join(unknown)}; known: {', '.join(COMPONENTS)}")
        return 2
    MODELS.mkdir(parents=True, exist_ok=True)
    scores_path = MODELS / "scores.json"
    scores = json.loads(scores_path.read_text()) if scores_path.exists() else {}
    for name in wanted:
        started = time.perf_counter()
        module = importlib.import_module(f"materiel.learn.{name}")
        figures = module.train(MODELS)
        figures["train_seconds"] = round(time.perf_counter() - started, 1)
        scores[name] = figures
        print(f"{name}: {json.dumps(figures)}")
    scores_path.write_text(json.dumps(scores, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
