"""Trained relevance filter: is a document (or a sentence) worth parsing?

Two logistic regressions over cheap features, no parse:
  - the distinct words written in lowercase, hashed (CRC-32 into 2**18 buckets), binary and
    scaled by 1/sqrt(number of distinct words) so that length does not add up; capitalised
    words only when they are domain cues or trigger words ("Army" as "army"); for documents
    the words of the first line (the title) once more, as features of their own;
  - the number of KB weapon and company names (as written) in the text.
Counts of cue and trigger words, length and cue density are computed too but left out of
both models (cross-validation: they carry more of an outlet's habits than of the topic).

Trained on our annotated real articles (positives: at least one gold event; for the
sentence model the sentences holding an event's evidence) against general political and
world news and our written off-topic paragraphs, with annotated articles that hold no event
(and the other sentences of annotated articles) as softer negatives. Figures and thresholds
come from cross-validation: leave one outlet out for the annotated articles, k-fold for the
general news. The development gold is never read.

    python -m materiel.learn relevance              # retrain, write data/models/relevance.json
    model = RelevanceModel.load()                   # at run time: stdlib only, ~50 ms
    model.passes_document(featurizer, text)         # -> bool (RelevanceFilter wraps this)

scikit-learn (and numpy/scipy) are needed only to train.
"""

from __future__ import annotations

import array
import base64
import itertools
import json
import math
import re
import time
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_FILE = "relevance.json"
MODELS_DIR = Path(__file__).resolve().parents[1] / "data" / "models"
BITS = 18
_MASK = (1 << BITS) - 1
_SCALE = 4096  # weights are stored as int16 / _SCALE

# Words as written in lowercase. Capitalised words (names, sentence starts) are left out of
# the hashed features: names of people, outlets and places say more about which outlet or
# year an article comes from than about its topic ("Reuters", "Trump", "U.S."), and a
# filter that learns them fails on the next outlet. Capitalised words count only through
# the domain cues, trigger words and KB names.
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*")

# Documents with fewer distinct words than this are too little text for the document model
# to judge (a headline alone, one line and filler): they pass when they hold a domain cue
# word or a KB name, as the hand rule had it.
SHORT_WORDS = 25
DENSE = ("cues", "triggers", "names", "length", "cue_share")
_COUNTS = {"cues", "triggers", "cue_share"}


def bucket(word: str) -> int:
    """The hashed feature of a word: CRC-32 (the same in every process) into 2**BITS."""
    return zlib.crc32(word.encode("utf-8")) & _MASK


class Featurizer:
    """Text -> (distinct words, dense features). Shared by training and run time.

    Every loop runs inside C (set operations, `map`): a news article takes ~100 µs."""

    def __init__(self, cues: Iterable[str], triggers: Iterable[str], names: Iterable[str]) -> None:
        self.cues = frozenset(cues)
        self.triggers = frozenset(triggers) - self.cues  # a word counts once, cues first
        self.names = frozenset(names)
        self.domain = self.cues | self.triggers

    def has_cue(self, text: str) -> bool:
        """A domain cue word (any case) or a KB name (as written)."""
        distinct = set(_WORD.findall(text))
        return not (self.cues.isdisjoint(map(str.lower, distinct))
                    and self.names.isdisjoint(distinct))

    def features(self, text: str, counts: bool = True,
                 title: bool = False) -> tuple[set[str], list[float]]:
        """`counts=False` leaves the cue and trigger counts at 0 (for a model that does not
        use them); `title=True` adds the words of the first line (under 300 characters, when
        more lines follow) as features of their own."""
        every = _WORD.findall(text)
        distinct = set(every)
        words = set(filter(str.islower, distinct))
        caps = distinct - words
        lowered = set(map(str.lower, caps))
        n_cues = n_trig = 0
        if counts:
            cues, triggers = self.cues, self.triggers
            low = list(map(str.lower, itertools.filterfalse(str.islower, every)))
            n_cues = sum(map(cues.__contains__, every)) + sum(map(cues.__contains__, low))
            n_trig = sum(map(triggers.__contains__, every)) + sum(map(triggers.__contains__, low))
        hits = self.names.intersection(caps)
        names = sum(map(hits.__contains__, every)) if hits else 0  # occurrences
        # "Army", "Defence", "Procurement" count as their lowercase
        words.update(self.domain.intersection(lowered))
        if title:
            end = text.find("\n")
            if 0 < end < 300:
                head = _WORD.findall(text[:end])
                words.update(["^" + w for w in head if w.islower()])
                words.update(["^" + w for w in self.domain.intersection(map(str.lower, head))])
        n = len(every)
        dense = [
            math.log1p(n_cues),
            math.log1p(n_trig),
            math.log1p(names),
            math.log1p(n) / 8.0,
            10.0 * n_cues / n if n else 0.0,
        ]
        return words, dense


