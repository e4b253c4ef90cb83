"""Events the rules used to miss (sentences written for these tests): model designators and
acronyms as items, counted items under measure nouns, relative clauses, tenders, production
starts, deliveries by makers, money for arms, courtesy calls and visits."""

from __future__ import annotations

import pytest


def _mentions(doc, type_: str) -> list:
    return [m for m in doc._.mentions if m.type == type_ and m.rejected is None]


def _texts(m, role: str) -> list[str]:
    return [v.text for v in m.values(role)]


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Germany ordered 35 F-35A from Lockheed Martin on Friday.", "F-35A"),
        ("The Netherlands ordered 46 Leopard 2A8 from KNDS last week.", "Leopard 2A8"),
        ("The air force wants to buy up to 90 UAVs in two variants.", "UAVs"),
        ("Officials said the army will procure 60 Akash SAMs and a total of three prototypes.",
         "Akash SAMs"),
    ],
)
def test_designators_and_acronyms_are_items(parse, text, item):
    (m,) = _mentions(parse(text), "procurement")
    assert item in _texts(m, "item")
    assert m.values("buyer")


def test_a_version_is_no_item_of_its_own(parse):
    (m,) = _mentions(parse("The air force plans to procure 2 Phalcon AWACS Mk2 next year."),
                     "procurement")
    assert "Mk2" not in _texts(m, "item")


def test_counted_units_are_no_company(parse):
    (m,) = _mentions(parse("The navy plans to acquire 104 units of the Barak air defence system."),
                     "procurement")
    assert m.values("item") and _texts(m, "quantity") == ["104"]


def test_buying_a_business_unit_is_still_a_takeover(parse):
    assert not _mentions(parse("The group agreed to acquire the defence unit of Vantor Systems."),
                         "procurement")


@pytest.mark.parametrize(
    ("text", "type_", "role", "party"),
    [
        ("The brigade operates 14 Leopard tanks that Germany donated in 2023.", "aid", "donor",
         "Germany"),
        ("The navy flies Rafale jets, which the government plans to acquire soon.",
         "procurement", "buyer", "government"),
        ("Ecuador, a country that had procured seven Dhruv helicopters, grounded them.",
         "procurement", "buyer", "Ecuador"),
        ("The deal revives the $375 million contract the Philippines signed in 2022 for"
         " missile batteries.", "procurement", "buyer", "Philippines"),
    ],
)
def test_relative_clauses(parse, text, type_, role, party):
    ms = _mentions(parse(text), type_)
    assert any(party in _texts(m, role) and m.values("item") for m in ms)


@pytest.mark.parametrize(
    "text",
    [
        "The army issued a request for information for 350 light tanks.",
        "The Chilean Navy has released a request for proposal (RFP) for 12 patrol boats.",
        "The ministry issued a request for proposal last month to procure 40,000 combat"
        " helmets.",
    ],
)
def test_tenders_are_planned_purchases(parse, text):
    ms = _mentions(parse(text), "procurement")
    assert ms and all(m.status == "planned" for m in ms)
    assert any(m.values("item") and m.values("buyer") for m in ms)


def test_a_request_is_no_tender_by_itself(parse):
    assert not _mentions(parse("The minister rejected a request for more tanks."), "procurement")


def test_the_kind_of_request_is_no_party(parse):
    doc = parse("The Army released a Request for Information for Autonomous Surveillance drones.")
    assert not _mentions(doc, "aid")
    for m in _mentions(doc, "procurement"):
        assert "Information" not in " ".join(v.text for vs in m.args.values() for v in vs)


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Korvex Aerospace has started manufacturing eight modules of the Kestrel engine.",
         "Kestrel engine"),
        ("The S-500 missile system entered production last year.", "S-500 missile system"),
        ("In 2023 Russia began producing its own version, the Geran-2, in Tatarstan.", "Geran-2"),
        ("Hindustan Aeronautics has begun the fabrication of the first three Archer-NG drones.",
         "Archer-NG drones"),
        ("The state firm will roll out the prototype of the light tank later this year.",
         "light tank"),
        ("The works in Tarvik will commence production of the Vanguard Mk-2 tank next year.",
         "Vanguard Mk-2 tank"),
        ("Serial production of the Falcon-9 interceptor will start next month.",
         "Falcon-9 interceptor"),
        ("The state-owned Tarvik Factory in Dorval is a hive of activity to commence production"
         " of the Vanguard Mk-2 Battle Tank (VBT).", "Vanguard Mk-2 Battle Tank"),
    ],
)
def test_production_starts(parse, text, item):
    ms = _mentions(parse(text), "production")
    assert any(any(item in v for v in _texts(m, "item")) for m in ms)


def test_growing_production_of_a_kind_needs_its_maker(parse):
    text = "The contract supports efforts to increase production of munitions."
    assert not _mentions(parse(text), "production")


def test_rolling_back_is_no_production(parse):
    assert not _mentions(parse("The government will roll back the tax on tank engines."),
                         "production")


@pytest.mark.parametrize(
    "text",
    [
        "In 2021 the Hallam Aircraft Works delivered seven trainer aircraft.",
        "The Boeing Company has provided the navy with two Sea Guardian drones.",
    ],
)
def test_deliveries_by_makers_are_sales(parse, text):
    (m,) = _mentions(parse(text), "procurement")
    assert m.values("seller") and m.values("item")


def test_give_a_country_weapons(parse):
    (m,) = _mentions(parse("The president defended his decision to give Ukraine cluster bombs."),
                     "aid")
    assert _texts(m, "recipient") == ["Ukraine"]


def test_money_for_arms_is_aid(parse):
    doc = parse("The minister said Berlin would provide a further 500 million euros to finance"
                " long-range strike drones for Ukraine.")
    assert any(m.values("value") and m.values("donor") for m in _mentions(doc, "aid"))


def test_money_for_relief_is_no_military_aid(parse):
    doc = parse("The agency will provide $53 million in humanitarian assistance to Ukraine.")
    assert not _mentions(doc, "aid")


def test_buying_for_ones_own_navy_is_no_aid(parse):
    doc = parse("The Navy awarded Kongsberg a contract for additional missiles for the Navy and"
                " Marine Corps.")
    assert not _mentions(doc, "aid")


