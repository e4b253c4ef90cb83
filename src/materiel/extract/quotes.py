"""Quoted statements with their speakers, for a whole cleaned document.

`extract_quotes(clean_doc)` parses the sentences that hold a quotation mark or a verb of
saying, reads quotes and speakers with the `materiel_quotes` component, joins quotes that
run over several sentences, and resolves "he said" / "she added" to the nearest preceding
named speaker of the same story (never across stories or teaser-feed items).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language

from materiel.models import CleanDocument, Sentence
from materiel.nlp.chunks import bounded_chunks
from materiel.nlp.config import PipelineConfig
from materiel.nlp.lexicon import SPEECH_VERBS, inflect
from materiel.nlp.pipeline import cached_pipeline
from materiel.nlp.quotes import find_quotes

# A longer "sentence" (a page without full stops) is parsed in pieces of at most this size.
MAX_PARSED_CHARS = 10_000
_QUOTE_CHARS = re.compile(r"[“”\"«»„]")
_SPEECH_FORMS = frozenset(f for v in SPEECH_VERBS for f in inflect(v)) | {"said", "told", "wrote"}
_WORD = re.compile(r"[a-z]+")
_NEEDED = (
    "tok2vec",
    "tagger",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "materiel_kb_ruler",
    "ner",
    "materiel_entity_fixer",
)


@dataclass(frozen=True)
class _Piece:
    """A sentence, or a piece of an overlong one, as parsed."""

    start: int  # offset in CleanDocument.text
    story: int
    text: str


def _pieces(sentences: list[Sentence], limit: int) -> list[_Piece]:
    return [
        _Piece(sentence.start + offset, sentence.story, text)
        for sentence in sentences
        for offset, text in bounded_chunks(sentence.text, limit)
    ]


@dataclass
class QuoteRecord:
    doc: str
    text: str
    start: int  # offsets of the quoted words in CleanDocument.text
    end: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    story: int = 0
    via: str | None = None  # the pronoun resolved ("he"), or None for a named speaker

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "doc": self.doc,
            "text": self.text,
            "speaker": self.speaker,
            "start": self.start,
            "end": self.end,
        }
        if self.via:
            out["via"] = self.via
        return out


def _wanted(text: str) -> bool:
    return bool(_QUOTE_CHARS.search(text)) or not set(_WORD.findall(text.lower())).isdisjoint(
        _SPEECH_FORMS
    )


def extract_quotes(clean_doc: CleanDocument, nlp: Language | None = None) -> list[QuoteRecord]:
    nlp = nlp if nlp is not None else cached_pipeline(PipelineConfig())
    limit = min(MAX_PARSED_CHARS, nlp.max_length)
    sents = [p for p in _pieces(clean_doc.sentences, limit) if _wanted(p.text)]
    disable = [p for p in nlp.pipe_names if p not in _NEEDED]
    docs = list(nlp.pipe((s.text for s in sents), disable=disable))
    out: list[QuoteRecord] = []
    last_named: dict[int, tuple[str, int, int]] = {}
    open_quote: QuoteRecord | None = None
    for sent, doc in zip(sents, docs, strict=True):
        story = sent.story
        for q in find_quotes(doc):
            rec = QuoteRecord(
                doc=clean_doc.doc.id,
                text=q.text,
                start=sent.start + q.start,
                end=sent.start + q.end,
                story=story,
            )
            if q.speaker is not None and not q.pronoun:
                rec.speaker = q.speaker
                rec.speaker_start = sent.start + q.speaker_start
                rec.speaker_end = sent.start + q.speaker_end
            elif q.speaker is not None and q.pronoun and story in last_named:
                name, s0, e0 = last_named[story]
                rec.speaker, rec.speaker_start, rec.speaker_end = name, s0, e0
                rec.via = q.speaker
            # a quote that started in an earlier sentence and closes here
            if open_quote is not None and q.start == 0 and open_quote.story == story:
                open_quote.text = clean_doc.text[open_quote.start : rec.end]
                open_quote.end = rec.end
                if open_quote.speaker is None and rec.speaker is not None:
                    open_quote.speaker, open_quote.via = rec.speaker, rec.via
                    open_quote.speaker_start, open_quote.speaker_end = (
                        rec.speaker_start,
                        rec.speaker_end,
                    )
                open_quote = None if q.end < len(doc.text) else open_quote
                continue
            whole = q.start <= 1 and q.end >= len(doc.text.rstrip()) - 2
            if (
                rec.speaker is None
                and whole
                and out
                and out[-1].story == story
                and out[-1].speaker is not None
                and out[-1].end >= sent.start - 40
            ):
                # “First part,” he said. “Second part.”: the same speaker goes on
                prev = out[-1]
                rec.speaker, rec.via = prev.speaker, prev.via
                rec.speaker_start, rec.speaker_end = prev.speaker_start, prev.speaker_end
            out.append(rec)
            open_quote = rec if q.end >= len(doc.text.rstrip()) - 1 else None
        # remember the named speaker of this sentence (quoted or not: "X said that ..."), else
        # the person the sentence is about ("X called the order \"...\"", then "he said")
        speech = [t for t in doc if t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB"]
        roots = [t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
        for tok in speech or roots:
            for c in tok.children:
                if c.dep_ == "nsubj":
                    ent = next((e for e in doc.ents if e.start <= c.i < e.end), None)
                    if ent is not None and ent.label_ == "PERSON":
                        last_named[story] = (
                            ent.text,
                            sent.start + ent.start_char,
                            sent.start + ent.end_char,
                        )
        for rec in out:
            if (
                rec.story == story
                and rec.speaker is not None
                and rec.via is None
                and rec.speaker_start is not None
                and rec.speaker_start >= sent.start
            ):
                last_named[story] = (rec.speaker, rec.speaker_start, rec.speaker_end or 0)
    return out
