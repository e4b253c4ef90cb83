"""Extractor on short documents written for these tests."""

from __future__ import annotations

from materiel.extract import Extractor, RelevanceFilter
from materiel.extract.extractor import dateline_date, story_dates

ARTICLE = """Poland to buy more K2 tanks
Poland intends to order 180 more K2 tanks from Hyundai Rotem, the defence ministry said on Tuesday.
The tanks will be delivered by the end of 2026, the ministry said.
Separately, Sweden and Denmark pledged 12 self-propelled howitzers to Ukraine on Wednesday.
Analysts say tanks have become less useful on modern battlefields.
Poland could also buy more howitzers if funding allows."""


def by_type(events):
    out = {}
    for e in events:
        out.setdefault(e.type, []).append(e)
    return out


def test_extract_article(extractor: Extractor, make_clean):
    events = extractor.extract(make_clean(ARTICLE, published="2024-05-10"))
    types = by_type(events)
    assert set(types) == {"procurement", "aid"}, [e.to_json() for e in events]
    (proc,) = types["procurement"]  # title and body mentions merged
    js = proc.to_json()
    assert {a["text"] for a in js["args"]["buyer"]} == {"Poland"}
    assert [a["value"] for a in js["args"]["quantity"]] == [180]
    assert js["date"] == "2024-05-07" and js["status"] == "planned"
    (aid,) = types["aid"]
    assert {a["text"] for a in aid.to_json()["args"]["donor"]} == {"Sweden", "Denmark"}
    assert aid.date == "2024-05-08"
    for e in events:
        text = make_clean(ARTICLE, published="2024-05-10").text
        assert text[e.evidence_start : e.evidence_end] == e.evidence
        assert 0 <= e.confidence <= 1 and e.summary


def test_no_date_anywhere_gives_none(extractor: Extractor, make_clean):
    events = extractor.extract(
        make_clean("Chile ordered six patrol boats from Damen.", published=None)
    )
    assert events and events[0].date is None


def test_undated_sentence_falls_back_to_publication(extractor: Extractor, make_clean):
    (e,) = extractor.extract(
        make_clean("Chile ordered six patrol boats from Damen.", published="2023-09-01T08:00:00Z")
    )
    assert e.date == "2023-09-01"


def test_dateline_beats_publication(extractor: Extractor, make_clean):
    cd = make_clean(
        "FORT WORTH, Texas – March 3, 2025 – The Navy awarded a contract to "
        "Lockheed Martin for 12 radar systems.",
        published="2025-03-09",
    )
    assert dateline_date(cd) is not None
    (e,) = extractor.extract(cd)
    assert e.date == "2025-03-03"
    assert {a.text for a in e.args["seller"]} == {"Lockheed Martin"}


def test_extract_many_keeps_order_and_batches(extractor: Extractor, make_clean):
    docs = [
        make_clean("Kenya bought two helicopters from Italy.", doc_id=f"d{i}") for i in range(5)
    ]
    docs.insert(2, make_clean("The school choir sang in the park.", doc_id="quiet"))
    out = list(extractor.extract_many(docs))
    assert [cd.doc.id for cd, _ in out] == [d.doc.id for d in docs]
    assert [len(evs) for _, evs in out] == [1, 1, 0, 1, 1, 1]


def test_prefilter_skips_non_defense_documents(extractor: Extractor, make_clean):
    text = " ".join(["The bakery sells fresh bread and the park opens at nine."] * 40)
    docs = [make_clean(text, doc_id=f"n{i}") for i in range(300)]
    assert extractor.candidate_sentences(docs[0]) == []
    out = list(extractor.extract_many(docs))
    assert all(evs == [] for _, evs in out)


def test_relevance_filter():
    f = RelevanceFilter(extra_cues=["Hyundai Rotem"], model=None)  # the hand rules
    assert f.document("Hyundai Rotem shares rose.")
    assert not f.document("The bakery sells bread.")
    assert f.sentence("They ordered tanks.") and not f.sentence("They like tanks.")


