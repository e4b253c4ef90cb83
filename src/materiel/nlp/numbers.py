"""Numbers: money with currency and scale, quantities, ordinals, percents and measures.

`find_money(text)` and `parse_quantity(words)` are plain functions (tested alone); the
`materiel_numbers` component writes every number of a Doc to `Doc._.numbers`.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from materiel.nlp import extensions as _ext
from materiel.nlp.intervals import DisjointSpans
from materiel.nlp.types import NumberMention
from materiel.wordlists import word_map, word_set, word_tuple

_ext.register()

SCALES = word_map("nlp/numbers", "scales", float)
_INR_SCALES = word_set("nlp/numbers", "inr_scales")

WORD_NUMBERS = word_map("nlp/numbers", "word_numbers", int)
ORDINAL_WORDS = word_set("nlp/numbers", "ordinal_words")
_ORDINAL_RE = re.compile(r"^\d+(st|nd|rd|th)$", re.I)

# Prefix symbols and codes, longest first.
_PREFIX_CURRENCIES = [
    ("US$", "USD"),
    ("A$", "AUD"),
    ("AU$", "AUD"),
    ("C$", "CAD"),
    ("CA$", "CAD"),
    ("NZ$", "NZD"),
    ("HK$", "HKD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("NT$", "TWD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₹", "INR"),
    ("¥", "JPY"),
    ("₴", "UAH"),
    ("₽", "RUB"),
    ("₩", "KRW"),
    ("zł", "PLN"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
    ("INR", "INR"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("UAH", "UAH"),
    ("RUB", "RUB"),
    ("JPY", "JPY"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("KRW", "KRW"),
    ("AUD", "AUD"),
    ("CAD", "CAD"),
    ("CHF", "CHF"),
    ("SEK", "SEK"),
    ("NOK", "NOK"),
    ("DKK", "DKK"),
    ("PLN", "PLN"),
    ("TRY", "TRY"),
    ("ILS", "ILS"),
    ("SAR", "SAR"),
    ("AED", "AED"),
    ("PKR", "PKR"),
    ("BRL", "BRL"),
    ("CZK", "CZK"),
    ("NIS", "ILS"),
    ("TWD", "TWD"),
    ("SGD", "SGD"),
    ("Dhs", "AED"),
    ("Dh", "AED"),
]
_SUFFIX_CURRENCIES = word_map("nlp/numbers", "suffix_currencies", str)
# A currency word that follows "Danish", "Norwegian", "Swedish"... changes the code.
_QUALIFIED = {
    ("danish", "kroner"): "DKK",
    ("norwegian", "kroner"): "NOK",
    ("swedish", "kronor"): "SEK",
    ("swedish", "krona"): "SEK",
    ("australian", "dollars"): "AUD",
    ("canadian", "dollars"): "CAD",
    ("hong", "dollars"): "HKD",
    ("singapore", "dollars"): "SGD",
}

_NUM = (  # 1,200,000 (western) and 6,92,000 (Indian grouping)
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d{1,3}(?:,\d{2})+,\d{3}(?:\.\d+)?(?!\d|,\d)"
    r"|\d+(?:\.\d+)?"
)
_SCALE = (
    r"thousand|million|billion|trillion|mln|bln|mn|bn|tn|trn|crores?|lakhs?|lac|cr|"
    r"[kmb](?![a-z])"
)
# between a number and its scale: a space, or the hyphen of a compound ("a $1.2-billion deal",
# "₹2,960-crore order")
_SCALE_GAP = r"(?:\s|[-\u2010\u2011])?"
_WORDNUM = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred)"
_prefix_alt = "|".join(re.escape(p) for p, _ in _PREFIX_CURRENCIES)
_suffix_alt = "|".join(sorted(_SUFFIX_CURRENCIES, key=len, reverse=True))

# $400 million, €1.2bn, UAH 5 billion, Rs 5,000 crore, US$ 3m
_MONEY_PREFIX = re.compile(
    rf"(?<![A-Za-z])(?P<cur>{_prefix_alt})\s?(?P<num>{_NUM})(?:{_SCALE_GAP}(?P<scale>{_SCALE}))?"
    r"(?![A-Za-z0-9])",
    re.I,
)
# 5 billion hryvnias, 1.2 billion euros, 50000 crores, ?9,805 crore (a lost rupee sign)
_MONEY_SUFFIX = re.compile(
    rf"(?<![\w.])(?P<num>{_NUM}|{_WORDNUM})(?:{_SCALE_GAP}(?P<scale>{_SCALE}))?\s?"
    rf"(?:(?P<qual>danish|norwegian|swedish|australian|canadian|hong kong|singapore)\s)?"
    rf"(?P<cur>{_suffix_alt})\b",
    re.I,
)
_MONEY_INR = re.compile(
    rf"(?<![\w.])\??(?P<num>{_NUM}){_SCALE_GAP}(?P<scale>crores?|lakhs?)\b", re.I
)
# "billion dollars" with no digits: "an additional billion dollars"
_MONEY_BARE = re.compile(
    r"\b(?P<scale>thousand|million|billion|trillion)\s(?P<cur>dollars|euros|pounds)\b", re.I
)
_PERCENT = re.compile(rf"(?<![\w.])(?P<num>{_NUM})\s?(?:%|per\s?cent|percent)", re.I)

MEASURE_UNITS = word_set("nlp/numbers", "measure_units")
_UNIT_LEAD = re.compile(r"^(?:mm|cm|cal)x\d+$", re.I)  # "155 mmx52 cal"
_UNIT_GLUED = re.compile(r"^\d+(?:[.,]\d+)?(km|kms|kg|mm|cm|m|t|kn|kw|mw|nm|ft|s|h|hp|g|x)$", re.I)


def _to_float(num: str) -> float | None:
    num = num.strip().lower()
    if num in WORD_NUMBERS:
        return float(WORD_NUMBERS[num])
    try:
        return float(num.replace(",", ""))
    except ValueError:
        return None


def _prefix_code(symbol: str) -> str:
    for p, code in _PREFIX_CURRENCIES:
        if p.lower() == symbol.lower():
            return code
    return "USD"


_AFTER_AMOUNT = word_set("nlp/numbers", "after_amount")


def _spans(found: list[tuple[int, int, float, str]]) -> DisjointSpans:
    return DisjointSpans((start, end) for start, end, _, _ in found)


def find_money(text: str) -> list[tuple[int, int, float, str]]:
    """Every amount of money in `text`: (start, end, value, ISO currency), left to right."""
    found: list[tuple[int, int, float, str]] = []

    for m in _MONEY_PREFIX.finditer(text):
        num = _to_float(m.group("num"))
        if num is None:
            continue
        scale = (m.group("scale") or "").lower()
        cur = _prefix_code(m.group("cur"))
        if scale in _INR_SCALES:
            cur = "INR"
        if scale == "m" and cur == "INR":
            scale = ""  # "Rs 5m" is rare; keep it literal
        found.append((m.start(), m.end(), num * SCALES.get(scale, 1.0), cur))
    taken = _spans(found)  # what the earlier patterns found; one pattern's matches never overlap
    for m in _MONEY_SUFFIX.finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        num = _to_float(m.group("num"))
        if num is None:
            continue
        if m.group("num").lower() in ("a", "an") and not m.group("scale"):
            continue
        scale = (m.group("scale") or "").lower()
        word = m.group("cur").lower()
        cur = _SUFFIX_CURRENCIES[word]
        qual = (m.group("qual") or "").lower().split(" ")[0]
        cur = _QUALIFIED.get((qual, word), cur)
        if word == "won" and not scale:
            continue  # "won" the verb
        found.append((m.start(), m.end(), num * SCALES.get(scale, 1.0), cur))
    taken = _spans(found)  # what the earlier patterns found; one pattern's matches never overlap
    for m in _MONEY_INR.finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        after = re.match(r"\s+([A-Za-z][\w-]*)", text[m.end() : m.end() + 30])
        if (
            after
            and not m.group(0).startswith("?")
            and after.group(1).lower() not in _AFTER_AMOUNT
        ):
            continue  # "6 lakh rifles": a count, not rupees
        num = _to_float(m.group("num"))
        if num is None:
            continue
        found.append((m.start(), m.end(), num * SCALES[m.group("scale").lower()], "INR"))
    taken = _spans(found)  # what the earlier patterns found; one pattern's matches never overlap
    for m in _MONEY_BARE.finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        cur = _SUFFIX_CURRENCIES[m.group("cur").lower()]
        found.append((m.start(), m.end(), SCALES[m.group("scale").lower()], cur))
    found.sort()
    return found


def parse_money(text: str) -> tuple[float, str] | None:
    """The first amount of money in `text` as (value, currency), or None."""
    found = find_money(text)
    return (found[0][2], found[0][3]) if found else None


def parse_quantity(words: list[str]) -> float | None:
    """A count written as words and digits: ["four", "million"] -> 4e6, ["50-60"] -> 50."""
    total: float | None = None
    for raw in words:
        w = raw.lower().strip()
        if not w:
            continue
        if "-" in w and re.match(r"^\d[\d,]*(\.\d+)?-\d", w):
            w = w.split("-")[0]  # a range: keep its lower bound
        if w in SCALES and total is not None and w not in ("m", "b", "k"):
            total *= SCALES[w]
            continue
        if w == "hundred" and total is not None:
            total *= 100
            continue
        val = _to_float(w)
        if val is None:
            return total
        total = val if total is None else total + val
    return total


def is_ordinal(token: Token) -> bool:
    return bool(_ORDINAL_RE.match(token.text)) or token.lower_ in ORDINAL_WORDS


def _is_year(token: Token) -> bool:
    t = token.text
    return len(t) == 4 and t.isdigit() and 1900 <= int(t) <= 2100


def _is_measure(tokens: list[Token]) -> bool:
    last = tokens[-1]
    if _UNIT_GLUED.match(last.text):
        return True
    nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
    if nxt is not None and nxt.text in ("-",) and nxt.i + 1 < len(last.doc):
        nxt = nxt.nbor(1)  # "15-month"
    return bool(
        nxt is not None and (nxt.lower_ in MEASURE_UNITS or _UNIT_LEAD.match(nxt.text) is not None)
    )


def glued_count(doc: Doc, i: int, end: int) -> bool:
    """A number glued by a hyphen to the next word ("40-jet", "25-tonne"), within `end`."""
    return (
        i + 2 < end
        and doc[i].like_num
        and not doc[i].whitespace_
        and doc[i + 1].text in ("-", "–")
        and not doc[i + 1].whitespace_
    )


def glued_measure(doc: Doc, i: int, end: int) -> bool:
    """A number glued by a hyphen to a unit of measure ("25-tonne")."""
    return glued_count(doc, i, end) and doc[i + 2].lower_ in MEASURE_UNITS


def _measure_after(tok: Token) -> bool:
    """A digit number glued by a hyphen to a unit ("25-tonne")."""
    return tok.text[:1].isdigit() and glued_measure(tok.doc, tok.i, len(tok.doc))


def _number_tokens(doc: Doc) -> list[list[Token]]:
    """Runs of number-like tokens ("four million", "1,400", "50-60")."""
    runs: list[list[Token]] = []
    cur: list[Token] = []
    for tok in doc:
        w = tok.lower_
        numlike = (tok.like_num and not is_ordinal(tok)) or (
            w in WORD_NUMBERS and w not in ("a", "an") and tok.pos_ == "NUM"
        )
        if cur and w in SCALES and w not in ("m", "b", "k") and tok.pos_ in ("NUM", "NOUN"):
            numlike = True
        if cur and numlike and _measure_after(tok) and cur[-1].text[:1].isdigit():
            runs.append(cur)  # "350 25-tonne tanks": a count, then a measure's number
            cur = []
        if (
            numlike
            and not (w in ("one",) and tok.dep_ in ("nsubj", "dobj", "pobj"))
            or cur
            and w == "-"
            and tok.i + 1 < len(doc)
            and doc[tok.i + 1].like_num
            and not tok.whitespace_
        ):
            cur.append(tok)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


_LABEL_NOUNS = word_tuple("nlp/numbers", "label_nouns")


def find_numbers(doc: Doc) -> list[NumberMention]:
    """Money (by pattern over the text), then the other numbers token by token."""
    out: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
    for start, end, value, cur in find_money(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        ts, te = (span.start, span.end) if span is not None else (-1, -1)
        out.append(NumberMention("money", value, start, end, doc.text[start:end], cur, ts, te))
        taken.append((start, end))
    for m in _PERCENT.finditer(doc.text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        val = _to_float(m.group("num"))
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if val is not None and span is not None:
            out.append(
                NumberMention(
                    "percent", val, m.start(), m.end(), m.group(0), None, span.start, span.end
                )
            )
            taken.append((m.start(), m.end()))
    for run in _number_tokens(doc):
        start, end = run[0].idx, run[-1].idx + len(run[-1])
        if any(start < e and s < end for s, e in taken):
            continue
        words = (
            [t.text for t in run if t.text != "-"]
            if len(run) > 1 and run[1].text == "-"
            else [t.text for t in run]
        )
        if len(run) == 3 and run[1].text == "-":
            words = [run[0].text]
        qty = parse_quantity(words)
        if qty is None:
            continue
        kind = "quantity"
        if len(run) == 1 and _is_year(run[0]):
            kind = "year"
        elif _is_measure(run):
            kind = "measure"
        prev = doc[run[0].i - 1] if run[0].i > 0 else None
        if prev is not None and (
            prev.lower_ in ("no", "no.", "mk", "#")
            or (
                prev.lower_
                in _LABEL_NOUNS
                and prev.text[:1].isupper()
            )
        ):
            kind = "measure"  # "Executive Order 13660", "Type 055": a name, not a count
        out.append(
            NumberMention(kind, qty, start, end, doc.text[start:end], None, run[0].i, run[-1].i + 1)
        )
    for tok in doc:
        if is_ordinal(tok) and tok.lower_ not in ("last", "next", "second"):
            out.append(
                NumberMention(
                    "ordinal", 0.0, tok.idx, tok.idx + len(tok), tok.text, None, tok.i, tok.i + 1
                )
            )
    out.sort(key=lambda n: n.start)
    return out


@Language.component("materiel_numbers")
def numbers_component(doc: Doc) -> Doc:
    doc._.numbers = find_numbers(doc)
    return doc
