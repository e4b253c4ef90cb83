"""Mentions that lack only roles the sentences before may give wait for them
(`rejected="context"`, see `materiel.nlp.gaps`); the rest are dropped as before."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from materiel.nlp.gaps import CONTEXT, GAP_CUE


def _parse(nlp: Language, text: str, gaps: bool = True) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = "2024-07-10"
    doc._.context = {"gaps": gaps}
    return nlp(doc)


def test_an_order_without_its_buyer_waits_for_the_context(nlp: Language) -> None:
    (m,) = _parse(nlp, "Orders for 54 more howitzers followed in June.")._.mentions
    assert m.type == "procurement" and m.rejected == CONTEXT
    assert GAP_CUE + "buyer" in m.cues
    assert [v.text for v in m.values("item")] == ["howitzers"]
    assert not m.values("buyer")  # the stand-in value never leaves the component


def test_an_order_without_its_seller_waits_for_the_context(nlp: Language) -> None:
    (m,) = _parse(nlp, "Romania placed the order in June.")._.mentions
    assert m.rejected == CONTEXT and GAP_CUE + "seller" in m.cues


def test_without_the_context_flag_the_mention_is_dropped(nlp: Language) -> None:
    doc = _parse(nlp, "Orders for 54 more howitzers followed in June.", gaps=False)
    assert doc._.mentions == []


def test_a_receiver_the_sentence_does_not_name_is_not_borrowed(nlp: Language) -> None:
    assert _parse(nlp, "The navy received orders to sail on Monday.")._.mentions == []
    assert _parse(nlp, "Two more regiments have been inducted into service.")._.mentions == []


def test_a_verb_whose_object_is_no_goods_borrows_none(nlp: Language) -> None:
    # the verb's own object was read and is not goods: nothing to look for elsewhere
    assert _parse(nlp, "India will buy time by delaying the decision.")._.mentions == []
