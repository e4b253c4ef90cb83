"""Numbers and dates attached to an event mention: amounts and counts in the trigger's clause,
the date attached to the trigger's clause (else the nearest one in the sentence)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp import extensions as _ext
from materiel.nlp.dates import clause_is_future, parse_published
from materiel.nlp.dates_anchor import clause_break_between, date_attachment
from materiel.nlp.dates_offset import measured_clause, moved
from materiel.nlp.frames import Frame, pobjs
from materiel.nlp.participles import COUNT_CUE
from materiel.nlp.spans import (
    quantity_tokens,
)
from materiel.nlp.types import DateValue, EventMention, NumberMention, RoleValue
from materiel.nlp.under_contract import goods_made_under
from materiel.wordlists import word_set

_ext.register()

_OCCURRENCE = word_set("nlp/attach", "occurrence")


BACKGROUND_PREPS = word_set("nlp/attach", "background_preps")
_AMOUNT_CHANGE = word_set("nlp/attach", "amount_change")


def _occurs_by_verb(t0: Token) -> bool:
    """An event noun as the subject of a verb that tells it happen ("the meeting took place")
    or change ("defence spending will rise to 3%, the government announced in March"): the
    verb's clause, and those it is told in, date the event."""
    verb = t0.head.lemma_.lower()
    return verb in _OCCURRENCE or verb in _AMOUNT_CHANGE


def _subtree_ids(tok: Token | None) -> set[int]:
    return {t.i for t in tok.subtree} if tok is not None else set()


def attach_numbers(
    doc: Doc, m: EventMention, frame: Frame, numbers: list[NumberMention], item_toks: list[Token]
) -> None:
    scope = _subtree_ids(frame.pred) | _subtree_ids(frame.trigger)
    if not scope:
        scope = set(range(len(doc)))
    for c in frame.trigger.children:  # "delivered drones under a $367m contract": its price
        for x in pobjs(c) if c.dep_ == "prep" else []:
            host = goods_made_under(x)
            if host is not None and host.i == frame.trigger.i:
                scope -= _subtree_ids(x)
    roles_for_type = {
        "production": ("quantity", "value"),
        "procurement": ("quantity", "value"),
        "aid": ("quantity", "value"),
        "spending": ("value",),
    }
    roles = roles_for_type.get(m.type, ())
    if "value" in roles:
        # "$2.98 billion of weapons": the amount the item is counted in
        worth = {
            a.i
            for it in item_toks
            for a in list(it.ancestors)[:2]
            if a.pos_ == "NUM" or a.lower_ in ("of", "worth")
        }
        paid_by = _purpose_host(frame.trigger)
        for n in numbers:
            if n.kind == "money" and (
                n.token_start in scope
                or worth & set(range(n.token_start, n.token_end))
                or (paid_by is not None and _amount_head(doc, n) == paid_by)
            ):
                # skip prices per unit and costs of something else
                tail = doc.text[n.end : n.end + 12].lower()
                if tail.startswith((" per ", " each", " apiece")):
                    continue
                if any(o.kind == "money" and _converted(doc.text[o.end : n.start])
                       for o in numbers if o.end <= n.start):
                    continue  # "$61bn (£49bn)", "SEK 2bn (about $190m)": converted
                m.add(
                    RoleValue("value", n.text, n.start, n.end, value=n.value, currency=n.currency)
                )
        if m.type == "spending":
            for n in numbers:
                if n.kind == "percent" and n.token_start in scope:
                    m.add(RoleValue("value", n.text, n.start, n.end, value=n.value, currency="%"))
    if "quantity" in roles:
        qtoks: list[Token] = []
        for it in item_toks:
            # measure head above the item: "six squadrons of Tejas" (item is the pobj)
            if it.dep_ == "pobj" and it.head.lower_ == "of" and it.head.head.pos_ == "NOUN":
                qtoks.extend(quantity_tokens(it.head.head))
            share = it.dep_ == "pobj" and it.head.lower_ == "of" and it.head.head.like_num
            if share and frame.trigger.head != it:
                qtoks.append(it.head.head)  # "24 of the jets": 24, not the lot of "the 36 jets"
            else:  # the lot's own purchase: "six of the 24 jets ordered in 2021" orders 24
                qtoks.extend(quantity_tokens(it))
            # "100 new jets, 70 of which": keep only the first
        qtoks = _share_or_lot(doc, frame, qtoks, item_toks)
        counts = [int(c[len(COUNT_CUE):]) for c in m.cues if c.startswith(COUNT_CUE)]
        if counts:
            qtoks = [doc[i] for i in counts]  # "two jets, out of 12 ordered": the order's 12
        seen: set[int] = set()
        for q in sorted(qtoks, key=lambda t: t.i):
            for n in numbers:
                if (
                    n.kind == "quantity"
                    and n.token_start <= q.i < n.token_end
                    and n.start not in seen
                ):
                    seen.add(n.start)
                    m.add(RoleValue("quantity", n.text, n.start, n.end, value=n.value))


_HEDGES = word_set("nlp/attach", "amount_hedges")


def _converted(between: str) -> bool:
    """The text between two amounts opens a conversion of the first: " (", " (about "."""
    text = between.strip()
    if not text.startswith("(") or len(text) > 16:
        return False
    return all(w.lower() in _HEDGES for w in text[1:].split())


def _purpose_host(t: Token) -> Token | None:
    """What an infinitive of purpose hangs on ("a $3 billion plan to buy", "will provide
    SEK 2bn to buy"): the amount on it pays for the purchase."""
    if t.dep_ in ("acl", "xcomp", "advcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in t.children
    ):
        return t.head
    return None