def test_buying_for_another_country_is_aid(parse):
    doc = parse("The Netherlands will buy 20 howitzers for the Ukrainian army.")
    assert _mentions(doc, "aid") and _mentions(doc, "procurement")


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Earlier in the day, the defence minister called on President Ibrahim Solih.",
         "Ibrahim Solih"),
        ("Biden and Scholz agreed in a phone call on Wednesday to keep talking.", "Scholz"),
        ("Biden, during a call with President Volodymyr Zelensky last week, warned of an"
         " invasion.", "Biden"),
        ("Defence Minister Rajnath Singh, who is on a two-day visit to Cairo, signed the pact.",
         "Rajnath Singh"),
        ("The visit was followed by a state visit by Modi to Washington in June.", "Modi"),
        ("The delegation visited the facilities of Airbus in Seville.", "Airbus"),
        ("The French president hosted about 20 European leaders in Paris on Monday.",
         "European leaders"),
        ("President Joe Biden spoke today to President Volodymyr Zelensky of Ukraine.",
         "Volodymyr Zelensky"),
        ("Andriy Yermak had another conversation with Jake Sullivan on Friday.", "Jake Sullivan"),
    ],
)
def test_meetings(parse, text, who):
    ms = _mentions(parse(text), "meeting")
    assert any(who in _texts(m, "participant") for m in ms)


@pytest.mark.parametrize(
    "text",
    [
        "The minister called on allies to send more air defence systems.",
        "The state firm has been in talks with Martin Baker for transfer of technology.",
        "India has restarted talks with Russia for the sale of the missile technology.",
    ],
)
def test_no_meeting(parse, text):
    assert not _mentions(parse(text), "meeting")


def test_talks_between_ministers_stay(parse):
    doc = parse("Rajnath Singh held talks with his Egyptian counterpart on defence cooperation.")
    assert _mentions(doc, "meeting")


@pytest.mark.parametrize(
    "text",
    [
        "The opposition leader attacked the prime minister over the lack of a plan.",
        "Opposition leaders attacked the government in parliament over delays in the programme.",
        "Most nations recognise that the regime is attacking its neighbour.",
    ],
)
def test_words_and_the_war_are_no_strike(parse, text):
    assert not _mentions(parse(text), "strike")


def test_a_dated_strike_stays(parse):
    assert _mentions(parse("Russian drones attacked an air base in Crimea on Sunday."), "strike")


@pytest.mark.parametrize(
    "text",
    [
        "The purchase of 36 Rafale jets was cleared last year.",
        "A deal for two more frigates was signed in June 2018.",
    ],
)
def test_a_counted_purchase_stands_without_its_buyer(parse, text):
    (m,) = _mentions(parse(text), "procurement")
    assert m.values("item") and m.values("quantity") and not m.values("buyer")


def test_an_uncounted_purchase_needs_its_buyer(parse):
    assert not _mentions(parse("The purchase of fighter jets was discussed again."),
                         "procurement")


def test_an_agreement_for_goods_is_a_purchase(parse):
    doc = parse("In January 2023, Canada finalized an agreement with the United States"
                " government for 88 fighter aircraft.")
    assert _mentions(doc, "procurement") and not _mentions(doc, "agreement")


def test_an_agreement_for_development_stays_an_agreement(parse):
    doc = parse("India and France signed a defence agreement for the development of engines.")
    assert not _mentions(doc, "procurement")


def test_a_sanctions_package(parse):
    doc = parse("Today the United States announced a new sanctions package against Russia.")
    assert _mentions(doc, "sanction")


def test_sanctions_authorities_are_no_sanction(parse):
    doc = parse("These new sanctions authorities will make the rules clear to foreign banks.")
    assert not _mentions(doc, "sanction")


def test_the_object_of_prompting_acts(parse):
    doc = parse("The invasion prompted Western countries to send weapons to Ukraine.")
    (m,) = _mentions(doc, "aid")
    assert _texts(m, "donor") == ["Western countries"]


# --- frames: where the parties and goods of a trigger sit ----------------------------------


def test_the_buyer_written_on_the_goods_of_an_order(parse):
    doc = parse("Last spring, Acme had won its largest orders of 450 armoured lorries from the"
                " Royal Thai Army.")
    (m,) = _mentions(doc, "procurement")
    assert _texts(m, "seller") == ["Acme"] and _texts(m, "buyer") == ["Royal Thai Army"]


def test_a_participle_says_who_imposed_a_sanction_on_whom(parse):
    (m,) = _mentions(parse("Sanctions imposed by the West on Russian banks have blocked"
                           " payments."), "sanction")
    assert _texts(m, "target") == ["Russian banks"]


def test_a_participle_agent_is_the_donor(parse):
    (m,) = _mentions(parse("The aid approved by Congress for Ukraine includes 500 Javelin"
                           " missiles."), "aid")
    assert _texts(m, "donor") == ["Congress"]


def test_a_relative_clause_without_pronoun_has_its_noun_as_object(parse):
    (m,) = _mentions(parse("The tanks Germany donated in 2023 were lost."), "aid")
    assert _texts(m, "item") == ["tanks"] and _texts(m, "donor") == ["Germany"]


def test_a_headline_comma_list_is_two_parties(parse):
    (m,) = _mentions(parse("Ukraine, Denmark sign 10-year security agreement"), "agreement")
    assert _texts(m, "party") == ["Ukraine", "Denmark"]


def test_a_name_suffix_is_no_second_subject(parse):
    doc = parse("President Joseph R. Biden, Jr. met today with President Volodymyr Zelenskyy.")
    (m,) = _mentions(doc, "meeting")
    assert "Jr." not in _texts(m, "participant")


def test_agreeing_to_cooperate_on_defence_is_an_agreement(parse):
    (m,) = _mentions(parse("India and Japan agreed to cooperate on defence equipment and"
                           " technology."), "agreement")
    assert _texts(m, "party") == ["India", "Japan"]


def test_cooperating_on_other_matters_is_no_agreement(parse):
    assert not _mentions(parse("The two ministers agreed to cooperate closely on climate"
                               " issues."), "agreement")


def test_a_named_agreement_signed_by_two_leaders(parse):
    doc = parse("President Biden and President Zelenskyy signed a historic Bilateral Security"
                " Agreement on Thursday.")
    (m,) = _mentions(doc, "agreement")
    assert _texts(m, "party") == ["Biden", "Zelenskyy"]


def test_the_object_of_committing_builds(parse):
    (m,) = _mentions(parse("The review committed the government to building up to 12 attack"
                           " submarines."), "production")
    assert _texts(m, "producer") == ["government"]


