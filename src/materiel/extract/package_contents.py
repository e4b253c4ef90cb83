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
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from materiel.extract.merge import Candidate
from materiel.models import Argument, Sentence
from materiel.nlp.frames import pobjs
from materiel.nlp.lexicon import HYPOTHETICAL_AUX, HYPOTHETICAL_MARKS
from materiel.nlp.roles.items import items_from
from materiel.nlp.types import RoleValue
from materiel.wordlists import word_set

INCLUDING_VERBS = word_set("nlp/roles", "including_verbs")
HOLDERS = word_set("nlp/roles", "content_holders")
POINTERS = word_set("nlp/roles", "content_pronouns")
OTHER_WORDS = word_set("nlp/roles", "content_other_words")
DOUBT_VERBS = word_set("nlp/roles", "content_doubt_verbs")
COLON_WORDS = word_set("nlp/roles", "content_colon_words")
PURCHASE_HOLDERS = word_set("nlp/roles", "content_purchase_holders")
AID_HOLDERS = word_set("nlp/roles", "content_aid_holders")
BUY_VERBS = word_set("nlp/roles", "buy_verbs")

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
    near: bool = False  # its transfer must be told in the sentence right before


@dataclass
class PackageContents:
    """The listings read in one document, sentence by sentence, then lent to its transfers."""

    listings: list[_Listing] = field(default_factory=list)
    lines: dict[int, list[Argument]] = field(default_factory=dict)  # sentence -> its goods
    # list lines: sentence -> (story, its last character)
    fragments: dict[int, tuple[int, str]] = field(default_factory=dict)
    # sentence -> the transfer nouns it introduces, and the one it is about (its subject or
    # object)
    introduced: dict[int, set[str]] = field(default_factory=dict)  # "another consignment"
    topics: dict[int, str] = field(default_factory=dict)

    def see(self, index: int, sent: Sentence, skip: int, doc: Doc) -> None:
        base = sent.start + skip
        listing = _listing(doc)
        if listing is not None:
            (holder, pointed), roots = listing
            near = False
            if holder in POINTERS:
                # "This new package ... It includes X": the pronoun stands for the transfer
                # word the sentence before is about; with none ("a wish list"), for nothing
                holder = self.topics.get(index - 1, "")
            elif pointed:
                # "that deal": the transfer the sentence before tells or is about
                near = self.topics.get(index - 1) != holder
            if holder:
                self.listings.append(_Listing(index, sent.story, holder,
                                              _arguments(doc, roots, base),
                                              doc.text.rstrip().endswith(":"), near))
        elif _is_fragment(doc) and not sent.is_heading:
            self.fragments[index] = (sent.story, doc.text.rstrip()[-1:])
            self.lines[index] = _arguments(doc, _line_roots(doc), base)
        else:
            after = _after_colon(doc)
            if after:  # "rushed $350 million in aid to meet their needs: 800 Stingers, ..."
                self.listings.append(_Listing(index, sent.story, OWN,
                                              _arguments(doc, after, base)))
        named = [t for t in doc if t.pos_ == "NOUN" and t.dep_ != "compound"
                 and t.lemma_.lower() in HOLDERS]
        self.introduced[index] = {t.lemma_.lower() for t in named if _new_transfer(t)}
        topics = [t.lemma_.lower() for t in named if _this_transfer(t) and _main_argument(t)]
        if topics:
            self.topics[index] = topics[0]

    def lend(self, records: list[Candidate], sentences: Sequence[Sentence]) -> list[Argument]:
        """Add each listing's goods to its transfer; returns the arguments added."""
        starts = [s.start for s in sentences]
        added: list[Argument] = []
        for listing in self.listings:
            goods = list(listing.items)
            if listing.colon:
                goods.extend(self._list_below(listing))
            if not goods:
                continue
            target = _target(listing, records, sentences, starts)
            if target is None or self._named_since(listing, target, starts):
                continue
            have = target.event.args.setdefault("item", [])
            for g in goods:
                if not any(_same(g, h) for h in have):
                    have.append(g)
                    added.append(g)
        return added

    def _named_since(self, listing: _Listing, target: Candidate, starts: list[int]) -> bool:
        """Whether the listing's transfer word was introduced anew in a sentence that does
        not tell the target ("Poland pledged aid. North Korea sent another consignment to
        Moscow. The consignment includes ..."): it stands for that other transfer. A word
        told again ("This package, valued at $1 billion, ...") points back to the same one."""
        told = {_index(starts, s) for s in _starts(target)}
        last = max(told)
        return any(listing.holder in self.introduced.get(j, set()) and j not in told
                   for j in range(last + 1, listing.sentence))

    def _list_below(self, listing: _Listing) -> list[Argument]:
        """The goods of the list lines right under a listing's colon, in its story, up to the
        line that closes a list of lines ended by semicolons or commas ("...; ...; ... .")."""
        out: list[Argument] = []
        ends: list[str] = []
        for j in range(listing.sentence + 1, listing.sentence + 1 + MAX_LINES):
            story, end = self.fragments.get(j, (-1, ""))
            if story != listing.story or (ends and ends[-1] == "." and "." not in ends[:1]):
                break
            out.extend(self.lines[j])
            ends.append(end)
        return out


Holder = tuple[str, bool]  # the transfer word's lemma, and whether it is pointed at ("that deal")
NO_HOLDER: Holder = ("", False)


