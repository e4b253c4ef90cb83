"""`Extractor`: cleaned documents in, typed events out.

    ex = Extractor()                       # PipelineConfig() defaults
    events = ex.extract(clean_doc)         # list[Event]
    for clean_doc, events in ex.extract_many(clean_docs): ...

A document that makes the parser or a rule raise stops `extract_many`; to read many documents
of unknown quality use `materiel.pipeline.extract_paths` (what `materiel extract` runs): it
rejects such a document with a one-line reason and goes on with the others.

Steps per document: relevance prefilter (no parsing), parse of the candidate sentences (those
the filter keeps that may hold a trigger word, the sentence before each and the headings:
`PipelineConfig.parse_scope`) in batches (`nlp.pipe`), event mentions from the domain
components, pronoun antecedents, roles a mention lacks read from the sentence before
(`context_roles`), merge of the mentions of one event, dates (text, else dateline, else
publication date), optional KB resolution, summary and confidence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from materiel.extract.clauses import clause_drops, is_agreement_text
from materiel.extract.context_roles import ContextRoles
from materiel.extract.contracting import contracting_buyers
from materiel.extract.date_anchor import DateAnchor, load_date_anchor
from materiel.extract.detector import REJECTED as DETECTED
from materiel.extract.detector import DetectorModel, document_context, load_detector
from materiel.extract.features import candidate_features
from materiel.extract.merge import (
    MAIN_ROLE,
    Candidate,
    drop_generic_items,
    drop_place_sides,
    fill_from_context,
    merge,
    shared,
)
from materiel.extract.package_contents import PackageContents
from materiel.extract.package_contents import to_parse as contents_to_parse
from materiel.extract.prefilter import RelevanceFilter, words
from materiel.extract.resolve import KBLinker
from materiel.extract.retype import (
    bought_for_own_forces,
    deliveries_under_purchase,
    home_transfer_to_purchase,
    own_arms_funded,
    plans_told_before,
)
from materiel.extract.roles import MentionRoles, load_roles
from materiel.extract.sparse import sparse_reason
from materiel.extract.speaker import outlet_country, statement_author
from materiel.extract.summary import summarize
from materiel.learn.scorer import load_scorer
from materiel.models import Argument, CleanDocument, Event, Sentence
from materiel.nlp.attach import is_horizon
from materiel.nlp.config import PARSE_SCOPES, PipelineConfig
from materiel.nlp.dates import (
    find_expressions,
    is_target,
    parse_published,
    resolve,
    resolve_match,
)
from materiel.nlp.dates_tense import present_perfect, speaks_now
from materiel.nlp.gaps import CONTEXT, ROLES
from materiel.nlp.lexicon import PARTY_LABELS, lemma_table_forms, surface_forms
from materiel.nlp.pipeline import cached_pipeline
from materiel.nlp.roles import BOUGHT_FOR_CUE, OWNER_STATE_CUE
from materiel.nlp.spans import is_pronoun
from materiel.nlp.types import DateValue, EventMention, RoleValue
from materiel.nlp.validate import POINTED_GOODS_CUE, on_security, story_off_security

_DATELINE = re.compile(
    r"^\s*+(?:[A-Z][A-Za-z .,'’-]{1,60}\s*[–—-]+\s*+|\()?\s*+(?P<date>(?:January|February|March|"
    r"April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|"
    r"Oct\.|Nov\.|Dec\.)\s\d{1,2},\s\d{4})\s*+\)?\s*+[–—-]"
)
_PERSON_PRONOUNS = {"he", "his", "him", "she", "her"}
_WORD_PART = re.compile(r"[a-z0-9]+")
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|"
          r"Dec\.?)")
# "REDSTONE ARSENAL, AL – March 20, 2026 – ", "KINGS BAY, Ga. - ",
# "PHILIPPINE SEA (June 21, 2020) – ", "OSLO/KYIV, May 3 (Wire) - ",
# "Trollhättan, Sweden, 7 October 2025 - " (a place named there is no party of the news)
_DATELINE_PREFIX = re.compile(
    r"^(?:[A-Z][A-Z.'’ /]{2,}+(?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)*)?"
    r"(?:,?\s" + _MONTH + r"\s\d{1,2})?\s*(?:\([^)]{3,40}\)\s*)?"
    r"|[A-ZÀ-Þ][\w'’.-]+(?:\s[A-ZÀ-Þ][\w'’.-]+)*,\s[A-Z][\w.]+(?:\s[A-Z][\w.]+)*,\s"
    r"\d{1,2}\s" + _MONTH + r"\s\d{4}\s*)"
    r"[–—-]{1,2}\s+(?:" + _MONTH + r"\s\d{1,2},\s\d{4}\s*[–—-]{1,2}\s+)?"
)


@dataclass
class _Plan:
    clean: CleanDocument
    published: str | None
    sentences: list[tuple[int, Sentence, int]] = field(
        default_factory=list
    )  # (index, sentence, skip)
    docs: list[Doc] = field(default_factory=list)
    listing_only: set[int] = field(default_factory=set)


def normalize_published(published: str | None) -> str | None:
    d = parse_published(published)
    return d.isoformat() if d else None


def dateline_date(clean: CleanDocument) -> DateValue | None:
    """ "CITY, ST – March 20, 2026 – ..." or "(June 21, 2020) –" at the start of the story."""
    for sent in clean.sentences[:3]:
        m = _DATELINE.match(sent.text)
        if m:
            got = resolve(m.group("date"), None)
            if got is not None:
                return got
    return None


def story_dates(cd: CleanDocument, published: str | None) -> dict[int, DateValue]:
    """For each sentence (by start offset), the last date stated before it in its story that
    is not a plan's horizon or a deadline ("in effect until May 6"): "The council on Thursday
    approved X. It also cleared Y." dates Y by Thursday. A date a week or more before the
    story's first one, told in a background clause ("after parliament approved it in March",
    "the request approved by Congress in March", "starting in March of last year"), dates
    only its own sentence; "since February 24" dates none; a dateline dates the sentences
    after it but is not the story's first date. Read with patterns only (no parse)."""
    out: dict[int, DateValue] = {}
    last: dict[int, DateValue] = {}
    lead: dict[int, DateValue] = {}  # each story's first date: the day of its news
    ref = parse_published(published)
    for sent in cd.sentences:
        if sent.story in last:
            out[sent.start] = last[sent.story]
        for start, end, kind, m in find_expressions(sent.text):
            got = resolve_match(kind, m, ref, False)
            if (got is None or is_horizon(got, published) or kind == "year"
                    or is_target(sent.text, start, kind, end)):
                continue
            if _SINCE.search(sent.text[max(0, start - 12) : start]):
                continue  # "since February 24": where a span starts, no day of the story
            if _dateline(sent.text, start, end):
                last[sent.story] = got  # the wire's day: it dates, but leads no story
                continue
            first = lead.setdefault(sent.story, got)
            told = sent.text[max(0, start - 100) : start]
            if got is not first and _BACKGROUND_CLAUSE.search(told) and _background(
                got, first, ref
            ):
                continue  # "after parliament approved it in March": that clause's own
            last[sent.story] = got
    return out


