"""A small sentence classifier: which event types a sentence reports (or none).

One-vs-rest logistic regression on word unigrams and bigrams, in plain numpy (no new
dependency). The model is a JSON file: the labels, the feature vocabulary, the weights and
the decision threshold chosen when it was trained.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

EVENT_TYPES = (
    "production", "procurement", "aid", "agreement", "sanction", "meeting", "spending", "strike",
)

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[%$€£¥₹]")


def tokens(text: str) -> list[str]:
    """Lower-cased words; numbers become <year> (1900-2099) or <num>."""
    out = []
    for tok in _TOKEN.findall(text.lower()):
        if tok[0].isdigit():
            tok = "<year>" if re.fullmatch(r"(19|20)\d\d", tok) else "<num>"
        out.append(tok)
    return out


def features(text: str) -> set[str]:
    """Unigrams and bigrams (with sentence-start and -end markers)."""
    toks = tokens(text)
    padded = ["<s>", *toks, "</s>"]
    return set(toks) | {f"{a} {b}" for a, b in zip(padded, padded[1:], strict=False)}


@dataclass
class Example:
    text: str
    labels: frozenset[str]


def read_examples(path: str | Path) -> list[Example]:
    """`labels<TAB>sentence` lines (labels comma-separated, or `none`); `#` starts a comment."""
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        labels, sep, text = line.partition("\t")
        if not sep or not text.strip():
            raise ValueError(f"{path}:{n}: expected labels<TAB>sentence")
        names = {x.strip() for x in labels.split(",") if x.strip()} - {"none"}
        unknown = names - set(EVENT_TYPES)
        if unknown:
            raise ValueError(f"{path}:{n}: unknown label(s) {sorted(unknown)}")
        out.append(Example(text.strip(), frozenset(names)))
    return out


@dataclass
class SentenceClassifier:
    labels: list[str]
    vocab: dict[str, int]
    weights: np.ndarray  # (n_features, n_labels)
    bias: np.ndarray  # (n_labels,)
    threshold: float = 0.5
    info: dict[str, object] = field(default_factory=dict)

    def predict(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """P(sentence reports an event of this type), per label, for each text."""
        if not texts:
            return []
        scores = _sparse_dot(self._rows(texts), self.weights, len(texts)) + self.bias
        probs = 1.0 / (1.0 + np.exp(-scores))
        return [dict(zip(self.labels, map(float, row), strict=True)) for row in probs]

    def _rows(self, texts: Iterable[str]) -> list[list[int]]:
        return [sorted(self.vocab[f] for f in features(t) if f in self.vocab) for t in texts]

    def save(self, path: str | Path) -> None:
        data = {
            "format": "materiel-sentence-classifier/1",
            "labels": self.labels,
            "threshold": self.threshold,
            "info": self.info,
            "bias": [round(float(x), 5) for x in self.bias],
            "vocab": sorted(self.vocab, key=self.vocab.__getitem__),
            "weights": [[round(float(x), 4) for x in row] for row in self.weights],
        }
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> SentenceClassifier:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("format") != "materiel-sentence-classifier/1":
            raise ValueError(f"{path}: not a materiel sentence classifier")
        return cls(
            labels=list(data["labels"]),
            vocab={f: i for i, f in enumerate(data["vocab"])},
            weights=np.asarray(data["weights"], dtype=np.float64).reshape(
                len(data["vocab"]), len(data["labels"])),
            bias=np.asarray(data["bias"], dtype=np.float64),
            threshold=float(data["threshold"]),
            info=dict(data.get("info", {})),
        )


def _sparse_dot(rows: list[list[int]], w: np.ndarray, n: int) -> np.ndarray:
    """Binary sparse rows times a dense matrix."""
    out = np.zeros((n, w.shape[1]))
    for i, idx in enumerate(rows):
        if idx:
            out[i] = w[idx].sum(axis=0)
    return out


def fit(
    examples: Sequence[Example],
    *,
    labels: Sequence[str] = EVENT_TYPES,
    min_count: int = 1,
    l2: float = 1e-3,
    epochs: int = 300,
    lr: float = 0.1,
    seed: int = 0,
) -> SentenceClassifier:
    """Train one-vs-rest logistic regression with full-batch Adam (deterministic)."""
    counts = Counter(f for ex in examples for f in features(ex.text))
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    labels = list(labels)
    n, d, k = len(examples), len(vocab), len(labels)
    rows = [sorted(vocab[f] for f in features(ex.text) if f in vocab) for ex in examples]
    flat = np.fromiter((i for r in rows for i in r), dtype=np.int64)
    row_of = np.repeat(np.arange(n), [len(r) for r in rows])
    y = np.array([[lab in ex.labels for lab in labels] for ex in examples], dtype=np.float64)
    rng = np.random.default_rng(seed)
    w = rng.normal(0.0, 0.01, (d, k))
    b = np.zeros(k)
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for t in range(1, epochs + 1):
        z = _sparse_dot(rows, w, n) + b
        g = (1.0 / (1.0 + np.exp(-z)) - y) / n  # d(mean log loss)/dz
        grad_w = np.zeros_like(w)
        np.add.at(grad_w, flat, g[row_of])
        grad_w += l2 * w
        grad_b = g.sum(axis=0)
        for p, gr, m, v in ((w, grad_w, m_w, v_w), (b, grad_b, m_b, v_b)):
            m *= b1
            m += (1 - b1) * gr
            v *= b2
            v += (1 - b2) * gr * gr
            p -= lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)
    return SentenceClassifier(labels, vocab, w, b,
                              info={"examples": n, "features": d, "l2": l2, "epochs": epochs})