# --- run time --------------------------------------------------------------------------------


@dataclass
class Linear:
    """A logistic-regression scorer: weights per hashed bucket (int16, / _SCALE), weights of
    the dense features, bias, and the decision threshold chosen by cross-validation.

    The score of a set of words is the sum of their buckets' weights over sqrt(number of
    words) (two words in one bucket count twice, as in training)."""

    weights: array.array[int]
    dense: list[float]
    bias: float
    threshold: float
    _cache: dict[str, float] = field(default_factory=dict, repr=False, compare=False)

    def _weights_of(self, words: set[str]) -> Iterable[float]:
        cache = self._cache
        missing = words.difference(cache)
        if missing:
            if len(cache) > 500_000:
                cache.clear()
                missing = words
            w = self.weights
            for word in missing:
                cache[word] = w[bucket(word)] / _SCALE
        return map(cache.__getitem__, words)

    @property
    def counts(self) -> bool:
        """Whether the cue and trigger counts have a weight."""
        return any(self.dense[i] != 0 for i, name in enumerate(DENSE) if name in _COUNTS)

    def score(self, words: set[str], dense: Sequence[float]) -> float:
        s = sum(self._weights_of(words)) / math.sqrt(len(words)) if words else 0.0
        return self.bias + s + sum([w * x for w, x in zip(self.dense, dense, strict=True)])

    def to_json(self) -> dict[str, Any]:
        packed = zlib.compress(self.weights.tobytes(), 9)
        return {
            "weights": base64.b64encode(packed).decode("ascii"),
            "dense": [round(x, 6) for x in self.dense],
            "bias": round(self.bias, 6),
            "threshold": round(self.threshold, 6),
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Linear:
        weights = array.array("h")
        weights.frombytes(zlib.decompress(base64.b64decode(d["weights"])))
        if len(weights) != 1 << BITS:
            raise ValueError(f"expected {1 << BITS} weights, got {len(weights)}")
        return cls(weights, [float(x) for x in d["dense"]], float(d["bias"]),
                   float(d["threshold"]))


class RelevanceModel:
    """The trained document and sentence scorers, loaded from `relevance.json`."""

    def __init__(self, document: Linear, sentence: Linear, meta: dict[str, Any] | None = None):
        self.document = document
        self.sentence = sentence
        self.meta = meta or {}
        self._doc_counts = document.counts
        self._sent_counts = sentence.counts

    def document_margin(self, fz: Featurizer, text: str) -> float:
        """The document score minus its threshold."""
        d = self.document
        return d.score(*fz.features(text, self._doc_counts, title=True)) - d.threshold

    def passes_document(self, fz: Featurizer, text: str) -> bool:
        """Worth a closer look: a margin >= 0; with too few distinct words to judge
        (`SHORT_WORDS`), a domain cue word or a KB name."""
        d = self.document
        words, dense = fz.features(text, self._doc_counts, title=True)
        if len(words) < SHORT_WORDS:
            return fz.has_cue(text)
        return d.score(words, dense) >= d.threshold

    def sentence_margin(self, fz: Featurizer, text: str) -> float:
        s = self.sentence
        return s.score(*fz.features(text, self._sent_counts)) - s.threshold

    def passes_sentence(self, fz: Featurizer, text: str) -> bool:
        return self.sentence_margin(fz, text) >= 0

    @classmethod
    def load(cls, path: Path | None = None) -> RelevanceModel:
        """Read a model file (default: the one shipped in `materiel/data/models/`);
        `FileNotFoundError` when there is none."""
        return _load(str(path or MODELS_DIR / MODEL_FILE))

    def to_json(self) -> dict[str, Any]:
        return {"format": 1, "bits": BITS, "dense": list(DENSE), **self.meta,
                "document": self.document.to_json(), "sentence": self.sentence.to_json()}

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1, sort_keys=True) + "\n",
                        encoding="utf-8")