_SINCE = re.compile(r"\bsince\s+(?:(?:early|mid|late|the)[\s-]+)?$", re.I)
# what follows a dateline's date: "(May 31, 2022) –", "Dec 5 (Reuters) -"
_DATELINE_TAIL = re.compile(r"\)?,?\s*(?:\([A-Za-z .]{1,30}\)\s*)?[–—-]")
# a clause that recalls what came before the news: "after ...", "which ...", "approved by ...",
# "starting in ..." (no clause break between it and the date)
_BACKGROUND_CLAUSE = re.compile(
    r"(?:\b(?:after|following|since|before|when|which|who|that|starting|beginning)\b"
    r"|\b\w+ed by\b)[^,;:.!?()\u2013\u2014]{0,80}$",
    re.I,
)
BACKGROUND_DAYS = 7  # how far before the story's news day a date is background


def _dateline(text: str, start: int, end: int) -> bool:
    """A date heading the story's first words, a dash after it: the day it was filed."""
    return start < 80 and _DATELINE_TAIL.match(text, end) is not None


def _background(d: DateValue, lead: DateValue, ref: dt.date | None) -> bool:
    """A date that ended a week or more before the story's first one, itself no later than
    publication."""
    first, _ = _bounds(lead)
    _, last = _bounds(d)
    if first is None or last is None or (ref is not None and first > ref):
        return False
    return (first - last).days >= BACKGROUND_DAYS


