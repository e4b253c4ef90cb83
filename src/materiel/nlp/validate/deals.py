"""The type of a contract, deal or agreement, decided from what hangs off it."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame, pobjs, pp_of, pp_on_sides
from materiel.nlp.roles import PROD_VERBS, is_company
from materiel.nlp.spans import is_military_item, item_head, party_label
from materiel.nlp.types import Trigger
from materiel.nlp.under_contract import goods_made_under
from materiel.nlp.validate.tokens import (
    BUYING_NOUNS,
    BUYING_VERBS,
    SECURITY_WORDS,
    company_like,
    mod_words,
)
from materiel.wordlists import word_set, word_tuple

_COVERING_VERBS = word_set("nlp/validate", "covering_verbs")

_SALE_MODIFIERS = word_set("nlp/validate", "sale_modifiers")
_PRODUCTION_WORDS = word_set("nlp/validate", "production_words")
_WON_DEAL_GOVERNORS = word_tuple("nlp/validate", "won_deal_governors")

_CONTRACT_GOVERNORS = word_tuple("nlp/validate", "contract_governors")

_PACT_WORDS = ("agreement", "memorandum", "mou", "pact", "accord")
_AGREEMENT_SECURITY_WORDS = word_set("nlp/validate", "agreement_security_words")
_CIVIL_PACT_MODS = word_set("nlp/validate", "civil_pact_mods")
_CIVIL_PACT_SUBJECTS = word_set("nlp/validate", "civil_pact_subjects")


_FIELD_WORDS = word_set("nlp/validate", "deal_field_words")


def _field_word(o: Token) -> bool:
    """A bare field of policy as what a deal covers ("a deal covering defence and security",
    "covering defence, energy and trade"): a domain of cooperation, no goods; "covering air
    defence" or "defence systems" names goods."""
    return o.lemma_.lower() in _FIELD_WORDS and not any(
        c.dep_ in ("compound", "amod", "nmod") for c in o.children
    )


def _develops_only(f: Frame) -> bool:
    """The deal's purpose clauses develop something and make nothing ("to develop and
    produce" makes)."""
    verbs = {w.lemma_.lower() for c in f.clauses for w in [c, *c.conjuncts]}
    return "develop" in verbs and not verbs & (PROD_VERBS - {"develop"})


def _placed_with_maker(f: Frame) -> bool:
    """ "the ministry signed a contract with MHI for production of X": a customer places the
    contract with a maker, who makes the goods for it."""
    return (
        f.gov_lemma in _CONTRACT_GOVERNORS
        and any(company_like(w) or is_company(w) for w in f.pp("with"))
        and not any(company_like(s) or is_company(s) for s in f.subj)
    )


def _told_goods(f: Frame) -> list[Token]:
    """The goods a deal noun names through the clause around it: the object of a covering
    verb it is subject of ("the contract, signed last year, covers 300 launchers") or the
    "for" of the signing participle on it ("the contract signed in May by X for 300
    launchers")."""
    t = f.trigger
    covers = f.pred is not None and f.pred.lemma_.lower() in _COVERING_VERBS
    goods = [o for o in f.obj if t.dep_ == "nsubj" and covers]
    for c in t.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _CONTRACT_GOVERNORS:
            # the "for" may hang on the signer: "signed by the ministry for 300 launchers"
            signers = [x for a in c.children if a.dep_ == "agent" for x in pobjs(a)]
            goods += [x for h in [c, *signers] for x in pp_of(h, "for")]
    return [x for x in goods if is_military_item(item_head(x))]


def _goods_after_partner(f: Frame) -> list[Token]:
    """ "a contract with MBDA for Sea Ceptor missiles": the goods' "for" the parse hung on
    the other side of the deal."""
    return [x for x in pp_on_sides(f, ("with",), "for") if is_military_item(item_head(x))]


def _staff_terms(f: Frame) -> bool:
    """A deal on staff terms with a side that is no state ("an agreement with the union for
    higher pay for soldiers", "a deal with unions on pay"); states agreeing on the pay of
    troops based abroad make a defence agreement."""
    sides = f.pp("with")
    if not sides or any(party_label(w) in ("GPE", "COUNTRY") for w in sides + f.subj):
        return False
    told = f.pp("for", "on", "over") + [x for w in sides for x in pp_of(w, "for", "on", "over")]
    return any(x.lemma_.lower() in _CIVIL_PACT_SUBJECTS for x in told)