def test_a_party_after_of_is_the_buyer_and_the_subject_the_goods(parse):
    doc = parse("The F-6 fighter jet was the first purchase of the Pakistan Air Force from"
                " China.")
    (m,) = _mentions(doc, "procurement")
    assert _texts(m, "buyer") == ["Pakistan Air Force"]
    assert _texts(m, "item") == ["F-6 fighter jet"]


def test_work_on_the_fabrication_has_a_maker(parse):
    (m,) = _mentions(parse("The shipyard began work on the fabrication of two Vega-class"
                           " frigates."), "production")
    assert _texts(m, "producer") == ["shipyard"]


def test_a_counterpart_named_in_apposition_is_the_participant(parse):
    (m,) = _mentions(parse("Austin met his French counterpart Sebastien Lecornu in Paris on"
                           " Monday."), "meeting")
    assert "Sebastien Lecornu" in _texts(m, "participant")


@pytest.mark.parametrize(
    "text",
    [
        "Zelensky thanked Germany for sending more Patriot systems to Ukraine.",
        "We are grateful to Germany for committing to provide Patriot systems to Ukraine.",
    ],
)
def test_the_one_thanked_for_a_deed_did_it(parse, text):
    (m,) = _mentions(parse(text), "aid")
    assert _texts(m, "donor") == ["Germany"]


def test_a_counted_requirement_is_a_planned_purchase(parse):
    (m,) = _mentions(parse("The coast guard requires about 14 new helicopters for patrols."),
                     "procurement")
    assert _texts(m, "quantity") == ["14"] and m.values("buyer")


@pytest.mark.parametrize(
    "text",
    [
        "The army needs to invest more in its air defence systems.",
        "Congress must give Ukraine the air defence systems it needs.",
        "The navy needs new submarines to replace its old boats.",
    ],
)
def test_needs_without_a_counted_requirement_are_no_purchase(parse, text):
    assert not _mentions(parse(text), "procurement")


@pytest.mark.parametrize(
    ("text", "imposer"),
    [
        ("New sanctions from the US and Britain target Belarus.", "US"),
        ("Trade has slowed because of new western sanctions on Iranian banks.", "western"),
        ("New sanctions imposed by the West on Iranian banks took effect today.", "West"),
    ],
)
def test_sanction_imposer_from_source_and_bloc(parse, text, imposer):
    ms = [m for m in parse(text)._.mentions if m.type == "sanction"]
    assert any(imposer in _texts(m, "imposer") for m in ms)


def test_a_described_group_is_a_sanction_target(parse):
    (m,) = _mentions(parse("Four Iranian firms were sanctioned by the Treasury on Monday."),
                     "sanction")
    assert _texts(m, "target") == ["Iranian firms"]


def test_the_winner_of_an_awarded_contract_sells(parse):
    doc = parse("The contract awarded to Rheinmetall by the army covers 300 howitzers.")
    ms = [m for m in doc._.mentions if m.type == "procurement"]
    assert ms and _texts(ms[0], "seller") == ["Rheinmetall"]


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Sweden is operating four Gripen jets on lease from Saab.", "Gripen jets"),
        ("The new frigate is scheduled for delivery to the Indian Navy in 2025.", "new frigate"),
    ],
)
def test_goods_of_the_clause_around_a_noun_trigger(parse, text, item):
    (m,) = _mentions(parse(text), "procurement")
    assert item in _texts(m, "item")


def test_the_other_side_of_a_call_is_the_one_told(parse):
    doc = parse("In a call on Tuesday, Macron informed the Polish president, Andrzej Duda, "
                "that France would help.")
    (m,) = _mentions(doc, "meeting")
    assert _texts(m, "participant") == ["Macron", "Andrzej Duda"]


def test_the_aid_recipient_of_a_purpose_clause(parse):
    (m,) = _mentions(parse("Japan will provide $2 billion in aid to bolster Ukraine's air "
                           "defenses."), "aid")
    assert _texts(m, "recipient") == ["Ukraine"]


def test_a_factory_produces_for_its_owner(parse):
    doc = parse("Kongsberg said on Friday its factory in Bergen had produced the first batch "
                "of NSM missiles.")
    ms = [m for m in _mentions(doc, "production") if m.trigger == "produce"]
    assert ms and _texts(ms[0], "producer") == ["Kongsberg"]


def test_money_made_available_is_aid_not_production(parse):
    doc = parse("Norway has made available around NOK 9 billion for military support to Latvia.")
    (m,) = _mentions(doc, "aid")
    assert _texts(m, "donor") == ["Norway"]
    assert _texts(m, "value") == ["NOK 9 billion"]
    assert not _mentions(doc, "production")


def test_training_another_states_forces_is_aid(parse):
    (m,) = _mentions(parse("Canada has trained 2,000 Ukrainian soldiers since January."), "aid")
    assert _texts(m, "donor") == ["Canada"] and _texts(m, "recipient") == ["Ukrainian"]
    assert not _mentions(parse("The army trained 500 recruits this year."), "aid")


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Dynamics has joined hands with Norvik Systems to develop a counter-drone rifle.",
        "The Navy and the Coast Guard agreed a three-year partnership to develop a shared "
        "sonar array for coastal patrols.",
    ],
)
def test_teaming_up_to_develop_is_an_agreement(parse, text):
    (m,) = _mentions(parse(text), "agreement")
    assert len(m.values("party")) == 2
    assert not _mentions(parse(text), "production")


def test_joining_hands_to_manufacture_is_no_agreement(parse):
    doc = parse("Kestrel Dynamics has joined hands with Norvik Systems to manufacture drones "
                "in Poland.")
    assert not _mentions(doc, "agreement")


def test_an_order_won_with_its_worth_is_a_sale(parse):
    (m,) = _mentions(parse("The company won an order worth $40 million from the Navy."),
                     "procurement")
    assert _texts(m, "seller") == ["company"] and _texts(m, "value") == ["$40 million"]


def test_one_purchase_per_counted_item(parse):
    ms = _mentions(parse("Poland ordered 96 Apache helicopters and 500 HIMARS launchers last "
                         "year."), "procurement")
    assert sorted((_texts(m, "item")[0], _texts(m, "quantity")[0]) for m in ms) == [
        ("Apache helicopters", "96"), ("HIMARS launchers", "500")]
    assert all(_texts(m, "buyer") == ["Poland"] for m in ms)