@lru_cache(maxsize=4)
def _load(path: str) -> RelevanceModel:
    d = json.loads(Path(path).read_text(encoding="utf-8"))
    if d.get("format") != 1 or d.get("bits") != BITS or list(d.get("dense", [])) != list(DENSE):
        raise ValueError(f"{path}: not a relevance model this version reads")
    meta = {k: v for k, v in d.items() if k not in ("document", "sentence")}
    return RelevanceModel(Linear.from_json(d["document"]), Linear.from_json(d["sentence"]), meta)


# --- training data ---------------------------------------------------------------------------


@dataclass
class Example:
    """One article as the extractor sees it (cleaned text and sentences)."""

    id: str
    group: str  # the outlet, "written", "general" or "offtopic"
    text: str
    events: int  # gold events (optional ones included); -1: not annotated (negatives)
    required: int  # gold events that are not optional
    sentences: list[str] = field(default_factory=list)
    evidence: list[int] = field(default_factory=list)  # per sentence: 1 holds gold evidence
    unlocated: int = 0  # evidence strings not found in the cleaned text


def _clean(record: dict[str, Any]) -> Any:
    from materiel.clean import clean
    from materiel.models import Document

    return clean(Document(id=str(record.get("id")), text=record.get("text") or "",
                                   title=record.get("title"),
                                   published=record.get("published")))


def _example(record: dict[str, Any], gold: dict[str, Any] | None, group: str) -> Example:
    from materiel.annotate.locate import find_all

    cd = _clean(record)
    sents = [s.text for s in cd.sentences]
    ex = Example(str(record.get("id")), group, cd.text, -1, 0, sents, [0] * len(sents))
    if gold is None:
        return ex
    events = gold.get("events") or []
    ex.events = len(events)
    ex.required = sum(1 for e in events if not e.get("optional"))
    for e in events:
        ev = (e.get("evidence") or "").strip()
        if not ev:
            continue
        hits = find_all(cd.text, ev)
        if not hits:
            ex.unlocated += 1
            continue
        for start, end in hits:
            for i, s in enumerate(cd.sentences):
                if s.start < end and start < s.end:
                    ex.evidence[i] = 1
    return ex


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_examples(shared: Path | None = None, written: Path | None = None,
                  offtopic: Path | None = None,
                  annotations: Path | None = None) -> list[Example]:
    """Annotated articles of the shared unlabeled corpus, our written articles, the general
    news, and our written off-topic paragraphs (sport, business, science, culture...: the
    general news is all politics). Only articles of `corpus/unlabeled.jsonl` are taken from
    the annotations (never the development corpus)."""
    from materiel.annotate import Articles, load_gold
    from materiel.annotate.articles import shared_dir
    from materiel.annotate.store import ANNOTATIONS

    shared = shared or shared_dir()
    written = written or ANNOTATIONS / "written"
    offtopic = offtopic or ANNOTATIONS / "offtopic" / "input.jsonl"
    out: list[Example] = []
    unlabeled = {str(r.get("id")) for r in _read_jsonl(shared / "corpus" / "unlabeled.jsonl")}
    # The general news stays all negative, also the articles of it we annotated: counting
    # their events made the filter send two to three times as much general news to the
    # parser for the same share of the outlets' articles kept (2026-12-07, README).
    articles = Articles(root=shared, files=("corpus/unlabeled.jsonl", "corpus/general.jsonl"))
    for record, annotated in load_gold([annotations or ANNOTATIONS / "corpus"],
                                       articles=articles):
        if str(record.get("id")) in unlabeled:
            out.append(_example(record, annotated, str(record.get("outlet") or "unknown")))
    if (written / "input.jsonl").exists() and (written / "gold.jsonl").exists():
        golds = {str(g.get("doc")): g for g in _read_jsonl(written / "gold.jsonl")}
        for record in _read_jsonl(written / "input.jsonl"):
            wgold = golds.get(str(record.get("id")))
            if wgold is not None:
                out.append(_example(record, wgold, "written"))
    for record in _read_jsonl(shared / "corpus" / "general.jsonl"):
        out.append(_example(record, None, "general"))
    if offtopic.exists():
        for record in _read_jsonl(offtopic):
            out.append(_example(record, None, "offtopic"))
    return out


