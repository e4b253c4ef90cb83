"""The goods a package lists after the sentence that tells it.

"The Department announces $1 billion in aid for Ukraine. Capabilities in this package
include:" followed by one line per weapon, or "The aid was announced on Friday. It includes
HIMARS ammunition and 155mm shells": the spec makes a package's list one event with several
items, but the sentence that tells the transfer names none of them. A sentence whose including
verb ("include", "contain", "comprise", "consist of", "feature") has a transfer's word for its
subject ("the package", "the deal", "capabilities in this package", or "it" right after the
transfer) lends the goods it lists, and the list lines after its colon, to the nearest aid or
purchase told at most `MAX_GAP` sentences before it in the same story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from materiel.extract.merge import Candidate
from materiel.models import Argument, Sentence
from materiel.nlp.frames import pobjs
from materiel.nlp.roles.items import items_from
from materiel.nlp.types import RoleValue
from materiel.wordlists import word_set

INCLUDING_VERBS = word_set("nlp/roles", "including_verbs")
HOLDERS = word_set("nlp/roles", "content_holders")
POINTERS = word_set("nlp/roles", "content_pronouns")
BUYING_VERBS = frozenset({"buy", "purchase", "procure", "acquire"})
PURCHASE_HOLDERS = frozenset({"deal", "contract", "order", "purchase", "sale", "acquisition"})
AID_HOLDERS = frozenset({"aid", "assistance", "support", "donation", "contribution"})

OWN = ""  # a listing of the sentence's own transfer ("aid to meet their needs: X, Y")
MAX_GAP = 3  # sentences from the transfer to the sentence that lists its goods
MIN_LEAD_TOKENS = 5  # words before a colon that tells what follows it
MAX_LINES = 20  # list lines read after a colon
MAX_LINE_WORDS = 25
_LEAD = re.compile(r"\b(?:includ|contain|compris|consist|featur)\w*", re.IGNORECASE)


def may_list(text: str) -> bool:
    """Whether a sentence may hold an including verb (before it is parsed)."""
    return _LEAD.search(text) is not None


def to_parse(sentences: Sequence[Sentence], told: Iterable[int]) -> set[int]:
    """The sentences to parse for the contents of the transfers told in `told`: those with an
    including word at most `MAX_GAP` sentences after one, and the lines under such a sentence's
    colon."""
    told = set(told)
    out: set[int] = set()
    for i, sent in enumerate(sentences):
        if not may_list(sent.text) or not any(i - g in told for g in range(MAX_GAP + 1)):
            continue
        out.add(i)
        if sent.text.rstrip().endswith(":"):
            out.update(_lines_below(sentences, i))
    return out


def _lines_below(sentences: Sequence[Sentence], i: int) -> list[int]:
    out = []
    for j in range(i + 1, min(len(sentences), i + 1 + MAX_LINES)):
        line = sentences[j]
        if line.story != sentences[i].story or len(line.text.split()) > MAX_LINE_WORDS:
            break
        out.append(j)
    return out


@dataclass
class _Listing:
    sentence: int
    story: int
    holder: str  # the lemma of the including verb's subject
    items: list[Argument] = field(default_factory=list)
    colon: bool = False


@dataclass
class PackageContents:
    """The listings read in one document, sentence by sentence, then lent to its transfers."""

    listings: list[_Listing] = field(default_factory=list)
    lines: dict[int, list[Argument]] = field(default_factory=dict)  # sentence -> its goods
    fragments: set[int] = field(default_factory=set)  # sentences that are list lines
    holders: dict[int, str] = field(default_factory=dict)  # sentence -> transfer noun it names

    def see(self, index: int, sent: Sentence, skip: int, doc: Doc) -> None:
        base = sent.start + skip
        listing = _listing(doc)
        if listing is not None:
            holder, roots = listing
            if holder in POINTERS and index - 1 in self.holders:
                holder, index = self.holders[index - 1], index - 1  # "This package ... It has"
            self.listings.append(_Listing(index, sent.story, holder,
                                          _arguments(doc, roots, base),
                                          doc.text.rstrip().endswith(":")))
        elif _is_fragment(doc):
            self.fragments.add(index)
            self.lines[index] = _arguments(doc, _line_roots(doc), base)
        else:
            after = _after_colon(doc)
            if after:  # "rushed $350 million in aid to meet their needs: 800 Stingers, ..."
                self.listings.append(_Listing(index, sent.story, OWN,
                                              _arguments(doc, after, base)))
        named = [t.lemma_.lower() for t in doc if t.pos_ == "NOUN" and t.dep_ != "compound"
                 and t.lemma_.lower() in HOLDERS and t.lemma_.lower() not in POINTERS]
        if named:
            self.holders[index] = named[0]

    def lend(self, records: list[Candidate], sentences: Sequence[Sentence]) -> list[Argument]:
        """Add each listing's goods to its transfer; returns the arguments added."""
        starts = [s.start for s in sentences]
        added: list[Argument] = []
        for listing in self.listings:
            goods = list(listing.items)
            if listing.colon:
                for j in range(listing.sentence + 1, listing.sentence + 1 + MAX_LINES):
                    if j not in self.fragments:
                        break
                    goods.extend(self.lines[j])
            if not goods:
                continue
            target = _target(listing, records, sentences, starts)
            if target is None:
                continue
            have = target.event.args.setdefault("item", [])
            for g in goods:
                if not any(_same(g, h) for h in have):
                    have.append(g)
                    added.append(g)
        return added