def test_a_shared_count_keeps_the_purchase_whole(parse):
    (m,) = _mentions(parse("Norway bought 40 F-35 jets and missiles."), "procurement")
    assert len(m.values("item")) == 2


def test_an_undefinitized_contract_action_is_a_purchase(parse):
    doc = parse("The Navy has awarded Huntington Ingalls a $2.1 billion undefinitized contract "
                "action for two more amphibious ships.")
    (m,) = _mentions(doc, "procurement")
    assert _texts(m, "buyer") == ["Navy"] and _texts(m, "seller") == ["Huntington Ingalls"]


@pytest.mark.parametrize(
    ("text", "buyer"),
    [
        ("In 2010, the agency chose 99 F414 engines to power the new fighter.", "agency"),
        ("The Valcor rocket launcher has been selected by Norway and Finland.", "Norway"),
    ],
)
def test_a_choice_of_arms_is_a_purchase(parse, text, buyer):
    (m,) = _mentions(parse(text), "procurement")
    assert buyer in _texts(m, "buyer")


@pytest.mark.parametrize(
    ("text", "buyer"),
    [
        ("The government approved the purchase last month.", "government"),
        ("In 2021, the air force cleared the procurement of a supersonic missile from Israel.",
         "air force"),
    ],
)
def test_an_approved_purchase_stands_without_goods(parse, text, buyer):
    (m,) = _mentions(parse(text), "procurement")
    assert _texts(m, "buyer") == [buyer]


def test_a_received_batch_of_arms_is_a_delivery(parse):
    (m,) = _mentions(parse("The air force received the first batch of Rafale jets."),
                     "procurement")
    assert _texts(m, "buyer") == ["air force"]


@pytest.mark.parametrize(
    ("text", "buyer"),
    [
        ("The Navy recently issued a Request for Proposal and will soon assess bids.", "Navy"),
        ("After the release of a Request for Information (RFI) in May by the Royal Danish Air "
         "Force for trainer aircraft, three firms replied.", "Royal Danish Air Force"),
    ],
)
def test_an_issued_tender_names_its_buyer(parse, text, buyer):
    ms = _mentions(parse(text), "procurement")
    assert ms and _texts(ms[0], "buyer") == [buyer]
    assert ms[0].status == "planned"


def test_a_plural_designator_tagged_as_a_place_is_goods(parse):
    (m,) = _mentions(parse("The US approved the sale of F-16s to Turkey."), "procurement")
    assert _texts(m, "item") == ["F-16s"] and _texts(m, "seller") == ["US"]


def test_a_designator_parsed_as_a_number_stays_in_the_item(parse):
    (m,) = _mentions(parse("Japan will buy 12 KC-46 aircraft."), "procurement")
    assert _texts(m, "item") == ["KC-46 aircraft"] and _texts(m, "quantity") == ["12"]


def test_the_company_chosen_sells(parse):
    doc = parse("The Army selected Norvik Systems to build the new missile.")
    (m,) = _mentions(doc, "procurement")
    assert _texts(m, "seller") == ["Norvik Systems"] and _texts(m, "buyer") == ["Army"]


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Kenya and Ghana signed a ten-year security agreement in Accra.", "security agreement"),
        ("Kestrel Dynamics has joined hands with Norvik Systems to develop a counter-drone rifle.",
         "counter-drone rifle"),
        ("Chile and Peru signed a memorandum of understanding on defence cooperation.",
         "defence cooperation"),
    ],
)
def test_what_an_agreement_is_about(parse, text, item):
    (m,) = _mentions(parse(text), "agreement")
    assert _texts(m, "item") == [item]


@pytest.mark.parametrize(
    ("text", "item", "buyer"),
    [
        ("The air force now operates five Ilyushin tankers that were acquired in 2005.",
         "Ilyushin tankers", "air force"),
        ("The army flies eight Mi-17 helicopters that were bought in 2009.", "Mi-17 helicopters",
         "army"),
    ],
)
def test_goods_bought_in_a_relative_clause_belong_to_their_operator(parse, text, item, buyer):
    (m,) = _mentions(parse(text), "procurement")
    assert item in _texts(m, "item")
    assert _texts(m, "buyer") == [buyer]


def test_an_order_told_as_a_share_of_a_delivery_is_an_event_of_its_own(parse):
    doc = parse("Saab delivered the first two Gripen fighters to the Thai air force, out of 12"
                " ordered in 2021.")
    ms = _mentions(doc, "procurement")
    order = next(m for m in ms if m.trigger == "order")
    delivery = next(m for m in ms if m.trigger == "deliver")
    assert _texts(order, "quantity") == ["12"] and _texts(delivery, "quantity") == ["two"]
    assert _texts(order, "buyer") == ["Thai air force"] and _texts(order, "seller") == ["Saab"]
    assert "Gripen fighters" in _texts(order, "item")


def test_a_lot_ordered_is_counted_apart_from_the_share_received(parse):
    ms = _mentions(parse("Greece has received six of the 24 Rafale jets ordered in 2021."),
                   "procurement")
    assert sorted(_texts(m, "quantity")[0] for m in ms) == ["24", "six"]


@pytest.mark.parametrize(
    ("text", "buyer", "seller"),
    [
        ("The Navy made a $40 million award to Raytheon for 200 missiles.", "Navy", "Raytheon"),
        ("The Army's award to General Dynamics for 300 armored vehicles came on Monday.", "Army",
         "General Dynamics"),
    ],
)
def test_an_award_to_a_company_is_a_contract_it_won(parse, text, buyer, seller):
    (m,) = _mentions(parse(text), "procurement")
    assert _texts(m, "buyer") == [buyer] and _texts(m, "seller") == [seller]


def test_an_award_for_merit_is_no_contract(parse):
    doc = parse("The pilot received an award for bravery from the Air Force.")
    assert not [m for m in doc._.mentions if m.trigger == "award" and m.rejected is None]


def test_a_counted_noun_misjoined_to_the_verb_is_a_second_purchase(parse):
    ms = _mentions(parse("The Indonesian Air Force plans to buy 42 Rafale, and 12 F-15EX jets"
                         " by 2026."), "procurement")
    assert sorted(_texts(m, "quantity")[0] for m in ms) == ["12", "42"]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("The air force said the first three of 36 Gripen fighters ordered from Saab in 2021"
         " would arrive in March.", {"order": ["36"], "arrive": ["three"]}),
        ("The army received the first three of 36 Leopard tanks.", {"receive": ["three"]}),
    ],
)
def test_a_share_counts_what_reaches_it_and_the_lot_what_was_ordered(parse, text, counts):
    ms = _mentions(parse(text), "procurement")
    assert {m.trigger: _texts(m, "quantity") for m in ms} == counts