def _story_date(trigger: Token, inherited: DateValue | None, published: str | None
                ) -> DateValue | None:
    """The date a mention that states none takes from its story: none when its clause speaks
    of now ("the army buys", "now sends"), nor when it reports news in the present perfect
    ("the cabinet has approved") and the story's last date ended a week or more before
    publication (the background told before it)."""
    if inherited is None or speaks_now(trigger):
        return None
    ref = parse_published(published)
    _, last = _bounds(inherited)
    if (ref is not None and last is not None and present_perfect(trigger)
            and (ref - last).days >= BACKGROUND_DAYS):
        return None
    return inherited


def _bounds(d: DateValue) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a date covers."""
    try:
        parts = [int(p) for p in d.value.split("-")]
        if len(parts) == 3:
            day = dt.date(*parts)
            return day, day
        if len(parts) == 2:
            y, m = parts
            nxt = dt.date(y + m // 12, m % 12 + 1, 1)
            return dt.date(y, m, 1), nxt - dt.timedelta(days=1)
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except (OverflowError, ValueError):
        return None, None


class Extractor:
    def __init__(self, config: PipelineConfig | None = None, nlp: Language | None = None) -> None:
        self.config = config or PipelineConfig()
        if self.config.parse_scope not in PARSE_SCOPES:
            raise ValueError(f"parse_scope {self.config.parse_scope!r}: one of {PARSE_SCOPES}")
        self.nlp = nlp if nlp is not None else cached_pipeline(self.config)
        self.linker = KBLinker.load(self.config.kb_path) if self.config.use_kb else None
        cues: list[str] = []
        if self.linker is not None:
            cues = kb_cues(self.linker.kb)
        self.filter = RelevanceFilter(extra_cues=cues)
        # what may hold a trigger word, for `parse_scope` (the lemmatizer's irregular forms too)
        exceptions = []
        if "lemmatizer" in self.nlp.pipe_names:
            lookups = getattr(self.nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and "lemma_exc" in lookups.tables:
                exceptions = list(lookups.get_table("lemma_exc").values())
        self.trigger_forms = frozenset(surface_forms() | lemma_table_forms(exceptions))
        self.doc_chunk = int(self.config.extra.get("doc_chunk", 32))
        self.scorer = load_scorer() if self.config.event_model else None
        # training sees every merged candidate, with its features, before any cut-off
        self.on_candidate: Callable[[Event, dict[str, float]], None] | None = None
        # the learned candidate generator (used with the learned layer on, see `recall`)
        self.detector: DetectorModel | None = load_detector() if self.config.detector else None
        # training of the detector sees every parsed sentence: (document, sentence, its parse,
        # its context features, the types the rules read in it)
        self.on_sentence: Callable[[CleanDocument, Sentence, Doc, dict[str, float], set[str]],
                                   None] | None = None
        # the learned role assigner reads the parties of the rules' mentions again
        self.roles: MentionRoles | None = load_roles()
        # the learned date anchor picks the time expression that dates each mention
        self.dates: DateAnchor | None = load_date_anchor()

    # --- public API ---------------------------------------------------------------------

    def extract(self, clean_doc: CleanDocument) -> list[Event]:
        for _cd, events in self.extract_many([clean_doc]):
            return events
        return []

    def extract_many(
        self, clean_docs: Iterable[CleanDocument]
    ) -> Iterator[tuple[CleanDocument, list[Event]]]:
        it = iter(clean_docs)
        while True:
            chunk = list(islice(it, self.doc_chunk))
            if not chunk:
                return
            plans = [self._plan(cd) for cd in chunk]
            docs = [d for p in plans for d in p.docs]
            parsed: list[Doc] = []
            if docs:
                parsed = list(
                    self.nlp.pipe(
                        docs, batch_size=self.config.batch_size, n_process=self.config.n_process
                    )
                )
            k = 0
            for plan in plans:
                n = len(plan.docs)
                yield plan.clean, self._assemble(plan, parsed[k : k + n])
                k += n

    def candidate_sentences(self, clean_doc: CleanDocument) -> list[Sentence]:
        """The sentences the relevance prefilter keeps (nothing is parsed)."""
        return [s for _i, s, _k in self._plan(clean_doc, make_docs=False).sentences]

    # --- steps --------------------------------------------------------------------------

    def _plan(self, cd: CleanDocument, make_docs: bool = True) -> _Plan:
        plan = _Plan(cd, normalize_published(cd.doc.published))
        if self.config.prefilter:
            cd.about_defense = self.filter.document(cd.text)
            if not cd.about_defense:
                return plan
        limit = min(self.config.max_sentence_chars, self.nlp.max_length)  # spaCy's E088
        wanted, told = self._to_parse(cd)
        # sentences parsed only for the goods a package lists after it (`package_contents`)
        plan.listing_only = contents_to_parse(cd.sentences, told) - wanted
        for i, sent in enumerate(cd.sentences):
            if i not in wanted and i not in plan.listing_only:
                continue
            m = _DATELINE_PREFIX.match(sent.text)
            skip = m.end() if m and m.end() < len(sent.text) - 20 else 0
            plan.sentences.append((i, sent, skip))
            if make_docs:
                doc = self.nlp.make_doc(sent.text[skip : skip + limit])
                doc._.published = plan.published
                doc._.context = {"doc": cd.doc.id, "sentence": i, "heading": sent.is_heading,
                                 "recall": self.recall, "gaps": True}
                plan.docs.append(doc)
        return plan

    def _to_parse(self, cd: CleanDocument) -> tuple[set[int], set[int]]:
        """Indexes of the sentences to parse: those the relevance filter keeps; with
        `parse_scope` "triggers", only those of them that hold a trigger word, and with
        "triggers+context" also the kept sentence before each and the headings."""
        kept = [i for i, sent in enumerate(cd.sentences)
                if not self.config.prefilter or self.filter.sentence(sent.text)]
        scope = self.config.parse_scope
        told = {i for i in kept if self._may_hold_trigger(cd.sentences[i].text)}
        if scope == "relevant":
            return set(kept), told
        if scope == "triggers":
            return told, told
        return {i for i in kept if i in told or i + 1 in told or cd.sentences[i].is_heading
                }, told

    def _may_hold_trigger(self, text: str) -> bool:
        low = text.lower()
        # whole words and their parts: the tokenizer splits "re-armed" and "Kyiv's"
        return not (words(low) | set(_WORD_PART.findall(low))).isdisjoint(self.trigger_forms)

    def _assemble(self, plan: _Plan, parsed: list[Doc]) -> list[Event]:
        cd = plan.clean
        inherited = story_dates(cd, plan.published) if plan.sentences else {}
        cands: list[Candidate] = []
        memory: dict[int, tuple[str, str | None]] = {}  # story -> last named party
        memory_person: dict[int, tuple[str, str | None]] = {}
        speaker = _Speaker(self.linker, cd, plan.published, memory_person)
        learned = self.recall and (self.detector is not None or self.on_sentence is not None)
        contexts = document_context([
            doc for (i, _s, _k), doc in zip(plan.sentences, parsed, strict=True)
            if i not in plan.listing_only]) if learned else []
        context = ContextRoles()
        contents = PackageContents()
        pointed: set[int] = set()  # plans of goods only pointed back to ("these jets")
        k = -1
        for (i, sent, skip), doc in zip(plan.sentences, parsed, strict=True):
            contents.see(i, sent, skip, doc)
            if i in plan.listing_only:
                continue  # parsed for the goods it lists, and for nothing else
            k += 1
            first = len(cands)
            context.see(i, sent, skip, doc)
            for m in doc._.mentions or []:
                waiting = m.rejected == CONTEXT  # roles to read from the sentences before
                cand = self._candidate(
                    cd, sent, skip, doc, m, memory, memory_person, inherited, speaker,
                    allow_empty=waiting,
                )
                if cand is not None and waiting:
                    if context.fill(cand, m, i, sent):
                        cand.rejected = None
                    elif self.recall and any(cand.event.args.values()):
                        cand.rejected = ROLES  # for the learned scorer, as any role gap
                    else:
                        continue
                if cand is not None:
                    if POINTED_GOODS_CUE in m.cues:
                        pointed.add(id(cand))
                    cands.append(cand)
            if learned:
                self._detect(cd, sent, skip, doc, contexts[k], cands, first,
                             (memory, memory_person, inherited, speaker))
            context.told(i, [c for c in cands[first:] if c.rejected is None])
            _remember(doc, sent.story, memory, memory_person)
        if not cd.is_feed and story_off_security([s.text for s in cd.sentences]):
            for c in cands:
                if c.event.type == "meeting" and not on_security(c.event.evidence):
                    c.rejected = c.rejected or "meeting off security"
        if cands and not cd.is_feed and is_agreement_text(cd):
            # the clauses of an agreement are undertakings, not transfers or attacks
            for c in cands:
                if clause_drops(c.event.type, c.event.evidence):
                    c.rejected = c.rejected or "agreement clause"
            if not self.recall:
                cands = [c for c in cands if c.rejected is None]
        contracting_buyers(cands, cd.sentences)
        if self.linker is not None and cands:
            ctx = speaker.context()
            for c in cands:
                c.kb = self.linker.link(c.event, c.labels, ctx)
        for c in cands:
            bought_for_own_forces(c)
            home_transfer_to_purchase(c)
            own_arms_funded(c)
        plans_told_before(cands, pointed)
        deliveries_under_purchase(cands)
        merged = merge([c for c in cands if c.rejected is None], by_story=cd.is_feed,
                       published=plan.published)
        fill_from_context(merged, by_story=cd.is_feed)
        listed = contents.lend(merged, cd.sentences)
        if listed and self.linker is not None:
            self.linker.link(Event(doc=cd.doc.id, type="aid", args={"item": listed}), {},
                             speaker.context())
        for c in merged:
            drop_generic_items(c)
            drop_place_sides(c)
            if self.linker is not None:  # after merging: the person still tells mentions apart
                self.linker.officials_as_states(c.event, c.kb)
            c.rejected = sparse_reason(c)
        if self.recall:
            merged += _new_readings(merged, [c for c in cands if c.rejected not in (None,
                                                                                   DETECTED)],
                                    cd.is_feed, plan.published)
            # the detector's candidates come last: they neither absorb the rules' readings
            # nor repeat an event already read
            merged += _new_readings(merged, [c for c in cands if c.rejected == DETECTED],
                                    cd.is_feed, plan.published, twins=False)
        fallback = dateline_date(cd) if not cd.is_feed else None
        out = []
        for c in merged:
            e = c.event
            # the learned anchor's dates, if any, date the events the rules' dates merged
            date, context_date = ((c.learned_date, c.learned_context) if c.learned
                                  else (c.date, c.context_date))
            if date is not None:
                e.date = date.value
            elif context_date is not None:
                e.date = context_date.value
            elif self.config.fallback_to_published:
                e.date = fallback.value if fallback is not None else plan.published
            e.summary = summarize(e)
            e.confidence = round(min(0.98, 1 - (1 - c.score) * (0.85 ** (c.mentions - 1))), 3)
            if self.recall:
                features = candidate_features(c, cd, plan.published, len(merged))
                if self.on_candidate is not None:
                    self.on_candidate(e, features)
                if self.scorer is not None:
                    rules_keep = (c.rejected is None
                                  and e.confidence >= self.config.min_confidence)
                    e.confidence = round(self.scorer.probability(features), 3)
                    if self.scorer.keeps(e.confidence, c.rejected is not None,
                                         c.rejected == DETECTED) and (
                            rules_keep or c.rejected is not None):
                        out.append(e)
                    continue
            if c.rejected is None and e.confidence >= self.config.min_confidence:
                out.append(e)
        return out

    def _detect(self, cd: CleanDocument, sent: Sentence, skip: int, doc: Doc,
                context: dict[str, float], cands: list[Candidate], first: int,
                state: tuple[Any, ...]) -> None:
        """The learned detector's view of one sentence: its probability of each type goes to
        the sentence's rule candidates (`detector_p`), and the types it flags that the rules
        did not read here become candidates of their own (`rejected="detector"`)."""
        covered = {c.event.type for c in cands[first:]}
        if self.on_sentence is not None:
            self.on_sentence(cd, sent, doc, context, covered)
        if self.detector is None:
            return
        probs = self.detector.probabilities(doc, sent.is_heading, context)
        for c in cands[first:]:
            c.detector_p = probs.get(c.event.type, 0.0)
        memory, memory_person, inherited, speaker = state
        for m in self.detector.propose(doc, probs, covered):
            cand = self._candidate(cd, sent, skip, doc, m, memory, memory_person, inherited,
                                   speaker, allow_empty=True)
            if cand is not None:
                cand.detector_p = probs[m.type]
                cands.append(cand)

    @property
    def recall(self) -> bool:
        """Keep what the rules would drop, for the learned scorer to decide (or learn)."""
        return self.scorer is not None or self.on_candidate is not None

    def _candidate(
        self,
        cd: CleanDocument,
        sent: Sentence,
        skip: int,
        doc: Doc,
        m: EventMention,
        memory: dict[int, tuple[str, str | None]],
        memory_person: dict[int, tuple[str, str | None]],
        inherited: dict[int, DateValue],
        speaker: _Speaker | None = None,
        allow_empty: bool = False,
    ) -> Candidate | None:
        base = sent.start + skip
        if self.roles is not None and m.rejected != DETECTED:
            m = self.roles.assign(doc, m)
        learned = (self.dates.date_for(doc, m, inherited.get(sent.start))
                   if self.dates is not None else None)
        event = Event(
            doc=cd.doc.id,
            type=m.type,
            status=m.status,
            evidence=cd.text[sent.start : sent.end],
            evidence_start=sent.start,
            evidence_end=sent.end,
        )
        labels: dict[int, str | None] = {}
        lost_main = False
        for role, vals in m.args.items():
            for rv in vals:
                if role == "value" and rv.currency == "%":
                    continue  # a share of GDP makes a spending decision; its value is money
                if rv.label == FIRST_PERSON:
                    # "I spoke with X": a call or a visit is the person's own act
                    person = role == "participant" and rv.text.lower() in ("i", "me")
                    side = (
                        speaker.side(doc, rv, sent.story, person)
                        if speaker is not None
                        else None
                    )
                    arg = Argument(text=side) if side else None
                    lost_main = lost_main or (arg is None and role == MAIN_ROLE.get(m.type))
                else:
                    arg = self._argument(doc, rv, base, sent.story, memory, memory_person)
                if arg is None:
                    continue
                if any(a.text == arg.text for a in event.args.get(role, [])):
                    continue
                event.args.setdefault(role, []).append(arg)
                labels[id(arg)] = rv.label
        if not any(event.args.values()) and not allow_empty:
            return None
        if lost_main and not event.args.get(MAIN_ROLE.get(m.type, "")):
            return None  # "we are sending ..." with no side to put it on
        date = m.date if m.date is not None and m.date.from_text else None
        story_date = _story_date(doc[m.trigger_i], inherited.get(sent.start), doc._.published)
        return Candidate(
            rejected=m.rejected,
            event=event,
            story=sent.story,
            sentence=sent.start,
            score=m.score,
            date=date,
            context_date=None if date is not None else story_date,
            learned=self.dates is not None,
            learned_date=learned,
            learned_context=None if learned is not None else story_date,
            trigger=m.trigger,
            triggers={base + m.trigger_start},
            labels=labels,
            heading=sent.is_heading,
            anaphor=next((c.split(":", 1)[1] for c in m.cues if c.startswith("anaphor:")), ""),
            owner_recipient=OWNER_STATE_CUE in m.cues,
            bought_for=BOUGHT_FOR_CUE in m.cues,
        )

    def _argument(
        self,
        doc: Doc,
        rv: RoleValue,
        base: int,
        story: int,
        memory: dict[int, tuple[str, str | None]],
        memory_person: dict[int, tuple[str, str | None]],
    ) -> Argument | None:
        if rv.pronoun:
            ante = _antecedent(doc, rv)
            if ante is None:
                mem = memory_person if rv.text.lower() in _PERSON_PRONOUNS else memory
                ante = mem.get(story)
            if ante is None:
                return None
            return Argument(text=ante[0])
        return Argument(
            text=rv.text,
            start=base + rv.start,
            end=base + rv.end,
            value=rv.value,
            currency=rv.currency,
        )


FIRST_PERSON = "FIRST_PERSON"


def _new_readings(kept: list[Candidate], dropped: list[Candidate], by_story: bool,
                  published: str | None, twins: bool = True) -> list[Candidate]:
    """The rules' dropped candidates, merged among themselves, less those that repeat an
    event the rules kept (same type, and the same sentence or, with `twins`, a shared role
    value: the detector's candidates, whose roles are guesses, are told apart by sentence
    only)."""
    out = []
    for c in merge(dropped, by_story=by_story, published=published):
        twin = any(
            k.event.type == c.event.type and (
                k.sentence == c.sentence
                or twins and any(shared(k.event.args.get(r, []), vals)
                                 for r, vals in c.event.args.items()
                                 if r not in ("quantity", "value")))
            for k in kept)
        if not twin:
            out.append(c)
    return out


class _Speaker:
    """Whose side "we"/"I" are on in one document: a quote's speaker's country, else the
    government whose statement the document is (see `materiel.extract.speaker`)."""

    def __init__(
        self,
        linker: KBLinker | None,
        cd: CleanDocument,
        published: str | None,
        memory_person: dict[int, tuple[str, str | None]],
    ) -> None:
        self.linker, self.cd, self.published = linker, cd, published
        self.memory_person = memory_person
        self._ctx: object = None
        self._government: tuple[str | None] | None = None

    def context(self) -> object:
        """The resolver's context for the document (made once, when first needed)."""
        if self._ctx is None and self.linker is not None:
            self._ctx = self.linker.new_document(self.cd.text, self.published)
        return self._ctx

    def government(self) -> str | None:
        if self._government is None:
            kb = self.linker.kb if self.linker is not None else None
            name = (
                self.linker.country_name(outlet_country(self.cd.doc, kb))
                if self.linker is not None
                else None
            )
            self._government = (name,)
        return self._government[0]

    def side(self, doc: Doc, rv: RoleValue, story: int, person: bool = False) -> str | None:
        """person: the speaker themself ("I met X"), where named, rather than their side."""
        if self.linker is None:
            return None
        for q in doc._.quotes or []:
            if q.start <= rv.start < q.end:
                who = q.speaker
                if q.pronoun or not who:
                    who = (self.memory_person.get(story) or (None, None))[0]
                if person and who and who[0].isupper():
                    return who  # a name ("Biden"), not "the minister"
                return self.linker.speaker_country(who, self.context()) if who else None
        if person:
            author = statement_author(self.cd.doc)
            if author:
                return author
        return self.government()