# --- training ----------------------------------------------------------------------------------

SEED = 13
# Document model: positives are articles with a gold event, negatives the general news and,
# with a lower weight, annotated articles with no event (they come from defense outlets).
# Positives are re-weighted by outlet, (largest outlet / outlet) ** BALANCE, so that one big
# outlet does not set the vocabulary. Only the KB-name count of the dense features is used:
# counts of cue words carry more of the outlet's habits than of the topic (measured).


@dataclass(frozen=True)
class Config:
    c: float  # inverse regularisation strength
    keep: float  # share of positives (held out) the threshold keeps
    dense: tuple[int, ...]  # which dense features are used
    soft: float = 1.0  # weight of the softer negatives
    balance: float = 0.0  # re-weighting of positives by outlet
    offtopic: float = 1.0  # weight of the written off-topic paragraphs


DOC = Config(c=4.0, keep=0.998, dense=(0, 0, 1, 0, 0), soft=0.3, balance=0.5, offtopic=3.0)
# Sentence model: positives are the sentences that hold a gold event's evidence; the other
# sentences of annotated articles are softer negatives than those of general news.
SENT = Config(c=4.0, keep=0.993, dense=(0, 0, 1, 0, 0), soft=0.3, offtopic=3.0)


def make_featurizer(kb_path: str | None = None) -> Featurizer:
    """The featurizer the extractor builds at run time, from the lexicon and the KB names."""
    from materiel.extract.extractor import kb_cues
    from materiel.extract.prefilter import RelevanceFilter
    from materiel.extract.resolve import KBLinker

    linker = KBLinker.load(kb_path)
    cues = kb_cues(linker.kb) if linker is not None else []
    return RelevanceFilter(extra_cues=cues, model=None).featurizer


def _matrix(fz: Featurizer, texts: Sequence[str], dense_mask: Sequence[int],
            title: bool) -> tuple[Any, Any]:
    """Rows of hashed words (1/sqrt(n) each, summed where words share a bucket, as
    `Linear.score` counts them) and dense features; and the number of distinct words."""
    import numpy as np
    from scipy import sparse

    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    dense = np.zeros((len(texts), len(DENSE)))
    sizes = np.zeros(len(texts), dtype=int)
    mask = np.array(dense_mask, dtype=float)
    for i, text in enumerate(texts):
        words, d = fz.features(text, title=title)
        sizes[i] = len(words)
        if words:
            v = 1.0 / math.sqrt(len(words))
            rows.extend([i] * len(words))
            cols.extend(sorted(map(bucket, words)))
            vals.extend([v] * len(words))
        dense[i] = np.array(d) * mask
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), 1 << BITS))
    x.sum_duplicates()
    return sparse.hstack([x, sparse.csr_matrix(dense)]).tocsr(), sizes