def test_a_share_taken_in_names_the_seller_of_the_lot(parse):
    ms = _mentions(parse("The air force said it had taken delivery of the first two C-295 aircraft"
                         " from Airbus, out of 12 ordered in 2022."), "procurement")
    order = next(m for m in ms if m.trigger == "order")
    assert _texts(order, "seller") == ["Airbus"] and _texts(order, "quantity") == ["12"]


# --- purchases, deliveries, production and spending (round five) ---------------------------


def _dated(doc, trigger: str) -> str | None:
    m = next(m for m in doc._.mentions if m.trigger == trigger and m.rejected is None)
    return m.date.value if m.date is not None else None


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        ("The 24 trainer jets ordered in 2019 arrived at the base on Monday.", "order", "2019"),
        ("The navy received the first of the eight patrol aircraft it ordered in 2017 last"
         " week.", "order", "2017"),
        ("The yard delivered the first corvette to the navy last week under a contract signed"
         " in 2022.", "contract", "2022"),
    ],
)
def test_a_purchase_in_a_participle_clause_keeps_its_own_year(parse, text, trigger, date):
    assert _dated(parse(text), trigger) == date


def test_a_delivery_under_a_contract_takes_no_date_of_the_contract(parse):
    doc = parse("The yard will deliver five corvettes to the navy under a contract awarded in"
                " 2019.")
    assert _dated(doc, "deliver") is None


def test_goods_built_for_a_buyer_under_a_contract_are_its_purchase(parse):
    doc = parse("KAI is building 18 FA-50 aircraft for Malaysia under a contract signed in 2023.")
    (m,) = _mentions(doc, "procurement")
    assert _texts(m, "buyer") == ["Malaysia"] and _texts(m, "seller") == ["KAI"]
    assert _texts(m, "item") == ["FA-50 aircraft"]
    assert not _mentions(doc, "production")  # the purchase carries the work


def test_a_delivery_under_a_contract_is_apart_from_the_contract_and_its_price(parse):
    doc = parse("Lockheed Martin delivered the first jets to the air force last week under a"
                " $300 million contract signed in 2023.")
    ms = [m for m in doc._.mentions if m.rejected is None]
    by = {m.trigger: m for m in ms}
    assert set(by) == {"deliver", "contract"}
    assert _texts(by["contract"], "value") == ["$300 million"]
    assert not by["deliver"].values("value")


def test_a_contract_placed_with_a_maker_for_production_is_a_purchase(parse):
    (m,) = _mentions(parse("The defence ministry signed a contract with Mitsubishi Heavy"
                           " Industries for mass production of the Type-12 missile."),
                     "procurement")
    assert _texts(m, "seller") == ["Mitsubishi Heavy Industries"]


def test_goods_a_service_is_to_get_are_a_purchase(parse):
    (m,) = _mentions(parse("Royal Marines to get six new ships which can launch drones"),
                     "procurement")
    assert _texts(m, "buyer") == ["Royal Marines"] and _texts(m, "quantity") == ["six"]


@pytest.mark.parametrize(
    "text", ["The company got an order for 20 radars.", "Norland will get more jets soon."]
)
def test_only_a_service_gets_goods_by_the_verb_get(parse, text):
    assert not [m for m in _mentions(parse(text), "procurement") if m.trigger == "get"]


def test_goods_that_entered_production_need_no_maker(parse):
    assert _mentions(parse("The S-500 system entered serial production last year."), "production")


def test_a_deal_closed_is_no_near_miss(parse):
    assert _mentions(parse("The ministry closed the deal for 26 jets on Friday."), "procurement")


def test_a_not_to_exceed_price_is_no_negation(parse):
    assert _mentions(parse("The command issued a not-to-exceed $600M contract order to Raytheon"
                           " Company to procure Stinger missiles for the Army."), "procurement")


def test_a_handover_and_the_order_of_its_lot_are_two_events(parse):
    ms = _mentions(parse("Last week the navy received the first of the six P-8As it ordered in"
                         " 2018."), "procurement")
    assert sorted(m.trigger for m in ms) == ["order", "receive"]


@pytest.mark.parametrize(
    "text",
    [
        "Honeywell Aerospace will be supplying its TPE331 turboprop engines for the new drone.",
        "The frigate, which was delivered by Hyundai Heavy Industries in March, joined the fleet.",
    ],
)
def test_a_maker_handing_over_goods_is_a_sale_without_a_named_buyer(parse, text):
    (m,) = _mentions(parse(text), "procurement")
    assert m.values("seller") and m.values("item")


@pytest.mark.parametrize(
    "text",
    [
        "Lockheed Martin delivers F-35 jets to many countries.",
        "The tyres were presently supplied by a US manufacturer.",
        "Under the contract, Elbit Systems will supply PULS launchers.",
    ],
)
def test_a_standing_trade_or_a_deal_told_again_is_no_sale(parse, text):
    assert not _mentions(parse(text), "procurement")


def test_the_possessor_of_goods_ordered_in_a_relative_clause_bought_them(parse):
    (m,) = _mentions(parse("Engineers showed a new variant of the Army's Zorawar light tank that"
                           " was ordered last year."), "procurement")
    assert _texts(m, "buyer") == ["Army"]


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("The Army wants to buy robotic mules.", "robotic mules"),
        ("The Indian Defence Ministry intends to purchase 48 jet pack suits.", "jet pack suits"),
    ],
)
def test_goods_an_armed_force_buys_need_no_military_word(parse, text, item):
    (m,) = _mentions(parse(text), "procurement")
    assert _texts(m, "item") == [item]


def test_counted_goods_a_maker_makes_need_no_military_word(parse):
    (m,) = _mentions(parse("Hindustan Aeronautics Limited will be manufacturing five"
                           " prototypes."), "production")
    assert _texts(m, "item") == ["prototypes"]