def _listing(doc: Doc) -> tuple[Holder, list[Token]] | None:
    """(holder, goods roots) of a sentence whose including verb has a transfer's subject."""
    for tok in doc:
        if tok.lemma_.lower() not in INCLUDING_VERBS or tok.pos_ not in ("VERB", "AUX"):
            continue
        if not _told_as_fact(tok):
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        aux = [c for c in tok.children if c.dep_ == "auxpass"]
        if tok.tag_ == "VBN" and aux:
            # "Included in the package are X": the goods are the subject (or, as the parse
            # has it, the attribute of "are" or the object), the holder the place
            holder = _holder_in([p for c in tok.children if c.dep_ == "prep" for p in pobjs(c)])
            if holder[0]:
                goods = subjects + [c for c in tok.children if c.dep_ == "dobj"] + [
                    c for a in aux for c in a.children if c.dep_ == "attr"]
                return holder, goods
            continue
        holder = _holder_in(subjects)
        if not holder[0]:
            continue
        roots = [c for c in tok.children if c.dep_ == "dobj"]
        roots += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in pobjs(c)]  # "consists of X"
        return holder, roots
    return None


def _told_as_fact(verb: Token) -> bool:
    """Not "does not include", "would include", "whether the package includes", "had hoped
    the package would include": an including verb that tells what the package holds."""
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX)
           or (c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS) for c in verb.children):
        return False
    v = verb
    while v.dep_ in ("ccomp", "xcomp", "advcl", "conj") and v.head.i != v.i:
        v = v.head
        if v.lemma_.lower() in DOUBT_VERBS or v.dep_ == "neg" or any(
                c.dep_ == "neg" for c in v.children):
            return False
    return True


def _holder_in(subjects: list[Token]) -> Holder:
    """The transfer word among the subjects: the head ("the package") or the place it is
    counted in ("the items in this package")."""
    for s in subjects:
        lemma = s.lemma_.lower() if s.pos_ != "PRON" else s.lower_
        inner = _inner_holder(s)
        if inner[0]:
            return inner
        if lemma in HOLDERS and (lemma in POINTERS or _this_transfer(s)):
            return lemma, _pointed(s)
    return NO_HOLDER


def _pointed(s: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("this", "that") for c in s.children)


def _this_transfer(s: Token) -> bool:
    """A transfer word that can be the one just told: one ("the package", not "earlier
    packages"), nobody's but its own ("Russia's delivery", "its contribution" may be another
    party's), no other one ("a separate package", "the proposed sale"), and not from or to a
    maker or giver of its own ("the delivery from Iran")."""
    if s.tag_ in ("NNS", "NNPS"):
        return False
    for c in s.children:
        if c.dep_ == "poss" or c.lower_ in OTHER_WORDS:
            return False
        if c.dep_ == "prep" and c.lower_ in ("from", "by") and any(
                p.ent_type_ for p in pobjs(c)):
            return False
        if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in (
                "NORP", "GPE", "COUNTRY", "METONYM", "ORG"):
            return False  # "a US package" told after another donor's
    return True


def _new_transfer(t: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") or c.lower_ in OTHER_WORDS
               for c in t.children)


def _main_argument(t: Token) -> bool:
    """The subject or object of its clause's verb ("Denmark announced a new package",
    "This package will provide"), not a word in a side phrase ("aid to X, a day after Kyiv
    sent a wish list")."""
    return t.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "ROOT")


def _inner_holder(s: Token) -> Holder:
    for c in s.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "of", "under"):
            for p in pobjs(c):
                lemma = p.lemma_.lower()
                if lemma in HOLDERS and lemma not in POINTERS and _this_transfer(p):
                    return lemma, _pointed(p)
    return NO_HOLDER


def _after_colon(doc: Doc) -> list[Token]:
    """The heads of a list after a colon inside the sentence, each attached before it."""
    colons = [t.i for t in doc if t.text == ":" and 0 < t.i < len(doc) - 2]
    if len(colons) != 1 or colons[0] < MIN_LEAD_TOKENS:
        return []  # a label ("Part numbers: ...", "Present status: ...") lists nothing given
    c = colons[0]
    if doc[c - 1].lower_ not in COLON_WORDS and doc[c - 1].lemma_.lower() not in COLON_WORDS:
        return []  # "with one threat in mind: Russian tanks" names no goods given
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
        if t.dep_ == "prep" and (t.lower_ == "including" or (
                t.lower_ == "for" and t.head.i == root.i)):
            out.extend(pobjs(t))
        elif t.pos_ == "VERB" and t.lemma_ in BUY_VERBS:
            out.extend(c for c in t.children if c.dep_ == "dobj")
    return out


def _is_sum(tok: Token) -> bool:
    """A sum of money ("$150 million", "NOK 1.2 billion"), not a count ("12 Caesar
    howitzers", "Leopard 1 tanks")."""
    return tok.ent_type_ == "MONEY" or any(c.ent_type_ == "MONEY" for c in tok.children)


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
    gap = 0 if listing.holder == OWN else 1 if listing.near else MAX_GAP
    if listing.holder in PURCHASE_HOLDERS:
        choices: tuple[set[str], ...] = ({"procurement"},)
    elif listing.holder in AID_HOLDERS:
        choices = ({"aid"},)
    else:  # "the package", "the shipment": an aid when one is told within reach
        choices = ({"aid"}, {"procurement"})
    for types in choices:
        found = _nearest(listing, records, sentences, starts, types, gap)
        if found is not None:
            return found
    return None


def _nearest(listing: _Listing, records: list[Candidate], sentences: Sequence[Sentence],
             starts: list[int], types: set[str], gap: int) -> Candidate | None:
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
    """The sentence that holds `offset`: the last one starting at or before it."""
    return bisect_right(starts, offset) - 1


def _same(a: Argument, b: Argument) -> bool:
    if a.start is not None and b.start is not None and a.start < (b.end or 0) and (
            b.start < (a.end or 0)):
        return True
    return a.text.lower() == b.text.lower()
