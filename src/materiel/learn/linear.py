"""Logistic regressions over sparse feature dicts, shipped as pruned weight tables (the
learners' common fitting step)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any


def fit_logistic(features: Sequence[dict[str, float]], labels: Sequence[Any], c: float,
                 min_count: int) -> tuple[list[str], Any]:
    """A logistic regression over the features seen in at least `min_count` rows: the
    feature names and the fitted model."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(k for f in features for k in f)
    vec = DictVectorizer()
    x = vec.fit_transform([{k: v for k, v in f.items() if counts[k] >= min_count}
                           for f in features])
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(x, list(labels))
    return [str(n) for n in vec.get_feature_names_out()], model


def sparse_weights(names: Sequence[str], coef: Any, prune: float) -> dict[str, float]:
    """The weights worth shipping: those of at least `prune` in absolute value."""
    return {str(n): round(float(w), 3) for n, w in zip(names, coef, strict=True)
            if abs(w) >= prune}


def class_tables(names: Sequence[str], model: Any, prune: float
                 ) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """Per-class weights and intercepts of a fitted classifier."""
    classes = [str(k) for k in model.classes_]
    if len(classes) == 2:  # scikit-learn keeps one row of weights for two classes
        return ({classes[0]: {}, classes[1]: sparse_weights(names, model.coef_[0], prune)},
                {classes[0]: 0.0, classes[1]: round(float(model.intercept_[0]), 4)})
    return ({k: sparse_weights(names, model.coef_[i], prune) for i, k in enumerate(classes)},
            {k: round(float(model.intercept_[i]), 4) for i, k in enumerate(classes)})