@pytest.mark.parametrize(
    "text",
    [
        "The navy, for its requirement of 26 fighter jets, has received two offers.",
        "Rostec answered the Egyptian Army's requirement for a new light tank last month.",
    ],
)
def test_a_services_requirement_is_a_planned_purchase(parse, text):
    m = next(m for m in _mentions(parse(text), "procurement") if m.trigger == "requirement")
    assert m.status == "planned" and m.values("buyer") and m.values("item")


def test_the_buyer_of_a_requirement_is_its_owner_not_who_answers_it(parse):
    (m,) = _mentions(parse("Rostec answered the Egyptian Army's requirement for a new light"
                           " tank last month."), "procurement")
    assert _texts(m, "buyer") == ["Egyptian Army"]


@pytest.mark.parametrize(
    "text",
    [
        "The cabinet approved the defence budget on Friday.",
        "The state government has sanctioned Rs 20 crore for a drone testing facility.",
    ],
)
def test_budgets_and_funds_approved_are_spending(parse, text):
    assert _mentions(parse(text), "spending")
    assert not _mentions(parse(text), "sanction")


def test_supplying_what_was_pledged_is_aid(parse):
    doc = parse("In March the EU pledged to supply Ukraine with one million artillery shells.")
    assert _mentions(doc, "aid") and not _mentions(doc, "procurement")


def test_goods_received_as_a_gift_are_aid(parse):
    doc = parse("The Oslandian Air Force received retired fighter jets from Norland as a gift.")
    (m,) = _mentions(doc, "aid")
    assert _texts(m, "donor") == ["Norland"]


def test_goods_gifted_are_aid(parse):
    (m,) = _mentions(parse("Norland gifted two patrol aircraft to Oslandia."), "aid")
    assert _texts(m, "recipient") == ["Oslandia"]


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Germany is delivering thousands of rockets to Ukraine.", "rockets"),
        ("Germany is delivering hundreds of thousands of artillery rounds to Ukraine.",
         "artillery rounds"),
    ],
)
def test_goods_under_counting_nouns_are_items(parse, text, item):
    (m,) = _mentions(parse(text), "aid")
    assert _texts(m, "item") == [item]


@pytest.mark.parametrize(
    "text",
    [
        "Taiwan received its first 11 rocket launchers from the United States in 2024.",
        "China on Wednesday delivered the last two of four frigates to Pakistan.",
    ],
)
def test_a_numbered_batch_from_a_named_source_is_an_order_delivered(parse, text):
    doc = parse(text)
    assert _mentions(doc, "procurement") and not _mentions(doc, "aid")


def test_a_first_batch_with_no_source_stays_aid(parse):
    assert _mentions(parse("Ukraine has received its first F-16 jets."), "aid")


def test_military_funding_for_another_state_is_aid(parse):
    doc = parse("Parliament approved 500 million euros in military funding for Oslandia.")
    assert _mentions(doc, "aid")


def test_furnishing_arms_is_aid(parse):
    (m,) = _mentions(parse("Iran has furnished Russia with large numbers of attack drones."), "aid")
    assert _texts(m, "item") == ["attack drones"] and _texts(m, "recipient") == ["Russia"]


def test_goods_in_containers_are_items(parse):
    doc = parse("North Korea delivered over 1,000 containers of weaponry to Russia in October.")
    (m,) = _mentions(doc, "aid")
    assert _texts(m, "item") == ["weaponry"]


def test_pledged_military_support_is_aid(parse):
    assert _mentions(parse("Canada pledged continued financial and military support for Ukraine."),
                     "aid")


@pytest.mark.parametrize(
    "text",
    [
        "Russia destroyed an oil refinery and two fuel depots in central Ukraine, officials said.",
        "Russia pounded Ukraine's energy grid with more than 100 missiles on Friday.",
        "Russia rained missiles on Kyiv and Lviv on Thursday.",
    ],
)
def test_destroying_pounding_and_raining_missiles_are_strikes(parse, text):
    assert _mentions(parse(text), "strike")


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine's air defences destroyed 30 drones overnight.",
        "Critics pounded the minister over the delays.",
        "The rouble sank to a record low on Monday.",
    ],
)
def test_interceptions_criticism_and_markets_are_no_strikes(parse, text):
    assert not _mentions(parse(text), "strike")


def test_the_owner_of_the_warplanes_is_the_attacker(parse):
    doc = parse("India's warplanes struck a militant training camp across the border on Tuesday.")
    (m,) = _mentions(doc, "strike")
    assert _texts(m, "attacker") == ["India"]
    assert _texts(m, "target") == ["militant training camp"]


@pytest.mark.parametrize(
    "text",
    [
        "The United States will deliver 32 F-35 jets to Poland next year under a $4.6 billion"
        " contract.",
        "France will deliver 12 Rafale jets to Greece, which bought them for 2.5 billion euros.",
    ],
)
def test_goods_handed_over_under_a_contract_or_to_their_buyer_are_sold(parse, text):
    doc = parse(text)
    assert not _mentions(doc, "aid")
    assert any(_texts(m, "item") for m in _mentions(doc, "procurement"))


def test_goods_given_in_an_aid_package_stay_aid(parse):
    doc = parse("Germany will deliver 20 tanks to Ukraine as part of a new military aid package.")
    assert _mentions(doc, "aid")


@pytest.mark.parametrize(
    "text",
    [
        "Japan imposed export bans on 22 Russian entities.",
        "The United States has barred the Chinese company Huawei from its market.",
    ],
)
def test_export_bans_and_firms_barred_by_a_state_are_sanctions(parse, text):
    assert _mentions(parse(text), "sanction")


def test_a_person_barred_by_a_court_is_no_sanction(parse):
    assert not _mentions(parse("The court barred the former minister from leaving the country."),
                         "sanction")


def test_items_listed_after_a_tranche_of_aid_are_its_items(parse):
    doc = parse("This week Canada approved a fresh tranche of security assistance to Moldova,"
                " including more artillery, more ammunition and more rockets.")
    (m,) = _mentions(doc, "aid")
    assert {"artillery", "ammunition", "rockets"} <= set(_texts(m, "item"))


def test_parties_added_to_a_list_named_after_their_location_are_sanctioned(parse):
    doc = parse("The Commerce Department will add 18 firms located in Iran and Syria to the"
                " Entity List.")
    assert _mentions(doc, "sanction")


def test_aid_passed_for_a_side_at_war_is_military_aid(parse):
    (m,) = _mentions(parse("Canada approved new aid for Latvia in its fight against the"
                           " invaders."), "aid")
    assert _texts(m, "donor") == ["Canada"] and _texts(m, "recipient") == ["Latvia"]