def _amount_head(doc: Doc, n: NumberMention) -> Token | None:
    """The word an amount's phrase hangs on."""
    if n.token_start < 0:
        return None
    inside = range(n.token_start, n.token_end)
    for i in inside:
        if doc[i].head.i not in inside or doc[i].head.i == i:
            head = doc[i].head
            # the amount is the noun's own ("$400m to buy"), or on a noun ("$1bn plan")
            return head if head.i not in inside else None
    return None


def _share_or_lot(doc: Doc, frame: Frame, qtoks: list[Token], item_toks: list[Token]
                  ) -> list[Token]:
    """ "the first three of 36 jets": the share counts what happens to the jets, the lot the
    purchase told in a participle on them ("three of 36 jets ordered in 2021")."""
    shares = {q.i for q in qtoks if q.i + 2 < len(doc) and doc[q.i + 1].lower_ == "of"
              and doc[q.i + 2].like_num}
    if not shares:
        return qtoks
    lots = {i + 2 for i in shares}
    on_lot = frame.trigger.dep_ in ("acl", "relcl") and frame.trigger.head in item_toks
    drop = shares if on_lot else lots
    return [q for q in qtoks if q.i not in drop]


def attach_date(doc: Doc, m: EventMention, frame: Frame, dates: list[DateValue]) -> None:
    dates = [d for d in dates if not d.target]  # "by 2030", "until 2028": never the event's
    if not dates:
        return
    anchors: list[tuple[int, DateValue]] = []
    chain: list[Token] = []
    cur: Token = frame.trigger
    for _ in range(10):
        chain.append(cur)
        if cur.head.i == cur.i or (cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX")):
            break
        cur = cur.head
    t0 = frame.trigger
    truncated = False
    if t0.pos_ != "VERB":
        # an event named as the subject of a comment ("Scholz's call was a mistake") or as a
        # time reference ("after Russian attacks") takes no date from the main clause
        if t0.dep_ in ("nsubj", "nsubjpass") and not _occurs_by_verb(t0):
            chain, truncated = chain[:2], True
        elif t0.dep_ == "pobj" and t0.head.lower_ in BACKGROUND_PREPS:
            chain, truncated = chain[:1], True
    positions = {t.i: k for k, t in enumerate(chain)}
    if t0.pos_ == "NOUN":
        for c in t0.children:  # "the contract signed in 2023": the participle dates the deal
            if c.dep_ in ("acl", "relcl") and c.tag_ in ("VBN", "VBD"):
                positions.setdefault(c.i, 0)
    for d in dates:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            continue
        k = positions.get(date_attachment(span.root).i)
        if k is not None:
            anchors.append((k, d))
    if anchors:
        anchors.sort(key=lambda a: a[0])
        m.date = _measured_from_main(chain, *anchors[0])
        if (
            is_horizon(m.date, doc._.published)
            and not past_year(m.date, doc._.published)
            and m.type != "meeting"
        ):
            # "will raise spending next year, the government said on Tuesday": a plan is
            # dated by its announcement; the horizon is kept only when nothing else is said
            said = [d for _k, d in anchors if not is_horizon(d, doc._.published)]
            if said:
                m.date = said[0]
        return
    # no date attached to the trigger's clause: the nearest one in the sentence
    if truncated:
        # "after the plant won a contract for 60 trucks last year": only a date inside the event's
        # own phrase dates it
        own = {t.i for t in t0.subtree}
        inside = [d for d in dates if _root_in(doc, d, own) and not in_other_clause(doc, d, t0)]
        if inside:
            m.date = min(inside, key=lambda d: abs(d.start - t0.idx))
        return
    if m.status == "done" and not clause_is_future(t0):
        # "has accelerated production and will match X in 2025": the other clause's target
        # is no date of an action that happened
        dates = [d for d in dates if not (d.future and is_horizon(d, doc._.published))]
    # "line opens; first aircraft due in 2026": the other clause's date
    dates = [d for d in dates if not clause_break_between(doc, d, t0)]
    # "delivered frigates under a contract awarded in 2019": the participle dates its own deal
    dates = [d for d in dates if not in_other_clause(doc, d, t0)]
    if dates:
        m.date = min(dates, key=lambda d: abs(d.start - t0.idx))


def _measured_from_main(chain: list[Token], k: int, d: DateValue) -> DateValue:
    """A date of the main clause over "a day after ..." dates the event a day before it."""
    measured = measured_clause(chain)
    if measured is None or k <= measured[0]:
        return d
    return moved(d, measured[1]) or d


def _root_in(doc: Doc, d: DateValue, ids: set[int]) -> bool:
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    return span is not None and span.root.i in ids


def in_other_clause(doc: Doc, d: DateValue, t0: Token) -> bool:
    """Whether a time expression sits in a participle or relative clause on the contract the
    trigger's goods are delivered under ("under a contract awarded in 2019"): it dates the
    contract."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    tok = date_attachment(span.root)
    for _ in range(12):
        if tok.dep_ in ("acl", "relcl") and tok.pos_ in ("VERB", "AUX"):
            host = goods_made_under(tok.head)
            return host is not None and host.i == t0.i
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def past_year(d: DateValue, published: str | None) -> bool:
    """A year before the publication's ("24 jets ordered in 2019"): when a thing was done,
    never a plan's horizon."""
    ref = parse_published(published)
    return d.precision == "year" and ref is not None and int(d.value[:4]) < ref.year


def is_horizon(d: DateValue, published: str | None) -> bool:
    """A coarse target period ("next year", "by 2026", "in the coming months")."""
    if d.precision == "year":
        return True
    ref = parse_published(published)
    if d.precision == "month" and ref is not None:
        return d.value > f"{ref.year:04d}-{ref.month:02d}"
    return False


# --- per-type role filling ---------------------------------------------------------------
