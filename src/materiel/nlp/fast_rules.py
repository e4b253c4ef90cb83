"""The pretrained model's two rule components, with the same output for less time.

spaCy's attribute ruler runs a `Matcher` of ~180 patterns over every token, and its English
lemmatizer recomputes a lemma (a morphology dictionary, rule suffixes) for most tokens; in a
sentence-by-sentence parse the two cost about a fifth of the model's time. Their answers
depend on a few attributes of a token only, so both are memoized here:

- `FastAttributeRuler` finds exactly the matches `AttributeRuler.match` finds (same
  `(rule, match id, start, end)` tuples, same order), judging each pattern token once per
  distinct (TAG, DEP, IS_SPACE, and LOWER where some pattern names the word); the attributes
  are then set by spaCy's own code.
  Patterns it cannot judge (operators, other attributes) leave it to spaCy's matcher.
- `FastLemmatizer` keeps each lemma by (ORTH, POS, MORPH), what the rule lemmatizer reads.

`use_fast_rules(nlp)` swaps them in for "attribute_ruler" and "lemmatizer", copying the
loaded patterns and lookup tables through spaCy's public API.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.training import Example

# the token attributes a pattern may test, as read by `Doc.to_array`
_READ = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_KEY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
_Test = Callable[[tuple[Any, ...]], bool]
_Entry = tuple[int, tuple[int, int] | None, _Test]
# a long ingest meets ever new words: the memos start over past this many entries
MEMO_LIMIT = 300_000


class FastAttributeRuler(AttributeRuler):
    """`AttributeRuler` whose `match` answers from a table of token attributes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._ready = False
        self._judgeable = False
        self._multi: list[tuple[int, int]] = []  # (rule, length) of longer patterns
        # (rule, None or (longer pattern, its token), test), by the tag or word it requires
        self._by_anchor: dict[tuple[int, str], list[_Entry]] = {}
        self._unanchored: list[_Entry] = []
        self._seen: dict[tuple[int, ...], tuple[tuple[int, ...], frozenset[tuple[int, int]]]] = {}
        self._match_ids: list[int] = []
        # which words some pattern names: the others need no entry of their own in `_seen`
        self._words: set[str] = set()
        self._word_regexes: list[re.Pattern[str]] = []
        self._named: dict[int, bool] = {}

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if not self._ready:
            self._prepare()
        if not self._judgeable:
            return list(super().match(doc))
        rows = doc.to_array(_KEY_ATTRS).tolist() if len(doc) else []
        found: set[tuple[int, int, int, int]] = set()
        hits: list[frozenset[tuple[int, int]]] = []
        for i, (tag, lower, dep, space) in enumerate(rows):
            named = self._named.get(lower)
            if named is None:
                named = self._name(lower)
            key = (tag, lower if named else 0, dep, space)
            got = self._seen.get(key)
            if got is None:
                got = self._judge(key)
            singles, parts = got
            hits.append(parts)
            for rule in singles:
                found.add((rule, self._match_ids[rule], i, i + 1))
        for i, parts in enumerate(hits):
            for m, k in parts:
                rule, n = self._multi[m]
                if k == 0 and i + n <= len(hits) and all(
                    (m, j) in hits[i + j] for j in range(1, n)
                ):
                    found.add((rule, self._match_ids[rule], i, i + n))
        return sorted(found)

    def _judge(self, key: tuple[int, ...]) -> tuple[tuple[int, ...], frozenset[tuple[int, int]]]:
        strings = self.vocab.strings
        # a word no pattern names stands as None: it equals no pattern's word
        word = strings[key[1]] if key[1] else None
        values = (strings[key[0]], word, strings[key[2]], bool(key[3]))
        # only the tests anchored on this tag or this word, and the unanchored ones
        tests = self._by_anchor.get((0, values[0]), []) + (
            self._by_anchor.get((1, word), []) if word is not None else []) + self._unanchored
        singles: list[int] = []
        parts: set[tuple[int, int]] = set()
        for rule, part, test in tests:
            if test(values):
                if part is None:
                    singles.append(rule)
                else:
                    parts.add(part)
        got = (tuple(singles), frozenset(parts))
        if len(self._seen) >= MEMO_LIMIT:
            self._seen.clear()
        self._seen[key] = got
        return got

    def _name(self, lower: int) -> bool:
        """Whether some pattern names this word (as a word, in a list or by a regex)."""
        text = self.vocab.strings[lower]
        named = text in self._words or any(r.search(text) for r in self._word_regexes)
        if len(self._named) >= MEMO_LIMIT:
            self._named.clear()
        self._named[lower] = named
        return named

    def _prepare(self) -> None:
        self._ready = True
        self._seen.clear()
        self._named.clear()
        self._words, self._word_regexes = set(), []
        self._multi, self._by_anchor, self._unanchored = [], {}, []
        self._match_ids = [self.vocab.strings.add(str(i)) for i in range(len(self.attrs))]
        try:
            for rule, entry in enumerate(self.patterns):
                patterns: list[list[dict[str, Any]]] = entry["patterns"]  # type: ignore[assignment]
                for pattern in patterns:
                    part = None
                    if len(pattern) > 1:
                        self._multi.append((rule, len(pattern)))
                    for k, spec in enumerate(pattern):
                        if len(pattern) > 1:
                            part = (len(self._multi) - 1, k)
                        self._file((rule, part, _token_test(spec)), spec)
                        self._note_words(spec.get("LOWER"))
        except ValueError:
            self._judgeable = False
            return
        self._judgeable = True

    def _note_words(self, want: Any) -> None:
        if isinstance(want, str):
            self._words.add(want)
        elif isinstance(want, dict):
            for op, arg in want.items():
                if op == "REGEX":
                    self._word_regexes.append(re.compile(arg))
                else:
                    self._words.update(arg)

    def _file(self, entry: _Entry, spec: dict[str, Any]) -> None:
        for pos, name in ((0, "TAG"), (1, "LOWER")):
            if isinstance(spec.get(name), str):
                self._by_anchor.setdefault((pos, spec[name]), []).append(entry)
                return
        self._unanchored.append(entry)

    def add(self, *args: Any, **kwargs: Any) -> None:
        super().add(*args, **kwargs)
        self._ready = False

    def clear(self) -> None:
        super().clear()
        self._ready = False