def test_aid_with_no_war_and_no_arms_is_not_military_aid(parse):
    assert not _mentions(parse("Canada approved new aid for Latvia."), "aid")


def test_the_giver_of_a_sum_is_who_acts_in_its_relative_clause(parse):
    (m,) = _mentions(parse("Diplomats applauded the $900 million in extra security assistance"
                           " the United States unveiled this month."), "aid")
    assert _texts(m, "donor") == ["United States"]


def test_who_is_in_the_process_of_buying_is_the_buyer(parse):
    (m,) = _mentions(parse("The Army is in the process of buying thousands of artillery shells"
                           " from Rheinmetall."), "procurement")
    assert _texts(m, "buyer") == ["Army"] and _texts(m, "seller") == ["Rheinmetall"]


def test_a_public_body_signing_with_a_company_buys(parse):
    (m,) = _mentions(parse("Rheinmetall and the Hungarian defence ministry signed a contract"
                           " for 200 Lynx vehicles."), "procurement")
    assert _texts(m, "seller") == ["Rheinmetall"]
    assert _texts(m, "buyer") == ["Hungarian defence ministry"]


def test_support_given_lists_its_goods_after_including(parse):
    doc = parse("The chancellor pledged to keep providing Poland with support, including modern"
                " air defense systems.")
    assert any("modern air defense systems" in _texts(m, "item")
               for m in doc._.mentions if m.type == "aid")


def test_what_a_replacement_retires_is_not_bought(parse):
    (m,) = _mentions(parse("The Navy plans to replace its ageing Sea King helicopters with 12"
                           " new MH-60R helicopters."), "procurement")
    assert _texts(m, "item") == ["new MH-60R helicopters"]


def test_arms_that_arrive_in_a_state_with_no_purchase_told_are_aid(parse):
    (m,) = _mentions(parse("Leopard tanks arrived in Ukraine last week."), "aid")
    assert _texts(m, "recipient") == ["Ukraine"] and _texts(m, "item") == ["Leopard tanks"]


def test_ships_that_arrive_in_a_port_are_no_aid(parse):
    assert not _mentions(parse("Two navy frigates arrived in Singapore on Monday."), "aid")


@pytest.mark.parametrize(
    "text",
    [
        "Norway and Chile signed a Status of Forces Agreement in May.",
        "Brazil and Chile signed a Security of Supply Arrangement on Friday.",
    ],
)
def test_a_signed_pact_named_x_of_y_is_an_agreement(parse, text):
    (m,) = _mentions(parse(text), "agreement")
    assert len(_texts(m, "party")) >= 2


def test_an_order_of_merit_conferred_is_no_purchase(parse):
    text = "Fiji conferred the Companion of the Order of Tavua on the visiting minister."
    assert not _mentions(parse(text), "procurement")


def test_a_person_is_no_maker(parse):
    text = ("At a meeting at the Pentagon, Deputy Secretary Mary Jones termed the proposals to"
            " co-produce jet engines and infantry vehicles unprecedented opportunities.")
    assert not _mentions(parse(text), "production")


def test_a_leader_opening_a_line_keeps_the_plant(parse):
    text = ("The final assembly line for the Vanta V20 transport aircraft was inaugurated at"
            " Pune on Monday by Prime Minister Ravi Kumar.")
    assert _mentions(parse(text), "production")


def test_agreeing_to_explore_defence_cooperation_is_an_agreement(parse):
    text = ("Prime Minister Ravi Kumar and his Chilean counterpart Ana Soto have agreed to"
            " explore defence cooperation between the two countries.")
    assert _mentions(parse(text), "agreement")


def test_wanting_to_explore_defence_cooperation_is_no_agreement(parse):
    text = ("Prime Minister Ravi Kumar wants to explore defence cooperation with Chile, his"
            " office said.")
    assert not _mentions(parse(text), "agreement")


def test_a_firm_read_as_a_person_still_makes_goods(parse):
    text = "Orlan Aero will build 12 Falcon-9 interceptors at its plant in Peru."
    assert _mentions(parse(text), "production")


@pytest.mark.parametrize(
    ("text", "type_", "item"),
    [
        ("The 40 new helicopters are expected to be delivered to the army by 2026.",
         "procurement", "new helicopters"),
        ("The frigates, which are due to be handed over to the navy in 2026, are in trials.",
         "procurement", "frigates"),
    ],
)
def test_a_passive_infinitive_takes_the_raised_subject_as_item(parse, text, type_, item):
    (m,) = _mentions(parse(text), type_)
    assert item in _texts(m, "item")


def test_a_budget_of_the_armed_forces_is_defence_spending(parse):
    (m,) = _mentions(parse("The army will have an annual budget of 5 billion euros next year."),
                     "spending")
    assert _texts(m, "spender") == ["army"] and m.values("value")


def test_a_forecast_of_what_forces_spend_stays_out(parse):
    assert not _mentions(
        parse("Analysts say the armed forces are projected to spend $90 billion on housing."),
        "spending",
    )


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Norway has pledged to send more equipment to Ukraine", True),
        ("Germany delivered new equipment to Ukraine last week.", True),
        ("Canada will send medical equipment to Ukraine for its hospitals.", False),
    ],
)
def test_unnamed_equipment_sent_by_a_state_to_a_state(parse, text, kept):
    assert bool(_mentions(parse(text), "aid")) is kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The United States will provide an additional 2 billion dollars to support Ukraine.",
         True),
        ("Parliament approved 3 billion euros in funding to support Ukraine.", True),
        ("The bank will provide 1 billion dollars to support Ukraine's energy grid.", False),
    ],
)
def test_money_given_to_support_a_state_is_aid(parse, text, kept):
    assert bool(_mentions(parse(text), "aid")) is kept


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Kestrel Industries has delivered 60 Talon drones to the Finnish Army, out of an order"
         " for 240.", "240"),
        ("Chile received 12 Leopard tanks last week, out of 48 ordered.", "48"),
        ("Peru received the first KT-1 trainer in May, of the ten it ordered in 2022.", "ten"),
    ],
)
def test_an_order_told_inside_a_delivery_is_an_event_of_its_own(parse, text, count):
    ms = _mentions(parse(text), "procurement")
    (order,) = [m for m in ms if m.trigger == "order"]
    (handover,) = [m for m in ms if m.trigger != "order"]
    assert _texts(order, "item") == _texts(handover, "item")
    assert _texts(order, "quantity") == [count]