def _listing(doc: Doc) -> tuple[str, list[Token]] | None:
    """(holder, goods roots) of a sentence whose including verb has a transfer's subject."""
    for tok in doc:
        if tok.lemma_.lower() not in INCLUDING_VERBS or tok.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children):
            # "Included in the package are X": the goods are the subject, the holder the place
            holder = _holder_in([p for c in tok.children if c.dep_ == "prep" for p in pobjs(c)])
            if holder:
                return holder, subjects
            continue
        holder = _holder_in(subjects)
        if not holder:
            continue
        roots = [c for c in tok.children if c.dep_ == "dobj"]
        roots += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in pobjs(c)]  # "consists of X"
        return holder, roots
    return None


def _holder_in(subjects: list[Token]) -> str:
    """The transfer word among the subjects: the head ("the package") or the place it is
    counted in ("capabilities in this package")."""
    for s in subjects:
        lemma = s.lemma_.lower() if s.pos_ != "PRON" else s.lower_
        if lemma in HOLDERS:
            return _inner_holder(s) or lemma
        inner = _inner_holder(s)
        if inner:
            return inner
    return ""


def _inner_holder(s: Token) -> str:
    for c in s.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "of", "under"):
            for p in pobjs(c):
                if p.lemma_.lower() in HOLDERS and p.lemma_.lower() not in POINTERS:
                    return p.lemma_.lower()
    return ""


def _after_colon(doc: Doc) -> list[Token]:
    """The heads of a list after a colon inside the sentence, each attached before it."""
    colons = [t.i for t in doc if t.text == ":" and 0 < t.i < len(doc) - 2]
    if len(colons) != 1 or colons[0] < MIN_LEAD_TOKENS:
        return []  # a label ("Part numbers: ...", "Present status: ...") lists nothing given
    c = colons[0]
    before = doc[:c].text
    if before.count("“") > before.count("”") or before.count('"') % 2:
        return []  # a title quoted: "a lecture on “The Air Force: Present Status”"
    if not any(t.pos_ == "VERB" for t in doc[:c]):
        return []
    return [t for t in doc[c + 1:] if t.head.i < c and t.pos_ in ("NOUN", "PROPN")]


def _line_roots(doc: Doc) -> list[Token]:
    """The goods of a list line: the phrase itself ("Stinger missiles;"), or, for a sum, what
    it is for ("$150 million for drones;", "NOK 1.2 billion for air defence, including
    missiles for NASAMS", "$200 million towards the fund, to buy interceptors")."""
    root = next(t for t in doc if t.dep_ == "ROOT")
    if not _is_sum(root):
        return [root]
    out: list[Token] = []
    for t in root.subtree:
        if t.dep_ == "prep" and t.lower_ in ("for", "including") and t.head.i == root.i or (
                t.dep_ == "prep" and t.lower_ == "including"):
            out.extend(pobjs(t))
        elif t.pos_ == "VERB" and t.lemma_ in BUYING_VERBS:
            out.extend(c for c in t.children if c.dep_ == "dobj")
    return out


def _is_sum(tok: Token) -> bool:
    return tok.like_num or tok.pos_ == "NUM" or tok.ent_type_ == "MONEY" or any(
        c.ent_type_ == "MONEY" or c.dep_ == "nummod" for c in tok.children)


def _is_fragment(doc: Doc) -> bool:
    """A list line: a noun phrase, not a clause ("Stinger anti-aircraft missiles;")."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    return len(roots) == 1 and roots[0].pos_ in ("NOUN", "PROPN", "NUM") and not any(
        t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") for t in doc)


def _arguments(doc: Doc, roots: list[Token], base: int) -> list[Argument]:
    values: list[RoleValue] = [rv for rv, _tok in items_from(doc, roots)]
    return [Argument(text=rv.text, start=base + rv.start, end=base + rv.end) for rv in values]


def _target(listing: _Listing, records: list[Candidate], sentences: Sequence[Sentence],
            starts: list[int]) -> Candidate | None:
    """The aid or purchase told nearest before the listing, in its story and within reach."""
    gap = 0 if listing.holder == OWN else 1 if listing.holder in POINTERS else MAX_GAP
    types = ({"procurement"} if listing.holder in PURCHASE_HOLDERS
             else {"aid"} if listing.holder in AID_HOLDERS else {"aid", "procurement"})
    best: tuple[int, Candidate] | None = None
    for r in records:
        if r.event.type not in types:
            continue
        told = [_index(starts, s) for s in _starts(r)]
        # a heading ("Providing more security assistance") heads a section, not one transfer
        near = [i for i in told if listing.sentence - gap <= i <= listing.sentence
                and sentences[i].story == listing.story and not sentences[i].is_heading]
        if near and (best is None or max(near) > best[0]):
            best = (max(near), r)
    return best[1] if best is not None else None


def _starts(r: Candidate) -> list[int]:
    out = [r.event.evidence_start] if r.event.evidence_start is not None else []
    out += [e.start for e in r.event.other_evidence if e.start is not None]
    return out


def _index(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:  # the last sentence starting at or before the offset
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def _same(a: Argument, b: Argument) -> bool:
    if a.start is not None and b.start is not None and a.start < (b.end or 0) and (
            b.start < (a.end or 0)):
        return True
    return a.text.lower() == b.text.lower()