def test_feed_items_keep_their_own_events(extractor: Extractor, make_clean):
    from dataclasses import replace

    from materiel.models import Story

    cd = make_clean(
        "Japan sanctioned three drone makers on Monday.\n"
        "Japan sanctioned two shipping firms on Friday."
    )
    lines = cd.text.split("\n")
    cd.is_feed = True
    cd.stories = [Story(0, 0, len(lines[0])), Story(1, len(lines[0]) + 1, len(cd.text))]
    cd.sentences = [replace(s, story=i) for i, s in enumerate(cd.sentences)]
    events = extractor.extract(cd)
    assert sorted(e.date for e in events) == ["2024-05-06", "2024-05-10"]


def test_contract_award_in_the_passive(extractor: Extractor, make_clean):
    (e,) = extractor.extract(
        make_clean(
            "Acme Defense Corp., Tucson, Arizona, was awarded a $412,500,000 modification to "
            "contract W9-22 for production of 3,000 guided rockets.",
            published="2024-05-15",
        )
    )
    js = e.to_json()
    assert js["type"] == "procurement"
    assert [a["text"] for a in js["args"]["seller"]] == ["Acme Defense Corp."]
    assert [a["value"] for a in js["args"]["value"]] == [412500000]
    assert [a["value"] for a in js["args"]["quantity"]] == [3000]


def test_questions_and_exercises_are_not_events(extractor: Extractor, make_clean):
    assert extractor.extract(make_clean("Will Chile buy its new frigates from Spain?")) == []
    assert (
        extractor.extract(
            make_clean(
                "The navy staged drills off the coast, sending warships to practise striking "
                "targets at sea."
            )
        )
        == []
    )


def test_later_sentences_take_the_story_date(extractor: Extractor, make_clean):
    events = extractor.extract(
        make_clean(
            "The defence council on Thursday approved the purchase of 40 howitzers from Elbit.\n"
            "It also cleared the acquisition of 12 radars for the air force.",
            published="2024-05-10",
        )
    )
    assert sorted(e.date for e in events) == ["2024-05-09", "2024-05-09"]


def test_the_present_is_dated_by_the_publication_not_the_story(extractor: Extractor,
                                                                 make_clean):
    """The guide: a clause in the present speaks of the day of publication; only a past one
    takes the last date the story stated."""
    events = extractor.extract(
        make_clean(
            "The defence council on Thursday approved the purchase of 40 howitzers from Elbit.\n"
            "The air force is now buying 12 radars from Thales.",
            published="2024-05-10",
        )
    )
    assert sorted(e.date for e in events) == ["2024-05-09", "2024-05-10"]


def test_a_plan_is_dated_by_its_announcement(extractor: Extractor, make_clean):
    (e,) = extractor.extract(
        make_clean(
            "Norway will raise defence spending by NOK 20 billion next year, the government said "
            "on Tuesday.",
            published="2024-10-10",
        )
    )
    assert e.type == "spending" and e.date == "2024-10-08"


def test_spending_value_is_money_not_a_share(extractor: Extractor, make_clean):
    events = extractor.extract(
        make_clean("Norway approved a record NOK 110 billion defence budget, up 12%.")
    )
    (sp,) = [e for e in events if e.type == "spending"]
    assert [a.currency for a in sp.args["value"]] == ["NOK"]


def test_agreement_needs_two_parties(extractor: Extractor, make_clean):
    lone = "Austria, a signatory of the arms treaty, said it would not provide such weapons."
    assert not extractor.extract(make_clean(lone))
    pair = "Latvia and Estonia signed a defence cooperation agreement in Riga on Monday."
    (e,) = extractor.extract(make_clean(pair))
    assert e.type == "agreement" and len(e.args["party"]) == 2