def _token_test(spec: Any) -> _Test:
    """One pattern token as a test on (tag, lower, dep, is_space); ValueError when the
    matcher's semantics would be needed (operators, other attributes, other predicates)."""
    if not isinstance(spec, dict) or not spec:
        raise ValueError(spec)
    checks = tuple(_value_test(list(_READ).index(name), want) if name in _READ
                   else _unjudgeable(name) for name, want in spec.items())
    if len(checks) == 1:
        return checks[0]

    return lambda values: all(check(values) for check in checks)


def _unjudgeable(what: Any) -> _Test:
    raise ValueError(what)


def _value_test(pos: int, want: Any) -> _Test:
    if isinstance(want, (str, bool)):
        return lambda values: values[pos] == want
    if isinstance(want, dict) and len(want) == 1:
        ((op, arg),) = want.items()
        if op == "IN" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            allowed = frozenset(arg)
            return lambda values: values[pos] in allowed
        if op == "NOT_IN" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            banned = frozenset(arg)
            return lambda values: values[pos] not in banned
        if op == "REGEX" and isinstance(arg, str) and pos != 3:
            regex = re.compile(arg)
            return lambda values: values[pos] is not None and bool(regex.search(values[pos]))
    raise ValueError(want)


class FastLemmatizer(EnglishLemmatizer):
    """The English rule lemmatizer, each lemma computed once per (ORTH, POS, MORPH), with the
    word index of each part of speech held as a set (spaCy's tables hold lists, searched
    from the start for every candidate form)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        lookups: Lookups | None = None,
    ) -> None:
        if lookups is not None:
            lookups = _indexed(lookups)
        super().initialize(get_examples, nlp=nlp, lookups=lookups)
        self._lemmas.clear()

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            return super().__call__(doc)
        rows = doc.to_array([ORTH, POS, MORPH]).tolist() if len(doc) else []
        strings = self.vocab.strings
        for token, (orth, pos, morph) in zip(doc, rows, strict=True):
            if self.overwrite or token.lemma == 0:
                key = (orth, pos, morph)
                lemma = self._lemmas.get(key)
                if lemma is None:
                    if len(self._lemmas) >= MEMO_LIMIT:
                        self._lemmas.clear()
                    lemma = self._lemmas[key] = strings.add(self.lemmatize(token)[0])
                token.lemma = lemma
        return doc


def _indexed(lookups: Lookups) -> Lookups:
    """A copy of the tables with the words of "lemma_index" in sets (same membership)."""
    out = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            out.add_table(name, {key: frozenset(words) for key, words in table.items()})
        else:
            out.add_table(name, dict(table.items()))
    return out


@Language.factory("materiel_fast_attribute_ruler", default_config={"validate": False})
def make_fast_attribute_ruler(nlp: Language, name: str, validate: bool) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.vocab, name, validate=validate)


@Language.factory(
    "materiel_fast_lemmatizer",
    default_config={"mode": "rule", "overwrite": False},
)
def make_fast_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool) -> FastLemmatizer:
    return FastLemmatizer(nlp.vocab, None, name, mode=mode, overwrite=overwrite)


def use_fast_rules(nlp: Language) -> None:
    """Swap in the memoized attribute ruler and lemmatizer where the model has spaCy's own
    (same patterns, same tables, same settings); other components are left as they are."""
    if "attribute_ruler" in nlp.pipe_names:
        old = nlp.get_pipe("attribute_ruler")
        if type(old) is AttributeRuler:
            patterns = old.patterns
            new = nlp.replace_pipe("attribute_ruler", "materiel_fast_attribute_ruler")
            assert isinstance(new, FastAttributeRuler)
            new.add_patterns(patterns)
    if "lemmatizer" in nlp.pipe_names:
        lem = nlp.get_pipe("lemmatizer")
        if type(lem) is EnglishLemmatizer and lem.mode == "rule":
            fast = nlp.replace_pipe(
                "lemmatizer",
                "materiel_fast_lemmatizer",
                config={"mode": lem.mode, "overwrite": lem.overwrite},
            )
            assert isinstance(fast, FastLemmatizer)
            fast.initialize(lookups=lem.lookups)