def _fit(x: Any, y: Any, w: Any, c: float) -> tuple[Any, float]:
    """Weights (one per column) and bias of an L2 logistic regression; only the columns
    that hold a value are given to the solver (the others would get 0 anyway)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    active = np.unique(x.indices)
    model = LogisticRegression(C=c, solver="liblinear", max_iter=5000, random_state=SEED)
    model.fit(x[:, active], y, sample_weight=w)
    coef = np.zeros(x.shape[1])
    coef[active] = model.coef_[0]
    return coef, float(model.intercept_[0])


def _linear(fitted: tuple[Any, float], threshold: float) -> Linear:
    import numpy as np

    coef, bias = fitted
    q = np.clip(np.round(coef[: 1 << BITS] * _SCALE), -32767, 32767).astype("<i2")
    weights = array.array("h")
    weights.frombytes(q.astype(np.int16).tobytes())
    return Linear(weights, [float(v) for v in coef[1 << BITS:]], bias, threshold)


def _out_of_fold(x: Any, y: Any, w: Any, folds: Any, c: float) -> Any:
    """Scores of each row by the model trained without its fold (with quantized weights, as
    at run time)."""
    import numpy as np

    out = np.zeros(len(y))
    for k in sorted(set(folds.tolist())):
        test = folds == k
        lin = _linear(_fit(x[~test], y[~test], w[~test], c), 0.0)
        out[test] = _scores(lin, x[test])
    return out


def _scores(lin: Linear, x: Any) -> Any:
    import numpy as np

    coef = np.concatenate([np.frombuffer(lin.weights.tobytes(), dtype=np.int16) / _SCALE,
                           np.array(lin.dense)])
    # the rows hold 1/sqrt(n) per word: the same sum as Linear.score
    return x @ coef + lin.bias


NEGATIVES = ("general", "offtopic")


def _folds(examples: Sequence[Example]) -> tuple[list[str], Any]:
    """Leave one outlet out for the annotated articles; the general news and the off-topic
    paragraphs are dealt into as many folds at random (fixed seed)."""
    import random

    import numpy as np

    groups = sorted({e.group for e in examples if e.group not in NEGATIVES})
    folds = np.zeros(len(examples), dtype=int)
    for i, e in enumerate(examples):
        if e.group not in NEGATIVES:
            folds[i] = groups.index(e.group)
    rnd = random.Random(SEED)
    for name in NEGATIVES:
        rows = [i for i, e in enumerate(examples) if e.group == name]
        rnd.shuffle(rows)
        for k, i in enumerate(rows):
            folds[i] = k % len(groups)
    return groups, folds


def _rate(mask: Any) -> float:
    return round(float(mask.mean()), 4) if len(mask) else 0.0


def train_document(examples: Sequence[Example], fz: Featurizer) -> tuple[Linear, dict[str, Any]]:
    import numpy as np

    cfg = DOC
    groups, folds = _folds(examples)
    x, sizes = _matrix(fz, [e.text for e in examples], cfg.dense, title=True)
    y = np.array([1 if e.events > 0 else 0 for e in examples])
    general = np.array([e.group == "general" for e in examples])
    offtopic = np.array([e.group == "offtopic" for e in examples])
    annotated = ~general & ~offtopic
    required = np.array([e.required > 0 for e in examples])
    npos = {g: sum(1 for e in examples if e.group == g and e.events > 0) for g in groups}
    top = max(npos.values())
    w = np.array([1.0 if e.group == "general" else
                  cfg.offtopic if e.group == "offtopic" else
                  cfg.soft if e.events <= 0 else
                  (top / npos[e.group]) ** cfg.balance for e in examples])
    oof = _out_of_fold(x, y, w, folds, cfg.c)
    threshold = float(np.quantile(oof[required], 1 - cfg.keep))
    short = sizes < SHORT_WORDS
    cue = np.array([bool(short[i]) and fz.has_cue(e.text) for i, e in enumerate(examples)])
    kept = np.where(short, cue, oof >= threshold)
    per_outlet = {}
    per_outlet_own = {}
    for k, g in enumerate(groups):
        mine = required & (folds == k)
        per_outlet[g] = _rate(kept[mine])
        # the threshold as set without this outlet's articles at all
        t_k = float(np.quantile(oof[required & (folds != k)], 1 - cfg.keep))
        per_outlet_own[g] = _rate(np.where(short, cue, oof >= t_k)[mine])
    figures = {
        "threshold": round(threshold, 4),
        "keep_required": _rate(kept[required]),
        "keep_required_by_outlet": per_outlet,
        "keep_required_by_outlet_threshold_without_it": per_outlet_own,
        "keep_any_event": _rate(kept[y == 1]),
        "pass_general": _rate(kept[general]),
        "pass_offtopic": _rate(kept[offtopic]),
        "pass_annotated_no_event": _rate(kept[annotated & (y == 0)]),
        "general_passing": [examples[i].id for i in np.argsort(-oof) if general[i] and kept[i]],
        "articles": {"positive": int(y.sum()), "required": int(required.sum()),
                     "annotated_no_event": int((annotated & (y == 0)).sum()),
                     "general": int(general.sum()), "offtopic": int(offtopic.sum())},
    }
    return _linear(_fit(x, y, w, cfg.c), threshold), figures


def train_sentence(examples: Sequence[Example], fz: Featurizer,
                   hand: Any = None) -> tuple[Linear, dict[str, Any]]:
    import numpy as np

    cfg = SENT
    groups, doc_folds = _folds(examples)
    texts: list[str] = []
    labels: list[int] = []
    where: list[int] = []
    for i, e in enumerate(examples):
        texts.extend(e.sentences)
        labels.extend(e.evidence)
        where.extend([i] * len(e.sentences))
    idx = np.array(where)
    folds = doc_folds[idx]
    y = np.array(labels)
    general = np.array([examples[i].group == "general" for i in where])
    offtopic = np.array([examples[i].group == "offtopic" for i in where])
    x, _sizes = _matrix(fz, texts, cfg.dense, title=False)
    w = np.where(y == 1, 1.0, np.where(general, 1.0, np.where(offtopic, cfg.offtopic, cfg.soft)))
    oof = _out_of_fold(x, y, w, folds, cfg.c)
    threshold = float(np.quantile(oof[y == 1], 1 - cfg.keep))
    kept = oof >= threshold
    in_event_doc = np.array([examples[i].events > 0 for i in where])
    figures: dict[str, Any] = {
        "threshold": round(threshold, 4),
        "keep_evidence": _rate(kept[y == 1]),
        "keep_evidence_by_outlet": {g: _rate(kept[(y == 1) & (folds == k)])
                                    for k, g in enumerate(groups)},
        "share_kept_annotated": _rate(kept[~general & ~offtopic]),
        "share_kept_event_articles": _rate(kept[in_event_doc]),
        "share_kept_general": _rate(kept[general]),
        "share_kept_offtopic": _rate(kept[offtopic]),
        "sentences": {"evidence": int(y.sum()), "all": len(y)},
    }
    if hand is not None:
        h = np.array([hand(t) for t in texts])
        figures["hand_rule"] = {"keep_evidence": _rate(h[y == 1]),
                                "share_kept_annotated": _rate(h[~general & ~offtopic]),
                                "share_kept_general": _rate(h[general])}
    return _linear(_fit(x, y, w, cfg.c), threshold), figures


def document_speed(model: RelevanceModel, fz: Featurizer, texts: Sequence[str],
                   rounds: int = 3) -> dict[str, float]:
    """Documents per second of the document decision, best of `rounds` passes: by the wall
    clock, and per CPU second of this process (less disturbed by a busy machine)."""
    wall = cpu = float("inf")
    for _ in range(rounds):
        w, c = time.perf_counter(), time.process_time()
        for text in texts:
            model.passes_document(fz, text)
        wall = min(wall, time.perf_counter() - w)
        cpu = min(cpu, time.process_time() - c)
    return {"docs_per_s": round(len(texts) / max(wall, 1e-9), 1),
            "docs_per_cpu_s": round(len(texts) / max(cpu, 1e-9), 1)}


def train(out_dir: Path, examples: Sequence[Example] | None = None,
          fz: Featurizer | None = None) -> dict[str, Any]:
    """Cross-validate, fit on everything, write `relevance.json` into `out_dir`; return the
    figures measured on data not trained on."""
    from materiel.extract.prefilter import RelevanceFilter

    fz = fz or make_featurizer()
    examples = list(examples) if examples is not None else load_examples()
    doc, doc_figures = train_document(examples, fz)
    # the hand rule's figures on the same sentences, for comparison
    sent, sent_figures = train_sentence(examples, fz, RelevanceFilter(model=None).hand_sentence)
    config = {"document": asdict(DOC), "sentence": asdict(SENT)}
    model = RelevanceModel(doc, sent, {"trained_on": doc_figures["articles"], "config": config})
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / MODEL_FILE
    model.save(path)
    _load.cache_clear()
    texts = [e.text for e in examples if e.group == "general"] or [e.text for e in examples]
    return {
        "document": doc_figures,
        "sentence": sent_figures,
        **document_speed(model, fz, texts),
        "model_bytes": path.stat().st_size,
    }