def test_wire_dateline_is_no_party(extractor: Extractor, make_clean):
    text = (
        "HELSINKI/TALLINN, May 3 (Wire) - Latvia and Lithuania will sign a treaty on air "
        "defence cooperation in Riga on Friday, the two governments said on Thursday."
    )
    (e,) = extractor.extract(make_clean(text))
    assert {a.text for a in e.args["party"]} == {"Latvia", "Lithuania"}


def test_deal_of_an_unnamed_crowd_is_a_trend(extractor: Extractor, make_clean):
    trend = "The Swedish missile has been exported to 14 countries since its launch."
    assert not [e for e in extractor.extract(make_clean(trend)) if e.type == "procurement"]
    givers = "Western countries sent tanks to Moldova last year."
    assert not [e for e in extractor.extract(make_clean(givers)) if e.type == "aid"]
    deal = "Finland bought 14 Swedish missiles from Saab on Monday."
    assert [e for e in extractor.extract(make_clean(deal)) if e.type == "procurement"]


def test_a_missing_buyer_is_read_from_the_sentence_before(extractor: Extractor, make_clean):
    events = extractor.extract(make_clean(
        "Estonia tested the howitzers in May. Orders for 54 more howitzers followed in June.",
        published="2024-07-10"))
    (e,) = [e for e in events if e.type == "procurement"]
    assert [a.text for a in e.args["buyer"]] == ["Estonia"]
    assert e.evidence.startswith("Orders for 54")


def test_no_buyer_is_borrowed_when_the_context_names_two(extractor: Extractor, make_clean):
    events = extractor.extract(make_clean(
        "Estonia and Latvia tested the howitzers in May. Orders for 54 more howitzers followed "
        "in June.", published="2024-07-10"))
    assert [e for e in events if e.type == "procurement"] == []


def test_no_buyer_is_borrowed_from_far_back(extractor: Extractor, make_clean):
    for text in (
        "Orders for 54 more howitzers followed in June.",
        "Estonia tested the howitzers in May. Prices of rice fell. Markets were calm. Orders "
        "for 54 more howitzers followed in June.",
    ):
        assert extractor.extract(make_clean(text, published="2024-07-10")) == []


def test_parsing_only_trigger_sentences_keeps_offsets_exact(make_clean):
    """With `parse_scope` "triggers" the sentences without a trigger word are not parsed
    ("spoke" counts, an irregular form); "triggers+context" adds the sentence before each.
    The events keep evidence and argument offsets into the whole text."""
    from materiel.nlp import PipelineConfig

    text = ("Analysts expect a cold winter on the northern front this year.\n"
            "Separately, Sweden and Denmark pledged 12 self-propelled howitzers to Ukraine "
            "on Wednesday.\n"
            "The weather in the region has been mild for weeks.\n"
            "Chile ordered six patrol boats from Damen on Friday.\n"
            "Biden spoke with Zelensky by phone on Monday.\n"
            "The harbour of Valparaiso is busy in the summer.")
    cd = make_clean(text, published="2024-05-10")

    def parsed(scope: str) -> list[int]:
        ex = Extractor(PipelineConfig(use_kb=False, prefilter=False, parse_scope=scope))
        return [cd.sentences.index(s) for s in ex.candidate_sentences(cd)]

    assert parsed("relevant") == [0, 1, 2, 3, 4, 5]
    assert parsed("triggers") == [1, 3, 4]
    assert parsed("triggers+context") == [0, 1, 2, 3, 4]
    every = Extractor(PipelineConfig(use_kb=False, parse_scope="relevant"))
    some = Extractor(PipelineConfig(use_kb=False, parse_scope="triggers"))
    got = some.extract(cd)
    assert {"aid", "procurement"} <= {e.type for e in got}
    assert [e.to_json() for e in got] == [e.to_json() for e in every.extract(cd)]
    for e in got:
        assert cd.text[e.evidence_start : e.evidence_end] == e.evidence
        for args in e.args.values():
            for a in args:
                if a.start is not None:
                    assert cd.text[a.start : a.end] == a.text


