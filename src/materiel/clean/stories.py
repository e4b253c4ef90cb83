"""Stories inside one document: teaser feeds, and several stories glued together.

A teaser feed is a list of unrelated one-to-three-sentence items, many with a date of their
own.  Glued stories are cut at standalone headings and at strong topic shifts, found with a
TextTiling-style lexical cohesion score over windows of paragraphs.  The thresholds were
chosen on unlabeled news articles (almost all single stories) so that a cut is rare there.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

from materiel.clean.lexicon import STOPWORDS
from materiel.clean.sentences import sentence_spans

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = re.compile(rf"\b(?:{_MONTH}\.?\s+\d{{1,2}}(?!\d)|\d{{1,2}}\s+{_MONTH}\b)")
_WORD = re.compile(r"[^\W\d_][\w'-]+")

FEED_MIN_ITEMS = 6
FEED_MAX_SENTENCES = 3  # median sentences per item
FEED_MIN_DATED_SHARE = 0.4
FEED_MIN_DISTINCT_DATES = 5
FEED_MAX_COHESION = 0.15  # mean similarity of neighbouring items
# No unlabeled article passes all four (the nearest: many dates, but cohesion 0.4).

# Windows are counted in content words, not paragraphs, so that one-line paragraphs
# and quotes do not make every gap look like a shift.
TILING_BLOCK_WORDS = 80  # content words on each side of a gap
TILING_MIN_PARAGRAPHS = 2  # paragraphs a story needs on each side of a cut
# Chosen so that about 1 % of the unlabeled articles get a cut (mostly transcripts and
# legal texts, where the subject does change).
TILING_MIN_DEPTH = 0.4
TILING_MAX_SIMILARITY = 0.2


def content_words(text: str) -> Counter[str]:
    """Lowercased words that carry topic: no stopwords, possessive and plural "s" cut."""
    words = _WORD.findall(text.lower().replace("’", "'"))
    return Counter(filter(None, map(_stem, words)))


def _stem(word: str) -> str:
    """The word without possessive or plural "s"; "" for a stopword or a short word."""
    if word.endswith("'s"):
        word = word[:-2]
    elif len(word) > 3 and word[-1] == "s" and word[-2] != "s":
        word = word[:-1]
    return "" if len(word) < 3 or word in STOPWORDS else word


def cosine(left: Counter[str], right: Counter[str]) -> float:
    if not left or not right:
        return 0.0
    if len(left) > len(right):
        left, right = right, left
    dot = sum(count * right[word] for word, count in left.items() if word in right)
    if not dot:
        return 0.0
    norm = math.sqrt(sum(c * c for c in left.values()) * sum(c * c for c in right.values()))
    return dot / norm


def is_feed(items: Sequence[str]) -> bool:
    """True when the lines `items` read as a teaser feed rather than one article."""
    if len(items) < FEED_MIN_ITEMS:
        return False
    dates = [_DATE.findall(item) for item in items]
    dated = sum(1 for found in dates if found)
    distinct = {date for found in dates for date in found}
    if dated < FEED_MIN_DATED_SHARE * len(items) or len(distinct) < FEED_MIN_DISTINCT_DATES:
        return False
    sentence_counts = sorted(len(sentence_spans(item)) for item in items)
    if sentence_counts[len(items) // 2] > FEED_MAX_SENTENCES:
        return False
    return neighbour_cohesion([content_words(item) for item in items]) <= FEED_MAX_COHESION


def neighbour_cohesion(bags: Sequence[Counter[str]]) -> float:
    """Mean similarity of each item with the next."""
    if len(bags) < 2:
        return 1.0
    return sum(cosine(a, b) for a, b in zip(bags, bags[1:], strict=False)) / (len(bags) - 1)


def gap_similarities(
    bags: Sequence[Counter[str]], block_words: int = TILING_BLOCK_WORDS
) -> list[float]:
    """Similarity across each gap (gap i lies between paragraph i and paragraph i + 1) of
    the blocks of paragraphs holding `block_words` content words on either side."""
    # Paragraphs without content words add nothing to a block: walking over them made
    # thousands of empty paragraphs cost a walk per gap over all of them (quadratic).
    worded = [index for index, bag in enumerate(bags) if bag]
    similarities = []
    for gap in range(1, len(bags)):
        left = _block(bags, worded, bisect_right(worded, gap - 1) - 1, -1, block_words)
        right = _block(bags, worded, bisect_left(worded, gap), 1, block_words)
        similarities.append(cosine(left, right))
    return similarities


def _block(
    bags: Sequence[Counter[str]], worded: list[int], position: int, step: int, block_words: int
) -> Counter[str]:
    """Presence counts of the words of the paragraphs `worded[position]`, then on by `step`,
    until the block holds `block_words` words."""
    block: Counter[str] = Counter()
    size = 0
    while 0 <= position < len(worded) and size < block_words:
        bag = bags[worded[position]]
        block.update(bag.keys())
        size += sum(bag.values())
        position += step
    return block


def depth_scores(similarities: Sequence[float]) -> list[float]:
    """How deep each gap lies below the highest similarity on either side (TextTiling): the
    similarity where a climb from the gap stops, on each side.  A climb from a gap continues
    the climb from its neighbour whenever it steps there, so both are found in one pass."""
    count = len(similarities)
    left_peak = list(range(count))
    for index in range(1, count):
        if similarities[index - 1] >= similarities[index]:
            left_peak[index] = left_peak[index - 1]
    right_peak = list(range(count))
    for index in range(count - 2, -1, -1):
        if similarities[index + 1] >= similarities[index]:
            right_peak[index] = right_peak[index + 1]
    return [
        similarities[left_peak[index]] - value + similarities[right_peak[index]] - value
        for index, value in enumerate(similarities)
    ]


def topic_boundaries(
    paragraphs: Sequence[str],
    min_depth: float = TILING_MIN_DEPTH,
    max_similarity: float = TILING_MAX_SIMILARITY,
    block_words: int = TILING_BLOCK_WORDS,
) -> list[int]:
    """Indices of the paragraphs that open a new story after a strong topic shift.

    A cut needs a deep valley of similarity, at least `block_words` content words and
    `TILING_MIN_PARAGRAPHS` paragraphs on each side, and keeps that much from other cuts."""
    # Two blocks of content words need some 5 characters a word.
    if len(paragraphs) < 2 * TILING_MIN_PARAGRAPHS or sum(map(len, paragraphs)) < 10 * block_words:
        return []
    bags = [content_words(paragraph) for paragraph in paragraphs]
    similarities = gap_similarities(bags, block_words)
    depths = depth_scores(similarities)
    sizes = [0]
    for bag in bags:
        sizes.append(sizes[-1] + sum(bag.values()))
    cuts: list[int] = []
    for gap in sorted(range(len(depths)), key=lambda gap: -depths[gap]):
        if depths[gap] < min_depth:
            break
        cut = gap + 1
        if similarities[gap] > max_similarity:
            continue
        edges = [0, *cuts, len(paragraphs)]
        if all(
            abs(cut - edge) >= TILING_MIN_PARAGRAPHS
            and abs(sizes[cut] - sizes[edge]) >= block_words
            for edge in edges
        ):
            cuts.append(cut)
    return sorted(cuts)