def decide_deal_type(doc: Doc, f: Frame, trig: Trigger) -> str | None:
    """Type of a contract/deal/agreement noun from what hangs off it."""
    t = f.trigger
    sub = {w.lemma_.lower() for w in t.subtree}
    clause_lemmas = {c.lemma_.lower() for c in f.clauses}
    pp_lemmas = {w.lemma_.lower() for w in f.pp("for", "to", "on", "of")}
    mods = mod_words(t)
    if trig.lemma == "award":  # "an award to Raytheon for 200 missiles": a contract won
        won_by_firm = any(company_like(w) for w in f.pp("to") + f.dative)
        goods = any(is_military_item(item_head(x)) for x in f.pp("for", "of"))
        return "procurement" if won_by_firm or goods else None
    if goods_made_under(t) is not None:
        return "procurement"  # "building 18 jets for Malaysia under a contract signed in 2023"
    if _develops_only(f) and trig.lemma in _PACT_WORDS:
        return "agreement"  # "a collaboration agreement to develop X": research, not output
    # "a deal that will see the manufacturing of the engine in India": what the deal brings
    rel_objs = {
        o.lemma_.lower()
        for c in t.children
        if c.dep_ == "relcl"
        for o in c.children
        if o.dep_ == "dobj"
    }
    if (
        rel_objs & _PRODUCTION_WORDS
        and f.gov_lemma not in _WON_DEAL_GOVERNORS
        and not _placed_with_maker(f)
    ):
        return "production"
    if clause_lemmas & PROD_VERBS or pp_lemmas & _PRODUCTION_WORDS:
        # an agreement to produce; a contract to build for a buyer is a purchase
        buyer_like = [x for x in f.pp("for") if party_label(x)]
        won = f.gov_lemma in _WON_DEAL_GOVERNORS
        if trig.lemma in ("contract", "deal", "modification", "order") and (
            buyer_like or won or _placed_with_maker(f)
        ):
            return "procurement"  # a contract to build things for a buyer is a purchase
        return "production"
    if clause_lemmas & BUYING_VERBS or pp_lemmas & BUYING_NOUNS:
        return "procurement"
    if clause_lemmas & {"donate", "give", "provide"}:
        return "aid"
    if "production" in mods or "manufacturing" in mods:
        return "procurement" if trig.lemma in ("contract", "order") else "production"
    if mods & (_SALE_MODIFIERS | {"arms", "weapons", "defense", "defence"}) and trig.lemma in (
        "deal",
        "contract",
    ):
        return "procurement"
    if mods & (_SALE_MODIFIERS | {"arms"}) and trig.lemma == "agreement":
        return "procurement"  # "a defence sales agreement", "an arms agreement"
    # "a letter of intent covering up to 150 fighters" (the clause may hang on the signing)
    covering = f.clauses + [
        c for c in (f.pred.children if f.pred is not None and t.dep_ == "dobj" else [])
        if c.dep_ == "advcl" and c.i > t.i
    ]
    items = [x for x in f.pp("for", "of", "on") if is_military_item(item_head(x))] + [
        o
        for c in covering
        if c.lemma_.lower() in _COVERING_VERBS
        for o in c.children
        if o.dep_ == "dobj" and is_military_item(item_head(o)) and not _field_word(o)
    ] + _told_goods(f) + _goods_after_partner(f)
    if items or [c for c in f.compounds if is_military_item(c)]:
        if trig.lemma in ("contract", "deal", "order"):
            return "procurement"
        if trig.type == "agreement" and any(
            item_head(x).i == x.i and is_military_item(x) for x in f.pp("for")
        ):
            return "procurement"  # "an agreement with Lockheed Martin for 88 F-35A": a purchase
        return trig.type
    if trig.lemma in ("contract",):
        return (
            "procurement"
            if (
                f.gov_lemma in _CONTRACT_GOVERNORS
                and (
                    f.pp("to")
                    or f.dative
                    or f.pp("for")
                    or any(company_like(w) for w in f.pp("with") + f.subj)
                )
            )
            else None
        )
    if trig.type == "agreement" or trig.lemma == "deal":
        if mods & _CIVIL_PACT_MODS and not sub & SECURITY_WORDS:
            return None  # "firmed up a mobility pact and vowed closer defence ties"
        if _staff_terms(f):
            return None  # "signed an agreement with the union for higher pay for soldiers"
        sentence_words = {w.lower_ for w in doc}
        if sentence_words & SECURITY_WORDS and (
            f.subj or f.poss or f.mods or f.pp("with", "between")
        ):
            return "agreement"
        # an agreement noun also by its own troops ("an agreement on stationing a brigade"),
        # never by the sentence's ("an agreement on pay, as the armed forces stood by")
        if sub & SECURITY_WORDS:
            return "agreement"
        if trig.type == "agreement" and {w.lower_ for w in t.subtree} & _AGREEMENT_SECURITY_WORDS:
            return "agreement"
        # "signed a reciprocal access agreement allowing their forces to train": the parse
        # hangs what the pact allows on the signing verb
        if trig.type == "agreement" and _vbg_clause_words(covering) & _AGREEMENT_SECURITY_WORDS:
            return "agreement"
    return None


def _vbg_clause_words(clauses: list[Token]) -> set[str]:
    """The words of the participle clauses that tell what a deal allows or covers."""
    return {w.lower_ for c in clauses if c.tag_ == "VBG" for w in c.subtree}