def test_an_unknown_parse_scope_is_refused():
    import pytest

    from materiel.nlp import PipelineConfig

    with pytest.raises(ValueError, match="parse_scope"):
        Extractor(PipelineConfig(use_kb=False, parse_scope="everything"))


def test_a_leader_giving_aid_gives_for_the_state(kb_extractor: Extractor, make_clean):
    events = kb_extractor.extract(make_clean(
        "President Biden announced a new package of security assistance for Ukraine, "
        "including artillery rounds, on Tuesday.", published="2023-05-10"))
    aid = [e for e in events if e.type == "aid"]
    assert aid
    donors = aid[0].args.get("donor", [])
    assert [a.name for a in donors] == ["United States"]
    assert [a.text for a in donors] == ["Biden"]  # as written


def test_a_leader_in_a_meeting_stays_a_person(kb_extractor: Extractor, make_clean):
    events = kb_extractor.extract(make_clean(
        "President Biden met President Zelensky in Vilnius on Tuesday to discuss air defence.",
        published="2023-07-12"))
    meeting = [e for e in events if e.type == "meeting"]
    assert meeting and "Joe Biden" in [a.name for a in meeting[0].args["participant"]]


def test_a_known_company_read_as_buyer_sells_to_the_agency(kb_extractor: Extractor, make_clean):
    events = kb_extractor.extract(make_clean(
        "DAPA signed a contract with KAI on Friday for 12 trainer jets to equip a new squadron.",
        published="2024-06-20"))
    buys = [e for e in events if e.type == "procurement"]
    assert buys
    assert [a.text for a in buys[0].args.get("seller", [])] == ["KAI"]
    assert [a.text for a in buys[0].args.get("buyer", [])] == ["DAPA"]


def test_a_company_executing_an_order_for_a_state_sells(kb_extractor: Extractor, make_clean):
    events = kb_extractor.extract(make_clean(
        "BDL is executing an export order for anti-tank missiles for Chile.",
        published="2024-06-20"))
    buys = [e for e in events if e.type == "procurement"]
    assert buys
    assert [a.text for a in buys[0].args.get("seller", [])] == ["BDL"]
    assert [a.text for a in buys[0].args.get("buyer", [])] == ["Chile"]


def _inherited(make_clean, text: str, published: str) -> list[str | None]:
    """The date each sentence takes from the sentences before it in its story."""
    cd = make_clean(text, published=published)
    got = story_dates(cd, published)
    return [got[s.start].value if s.start in got else None for s in cd.sentences]


def test_an_earlier_date_in_a_background_clause_dates_no_later_sentence(make_clean):
    """ "after lawmakers cleared it in March", "the request approved by parliament in March":
    the clause recalls what came before the news; the sentences after it keep the news day."""
    text = (
        "The navy signed a contract for four patrol boats on Tuesday.\n"
        "The deal came after lawmakers cleared the spending in March.\n"
        "The shipyard will also open a repair yard near the port."
    )
    assert _inherited(make_clean, text, "2024-07-11")[2] == "2024-07-09"
    text = (
        "The minister asked on Tuesday for funds to buy 20 tanks.\n"
        "The sum doubles the request approved by parliament in March.\n"
        "It also covers spare parts for the older fleet."
    )
    assert _inherited(make_clean, text, "2024-07-11")[2] == "2024-07-09"
    text = (
        "The army ordered 30 trucks on Tuesday.\n"
        "It has trained the drivers starting in March of last year.\n"
        "Then it bought spare parts worth $2 million."
    )
    assert _inherited(make_clean, text, "2024-07-11")[2] == "2024-07-09"