def test_an_order_a_maker_receives_takes_no_goods_from_it(parse):
    ms = _mentions(parse("Kestrel Works has received an order from the army for 40 drones."),
                   "procurement")
    assert all("Kestrel Works" not in _texts(m, "buyer") for m in ms)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Fincantieri launched the third frigate for the navy at its Riva Trigoso yard.", True),
        ("Kockums launched the first A26 submarine on Tuesday.", True),
        ("Russia launched cruise missiles from a submarine in the Black Sea.", False),
    ],
)
def test_a_vessel_launched_by_its_yard_is_built(parse, text, kept):
    assert bool(_mentions(parse(text), "production")) is kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Romania and Sweden signed a letter of intent in May covering up to 24 Gripen E"
         " fighters.", True),
        ("Greece signed a letter of offer and acceptance with the US government for 20 F-35"
         " jets.", True),
        ("The senators sent a letter to the Pentagon on Monday.", False),
    ],
)
def test_a_letter_of_intent_for_goods_is_a_purchase(parse, text, kept):
    found = [m for m in _mentions(parse(text), "procurement") if m.trigger == "letter"]
    assert bool(found) is kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The air force will start taking deliveries of Rafale fighter jets in February 2025.",
         True),
        ("Saab will commence deliveries of Carl-Gustaf M4 weapons to the Indian Army in 2024.",
         True),
        ("Arms deliveries to Ukraine slowed in 2023.", False),
    ],
)
def test_deliveries_begun_are_one_handover(parse, text, kept):
    assert bool(_mentions(parse(text), "procurement") + _mentions(parse(text), "aid")) is kept


@pytest.mark.parametrize(
    ("text", "member"),
    [
        ("NATO formally admitted Finland on Tuesday.", "Finland"),
        ("NATO allies agreed on Thursday to admit Sweden to the alliance.", "Sweden"),
    ],
)
def test_an_alliance_letting_a_state_in_is_an_accession(parse, text, member):
    (m,) = _mentions(parse(text), "agreement")
    assert member in _texts(m, "party")


@pytest.mark.parametrize(
    "text",
    [
        "NATO added new capability targets for its members.",
        "The US added Russia to its list of state sponsors of terrorism, NATO officials said.",
    ],
)
def test_adding_targets_or_listing_a_state_is_no_accession(parse, text):
    assert not _mentions(parse(text), "agreement")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The yard laid the keel of the second Type 31 frigate in Rosyth on Tuesday.", True),
        ("Kockums cut the first steel for the navy's A26 submarines at its Karlskrona yard.",
         True),
        ("Steel prices rose in May.", False),
    ],
)
def test_a_keel_laid_or_first_steel_cut_starts_a_hull(parse, text, kept):
    assert bool(_mentions(parse(text), "production")) is kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Hanwha Aerospace will set up a production facility in Romania.", True),
        ("Rheinmetall Industries opened a new production plant in Lithuania.", True),
        ("The ministry opened a new production plant in Lithuania on Tuesday.", False),
        ("The site hosts a production facility of the group.", False),
    ],
)
def test_a_maker_setting_up_a_production_site_needs_no_goods(parse, text, kept):
    assert bool(_mentions(parse(text), "production")) is kept


def test_production_expected_to_start_is_a_production_start(parse):
    (m,) = _mentions(
        parse("Serial production of the Kemankes missile is expected to start by the end of"
              " this year."),
        "production",
    )
    assert _texts(m, "item") == ["Kemankes missile"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Lithuania ordered 12 more Leopard 2A8 tanks on Monday, on top of the 44 it ordered in"
         " 2024.", "44"),
        ("India bought 36 Rafale jets in 2016 and ordered 26 more in 2025.", "26"),
    ],
)
def test_an_order_of_a_bare_count_takes_the_goods_told_before(parse, text, count):
    ms = _mentions(parse(text), "procurement")
    (second,) = [m for m in ms if _texts(m, "quantity") == [count]]
    assert second.values("item") and second.values("buyer")


@pytest.mark.parametrize(
    ("text", "spender"),
    [
        ("The European Defence Fund, with a budget of 7 billion euros for 2021-2027, was"
         " established in 2021.", "European Defence Fund"),
        ("The Act in Support of Ammunition Production, adopted by the EU in July 2023 with a"
         " budget of 500 million euros, funds new lines.", "EU"),
    ],
)
def test_a_defence_body_or_act_with_a_budget_is_defence_spending(parse, text, spender):
    (m,) = _mentions(parse(text), "spending")
    assert _texts(m, "spender") == [spender] and m.values("value")


def test_a_film_with_a_budget_is_no_defence_spending(parse):
    assert not _mentions(parse("The film, with a budget of 5 million dollars, was shot in Kyiv."),
                         "spending")


def test_a_headline_pledge_to_send_equipment_is_aid(parse):
    doc = parse("UK pledges to send more equipment to Ukraine")
    (m,) = [m for m in _mentions(doc, "aid") if m.trigger == "pledge"]
    assert _texts(m, "donor") == ["UK"] and _texts(m, "recipient") == ["Ukraine"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("India will get the S-400 air defence system later this month.", True),
        ("Ukraine will get more S-300 systems as part of the aid package.", False),
    ],
)
def test_a_state_getting_a_system_named_by_model_buys_it(parse, text, kept):
    assert bool(_mentions(parse(text), "procurement")) is kept


def test_a_pronoun_receiving_a_system_named_by_model_is_a_buyer_to_resolve(parse):
    (m,) = _mentions(parse("It has also received Russian S-300 missile systems despite US"
                           " objections."), "procurement")
    assert _texts(m, "buyer") == ["It"]


def test_a_pronoun_receiving_unnamed_goods_stays_out(parse):
    assert not _mentions(parse("It has also received new trucks."), "procurement")


@pytest.mark.parametrize(
    "text",
    [
        "The military vehicles were also gifted to the Kenyan army by India.",
        "Two patrol boats were gifted to the Maldives by India last year.",
    ],
)
def test_a_passive_participle_read_as_an_adjective_still_gives(parse, text):
    (m,) = _mentions(parse(text), "aid")
    assert m.trigger == "gift" and m.values("item")


def test_an_adjective_in_ed_is_no_trigger(parse):
    assert not parse("The team was very talented.")._.triggers