def _antecedent(doc: Doc, rv: RoleValue) -> tuple[str, str | None] | None:
    """A named subject earlier in the same sentence ("the group has ... but it took ...")."""
    person = rv.text.lower() in _PERSON_PRONOUNS
    possessive = rv.text.lower() in ("its", "their", "his", "her")
    best = None
    for ent in doc.ents:
        if ent.label_ not in PARTY_LABELS or (person and ent.label_ != "PERSON"):
            continue
        if not person and ent.label_ == "PERSON":
            continue
        if ent.end_char > rv.start:
            # "With all its attacks, Russia is ...": a fronted possessive points forward to
            # the subject of the main clause
            if (
                possessive
                and best is None
                and ent.root.dep_ == "nsubj"
                and ent.root.head.dep_ == ("ROOT")
            ):
                return (ent.text, ent.label_)
            continue
        if ent.root.dep_ in ("nsubj", "nsubjpass"):
            best = (ent.text, ent.label_)
    return best


def _remember(
    doc: Doc,
    story: int,
    memory: dict[int, tuple[str, str | None]],
    memory_person: dict[int, tuple[str, str | None]],
) -> None:
    for ent in doc.ents:
        if ent.label_ not in PARTY_LABELS or ent.label_ in ("NORP", "DEMONYM"):
            continue
        if ent.root.dep_ in ("nsubj", "nsubjpass") and not is_pronoun(ent.root):
            if ent.label_ == "PERSON":
                memory_person[story] = (ent.text, ent.label_)
            else:
                memory[story] = (ent.text, ent.label_)
            break


def kb_cues(kb: object) -> list[str]:
    """Names of weapons and defense companies (as written) as extra prefilter cues."""
    out: list[str] = []
    entries = getattr(kb, "entries", None)
    if not isinstance(entries, dict):
        return out
    for entry in entries.values():
        if getattr(entry, "type", None) in ("equipment", "company"):
            out.append(str(entry.name))
            out.extend(str(a) for a in getattr(entry, "aliases", ()) or ())
    return out