def test_a_recent_or_main_clause_date_still_dates_the_next_sentences(make_clean):
    text = (
        "Officials met in Rome on May 2.\n"
        "The ministers met again after the summit on Monday.\n"
        "They agreed to hold joint drills."
    )
    assert _inherited(make_clean, text, "2024-05-15")[2] == "2024-05-13"
    text = (
        "On June 28, 2024, the agency ordered radios worth $40 million.\n"
        "On June 3, 2024, it exercised an option for spare parts.\n"
        "The option bought 300 kits for the army."
    )
    assert _inherited(make_clean, text, "2024-07-01")[2] == "2024-06-03"


def test_the_start_of_a_span_dates_no_sentence(make_clean):
    """ "since February 24": where a span begins, not a day of the story."""
    text = (
        "The minister said the country has helped its neighbour since February 24.\n"
        "The aid now totals two billion euros."
    )
    assert _inherited(make_clean, text, "2024-07-11")[1] is None



def _dates_of(extractor: Extractor, make_clean, text: str, published: str) -> dict[str, str | None]:
    events = extractor.extract(make_clean(text, published=published))
    return {e.evidence.split()[0] + " " + e.type: e.date for e in events}


def test_an_adverb_of_now_keeps_the_publication_day(extractor: Extractor, make_clean):
    """ "Now we have sent ...", "had just approved ...": the time of speaking, not the last date
    the story told; without the adverb the earlier day still carries over."""
    text = (
        "On Saturday, Ostmark's president met his Kerel counterpart in Brask.\n"
        "Ostmark has now sent Kerel $300 million in military aid."
    )
    got = _dates_of(extractor, make_clean, text, "2024-07-10")
    assert got["Ostmark aid"] == "2024-07-10", got
    text = (
        "On Saturday, Ostmark's president met his Kerel counterpart in Brask.\n"
        "Ostmark has just approved $200 million in military aid for Kerel."
    )
    got = _dates_of(extractor, make_clean, text, "2024-07-10")
    assert got["Ostmark aid"] == "2024-07-10", got
    text = (
        "On Saturday, Ostmark's president met his Kerel counterpart in Brask.\n"
        "Ostmark sent Kerel $300 million in military aid."
    )
    got = _dates_of(extractor, make_clean, text, "2024-07-10")
    assert got["Ostmark aid"] == "2024-07-06", got


def test_a_comparisons_time_dates_no_later_sentence(make_clean):
    """ "more dangerous than today", "ten times last year's number": the baseline of a
    comparison is no day of the story."""
    text = (
        "The Brask navy chief said on Thursday the seas would be more dangerous than today.\n"
        "Speaking at a conference in Ostmark, he called for more patrol ships."
    )
    assert _inherited(make_clean, text, "2024-07-12")[1] == "2024-07-11"


def test_present_perfect_news_takes_no_date_told_long_before(extractor: Extractor, make_clean):
    """ "The deal was signed in June 2023. ... The cabinet has approved a budget ...": the
    present perfect reports the news of the day, not the background date; a recent date (the
    story's own day) still carries over, and a simple past keeps the older date."""
    background = "The plant deal between Ostmark and Lindell Aerospace was signed in June 2023.\n"
    text = background + (
        "Lindell owns 51% of the joint venture.\n"
        "The Ostmark government has approved a draft budget that would raise defence spending "
        "to 3.5% of GDP."
    )
    got = _dates_of(extractor, make_clean, text, "2025-08-26")
    assert got["The spending"] == "2025-08-26", got
    text = (
        "The Ostmark cabinet met on Monday.\n"
        "The Ostmark government has approved a draft budget that would raise defence spending "
        "to 3.5% of GDP."
    )
    got = _dates_of(extractor, make_clean, text, "2025-08-27")
    assert got["The spending"] == "2025-08-25", got
    text = background + (
        "Lindell owns 51% of the joint venture.\n"
        "The Ostmark government approved a budget that raised defence spending to 3.5% of GDP."
    )
    got = _dates_of(extractor, make_clean, text, "2025-08-26")
    assert got["The spending"] == "2023-06", got
