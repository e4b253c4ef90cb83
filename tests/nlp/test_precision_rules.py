"""Rules that keep non-events out (written for these tests): abilities of weapons, comments on
attacks, civilian targets, fighting; and the strikes that must stay."""

from __future__ import annotations

import pytest


def _types(doc) -> list[str]:
    return [m.type for m in doc._.mentions]


@pytest.mark.parametrize(
    "text",
    [
        "The new cruise missile gives the navy the ability to strike enemy ports.",
        "The drone must be able to hit moving targets at long range.",
        "The regime has supplied an arsenal for attacking its neighbour.",
        "The bishop condemned the brutal attack on the town market.",
        "Militia fighters have been attacking civilians in the border villages.",
        "The army will open a second front next month, attacking enemy forces on two axes.",
        "The regiment repelled ground attacks near the river crossing.",
        "The country is buying jammers to protect troops against drone attacks.",
        "The Vulcan missile is meant to be a light, modular solution to target enemy ships.",
        "The Pentagon said the US has sent anti-radar missiles for Polish jets to target radars.",
        "The rockets can also hit mobile radars, which Russia uses to target Ukrainian artillery.",
    ],
)
def test_not_a_strike(parse, text):
    assert "strike" not in _types(parse(text))


def test_no_attacker_and_no_military_target_is_no_strike(parse):
    assert "strike" not in _types(parse("Tourists avoid the towns that have been bombed."))


def test_a_label_put_on_events_is_no_strike(parse):
    text = "The government presented the incidents to parliament as two attacks on its naval base."
    assert "strike" not in _types(parse(text))


def test_a_political_campaign_is_no_strike(parse):
    text = "The opposition launched a campaign against the new tax on Monday."
    assert "strike" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian drones struck an oil depot in the Bryansk region overnight.",
        "The navy fired 40 cruise missiles at the rebels' air bases on Sunday.",
        "Officials said the attack on the air base destroyed two fighter jets.",
        "The overnight barrage used drones and missiles to strike cities across Ukraine.",
        "Kyiv said it intercepted most of a fresh overnight barrage of drones launched by Russia.",
        "The rebels mounted one of their largest attacks on the naval base this year.",
        "Gunmen attack army post near the border town",
        "Jets struck 13 Hadrani targets in the north overnight.",
        "Israel began its air campaign against Iran's military sites on 13 June.",
    ],
)
def test_strike_stays(parse, text):
    assert "strike" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "EU foreign ministers will discuss tourist visas for Russians at a meeting in Prague.",
        "The donors met in Paris to discuss financing of the economic recovery.",
        "The president laid a wreath during a visit to the memorial cemetery on Thursday.",
        "The singer has met the president on several occasions.",
        "The allies answered the call with new commitments to bolster global food supplies.",
        "The assembly renewed its call on member states to set up a tribunal.",
        "Fifty lorries travelling to Kohima were stopped on the highway.",
        "The trade delegation will travel to Lahore next week to discuss fruit imports.",
        "The space agency said it was in talks with Brazil about supplying rocket engines.",
        "The students met the rector in Vienna on Monday to discuss university fees.",
        "Hungary pledged to meet North Atlantic Treaty Organization spending targets for defense.",
        "Improving audits to meet International Monetary Fund benchmarks in arms factories;",
        "The radar must be tested to ensure it meets the Operational Requirements set by the Army.",
    ],
)
def test_not_a_meeting(parse, text):
    assert "meeting" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The defence ministers of France and Poland met in Warsaw on Monday to discuss drones.",
        "Prime Minister Rutte held talks with President Macron in Paris on Tuesday.",
        "The foreign minister visited Kyiv on Friday.",
        "The minister will meet NATO Secretary General Mark Rutte on Monday.",
        "Macron will meet Chinese President Xi Jinping's envoy next week.",
    ],
)
def test_meeting_stays(parse, text):
    assert "meeting" in _types(parse(text))


def test_long_past_visit_is_background(parse):
    doc = parse("In 2011, the then foreign minister Hina Khar visited India.", "2023-05-04")
    assert "meeting" not in _types(doc)
    doc = parse("The foreign minister visited India in March.", "2023-05-04")
    assert "meeting" in _types(doc)


def test_long_past_strike_is_background(parse):
    doc = parse("In August 2016, commandos launched a raid on the naval base.", "2022-08-06")
    assert "strike" not in _types(doc)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Since then, we have rapidly delivered weapons to Ukraine.", "aid"),
        ("Our partners have stepped up to provide significant shipments of assistance.", "aid"),
        ("The minister briefed them on the ongoing provision of security assistance.", "aid"),
        ("We have imposed powerful sanctions on Russia.", "sanction"),
        ("The ministry has received bids from three firms for its new jets.", "procurement"),
        ("The ministry has received bids from three firms for its new jets.", "aid"),
        ("The general ordered his tanks to roll across the border.", "procurement"),
        ("The president ordered the 3rd Infantry Brigade to Poland this week.", "procurement"),
        ("The ministry is considering buying 20 transport helicopters.", "procurement"),
        ("The air force is yet to issue a tender for 114 fighter jets.", "procurement"),
        ("Chile plans to buy 12 fighter jets for its air force.", "aid"),
        ("We have imposed tough sanctions and new export controls on Iran.", "sanction"),
        ("We will continue to provide support and assistance to Moldova.", "aid"),
        ("I told my team to continue to impose sanctions on Iran's drone makers.", "sanction"),
    ],
)
def test_not_this_event(parse, text, type_):
    assert type_ not in _types(parse(text))


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Germany has delivered 40 Marder vehicles to Ukraine.", "aid"),
        ("Norway will buy 54 tanks for Ukraine's armed forces.", "aid"),
        ("The navy ordered 12 patrol boats to replace its ageing fleet.", "procurement"),
        ("Chile plans to buy 12 fighter jets for its air force.", "procurement"),
        ("Today we have imposed sanctions on 120 Iranian drone suppliers.", "sanction"),
        ("We are announcing $400 million in new security assistance for Moldova.", "aid"),
    ],
)
def test_this_event_stays(parse, text, type_):
    assert type_ in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Officials warned that the rebels are poised to strike at the capital.",
        "The general has made the decision to invade the island and target its ports.",
    ],
)
def test_planned_attack_is_not_a_strike(parse, text):
    assert "strike" not in _types(parse(text))


def test_used_missiles_to_strike_stays(parse):
    doc = parse("The army used long-range missiles on Tuesday to strike enemy airfields.")
    assert "strike" in _types(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Allies agreed on Monday to raise the bloc's defence spending target to 3% of GDP.",
        "The European Commission unveiled a plan to mobilise 90 billion euros for defence.",
        "Norway approved a record NOK 110 billion defence budget, up 12%.",
        "In March the government announced that defence spending would rise to 2.6% of GDP.",
        "The cabinet said military spending will increase to 3% of GDP next year.",
    ],
)
def test_spending_decisions(parse, text):
    ms = [m for m in parse(text)._.mentions if m.type == "spending"]
    assert ms and all(m.values("spender") for m in ms)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The Army has issued an RFI for 30 loitering munitions.", "planned"),
        ("The Coast Guard floated a tender for 12 patrol vessels.", "planned"),
        ("The Navy is in talks with Goa Shipyard for four more frigates.", "planned"),
    ],
)
def test_steps_towards_a_purchase(parse, text, status):
    ms = [m for m in parse(text)._.mentions if m.type == "procurement"]
    assert ms and ms[0].status == status and ms[0].values("item")
    assert not [m for m in parse(text)._.mentions if m.type == "meeting"]


def test_agreement_date_is_no_item(parse):
    doc = parse("Poland and Sweden signed a bilateral security agreement on Tuesday.")
    ms = [m for m in doc._.mentions if m.type == "agreement"]
    assert ms and not any(v.text == "Tuesday" for m in ms for v in m.values("item"))


def test_technology_transfer_is_no_delivery(parse):
    doc = parse("The ministry signed a deal with technology transfer for six submarines.")
    assert not [m for m in doc._.mentions if m.type == "aid"]


def test_deal_with_technology_transfer_is_a_purchase(parse):
    doc = parse("The defence ministry signed a deal with technology transfer for 6 submarines.")
    ms = [m for m in doc._.mentions if m.type == "procurement"]
    assert ms and [v.text for v in ms[0].values("item")] == ["submarines"]


def test_amount_the_items_are_counted_in(parse):
    doc = parse(
        "The president announced a new tranche of security assistance for Moldova: about "
        "$400 million of weapons and equipment."
    )
    ms = [m for m in doc._.mentions if m.type == "aid"]
    assert ms and [v.value for v in ms[0].values("value")] == [4e8]


@pytest.mark.parametrize(
    "text",
    [
        "Enemy rockets attacked a residential quarter of Mykolaiv on Friday, the governor said.",
        "The regime has been targeting residential areas and food infrastructure, he said.",
        "The refugees were bombed as they fled across the bridge.",
        "Enemy attacks killed at least four in the Kherson region, officials said.",
    ],
)
def test_civilian_or_casualty_attacks_are_not_strikes(parse, text):
    assert "strike" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ship the howitzers to Ukraine now.",
        "Direct talks with the rebels remain out of the question, the minister said on Monday.",
    ],
)
def test_appeals_and_refusals_are_no_events(parse, text):
    assert _types(parse(text)) == []


def test_urged_step_purpose_is_no_event(parse):
    text = (
        "EU officials urged the ministers on Monday to take quick steps to provide more tanks"
        " and shells to Kyiv, warning that delays could hurt."
    )
    assert "aid" not in _types(parse(text))
    assert "procurement" in _types(parse("Poland agreed to take steps to buy 20 more tanks."))
    assert "procurement" in _types(parse("Germany decided to use its funds to buy 20 more tanks."))


def test_wanted_list_is_no_sanction(parse):
    text = "The Belarusian police added the opposition leader to the list of wanted criminals."
    assert "sanction" not in _types(parse(text))
    assert "sanction" in _types(parse("The US added five Chinese firms to its entity list."))


def test_prohibited_acquisition_is_no_procurement(parse):
    text = (
        "The minister said Seoul honours the MTCR, which prohibits members from developing"
        " or acquiring long-range missiles."
    )
    assert "procurement" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Astra Mk2 will provide the Indian Navy with a modern missile that can be used"
        " in many roles, from air defence to anti-ship attacks.",
        "The new radar will provide the army with a sensor that can track drones at long range.",
        "The KXT V3 will provide the Egyptian Navy with a modern glide bomb that can be used"
        " against ports and ships.",
    ],
)
def test_capability_provision_is_no_event(parse, text):
    assert not set(_types(parse(text))) & {"procurement", "aid"}


def test_provision_by_a_party_stays(parse):
    text = "France will provide Ukraine with missiles that can hit targets 250 km away."
    assert "aid" in _types(parse(text))
    text = "The deal will provide the army with 20 tanks that can cross rivers."
    assert "procurement" in _types(parse(text))


def test_thanks_for_hosting_is_no_meeting(parse):
    text = "President Berset, Chancellor Scholz, thank you for hosting this conference."
    assert "meeting" not in _types(parse(text))
    text = "President Berset, Chancellor Scholz, thank you for hosting this Summit."
    assert "meeting" not in _types(parse(text))
    assert "meeting" in _types(parse("Macron hosted Zelensky in Paris on Monday."))
    text = "Thank Commission VPs @smith and @jones for hosting the Norland delegation,” he tweeted."
    assert "meeting" not in _types(parse(text))


@pytest.mark.parametrize("text", [
    "The United States has provided $40 million in COVID-19 assistance to Moldova.",
    "Japan will give Ukraine $30 million in humanitarian assistance for winter shelter.",
])
def test_civil_assistance_is_not_military_aid(nlp, text):
    assert not [m for m in nlp(text)._.mentions if m.type == "aid"]


def test_military_assistance_next_to_civil_words_stays(nlp):
    text = "Canada will send Ukraine $50 million in military assistance, including drones."
    assert [m for m in nlp(text)._.mentions if m.type == "aid"]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The coast guard has struggled to buy new patrol boats for years.", "procurement"),
        ("Critics slammed the government for its hesitation in providing howitzers to"
         " Oslandia.", "aid"),
        ("The junta accused its neighbours of sending rifles to the rebels.", "aid"),
        ("The minister welcomed the proposal to produce tanks with Norland.", "production"),
        ("He called the crisis a pretext to impose more sanctions on Norland.", "sanction"),
        ("The mayor ordered the gun shop to be closed after it displayed assault rifles.",
         "procurement"),
        ("The cabinet will sanction the new anti-ship missile under its local design scheme.",
         "sanction"),
        ("The two airlines made similar sales forecasts for the coming decade.", "production"),
        ("Reconnaissance and strike drones were shown at the fair.", "strike"),
        ("The director spoke to reporters at the Investor meeting about the radar.", "meeting"),
        ("That is according to the Lisbon Summit Declaration.", "meeting"),
    ],
)
def test_unreported_or_other_sense_is_no_event(parse, text, type_):
    assert type_ not in _types(parse(text))


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The air force is interested in acquiring 40 trainer jets next year.", "procurement"),
        ("The United States sanctioned three Iranian drone makers on Monday.", "sanction"),
        ("The general ordered 40 tanks from the state factory last week.", "procurement"),
        ("A two-day NATO summit began in Vilnius on Tuesday.", "meeting"),
        ("Russia attacked Ukraine overnight with 120 missiles and drones.", "strike"),
    ],
)
def test_reported_event_stays(parse, text, type_):
    assert type_ in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The ambassador recalled his first visit to India as a teenager.",
        "President Macron recalled meeting President Biden in Paris when he was 15 years old.",
        "Air Marshal Rao also gave a talk at the Sri Lankan National Defence College.",
        "Prime Minister Modi will meet Prime Minister Kishida in Tokyo to discuss energy and"
        " fertiliser supplies.",
        "The minister also met the former president and expressed condolences on her loss.",
    ],
)
def test_personal_lecture_or_off_topic_is_no_meeting(parse, text):
    assert "meeting" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "NATO's Military Committee met in Brussels on Thursday to discuss air defence.",
        "The defence minister held talks with his French counterpart in Oslo on Monday.",
        "Prime Minister Modi will meet Prime Minister Kishida in Tokyo to discuss energy"
        " security and missile defence.",
    ],
)
def test_security_meeting_stays(parse, text):
    assert "meeting" in _types(parse(text))


def test_standing_body_session_is_no_meeting():
    from materiel.nlp.validate.meetings import standing_body

    assert standing_body("Steering Committee of the donor platform")
    assert not standing_body("NATO Military Committee")
    assert not standing_body("the Ukraine Defense Contact Group")


def test_story_off_security():
    from materiel.nlp.validate import on_security, story_off_security

    tour = [
        "The prime minister arrived in Port Alba on Sunday.",
        "He was greeted by dancers at the airport.",
        "He will address the diaspora on Monday.",
        "He then travels to Sydney.",
        "The trip ends on Friday.",
        "His hosts praised the visit.",
        "He received an award for his leadership.",
    ]
    assert story_off_security(tour)
    assert not on_security(tour[0])
    assert not story_off_security([*tour, "He met the defence minister.", "Drones were shown."])
    assert not story_off_security([])


def test_transcript_that_keeps_returning_to_the_war_is_on_security():
    from materiel.nlp.validate import story_off_security

    replies = ["Thank you.", "Good morning.", "Yes.", "Please sit down.", "Welcome back."] * 8
    war = [f"The war has gone on for {n} hundred days." for n in range(1, 6)]
    assert story_off_security([*replies, *war[:4]])
    assert not story_off_security([*replies, *war])


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Occupying troops shell and bomb border towns and villages every night.", "2024-06-20"),
        ("In 2023 the army began making drones, and it now makes most of the drones it"
         " launches.", "2024-06-20"),
        ("The air force carried out its first raid on the harbour on May 3, 1941.", "2024-06-20"),
        ("As the army prepares to intensify its attack in the north, allies send shells.",
         "2024-06-20"),
        ("Mr Dole said Senator Smith's hostile attack contradicted the assurances of the"
         " cabinet.", "2024-06-20"),
        ("Just as the army is striking inside the enclave, ministers see a need to act, the"
         " envoy told reporters last week.", "2024-06-20"),
    ],
)
def test_practice_history_plan_or_words_are_no_strike(parse, text, published):
    assert "strike" not in _types(parse(text, published))


@pytest.mark.parametrize(
    "text",
    [
        "In October, the army turns to the power grid, which it targets with missiles.",
        "Russia attacked Ukraine in 2022 with missiles launched from Belarus.",
        "The army's attack on the bridge destroyed two trucks.",
    ],
)
def test_dated_recent_or_told_strike_stays(parse, text):
    assert "strike" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Police recovered two rifles, one US made rifle and a pistol.",
        "The firm says it has been manufacturing drone engines for the last 15 years.",
        "The new transport aircraft will be made in India under the tender's terms.",
        "The carrier's jets are built at a plant in Mumbai.",
        "Last month the army received the first trucks, a variant of the Ranger that is"
        " manufactured at a plant in Pune.",
        "The delegation offered land for the manufacturing of its drones in the state.",
        "Norland has shown interest in establishing a production line for armoured vehicles.",
        "Denmark will pay €300m to finance the production of armoured vehicles in Romania.",
        "Boeing and Airbus have made similar Sales Projections for India.",
        "Parallel production of the rifles in Poland and Germany will allow faster deliveries.",
    ],
)
def test_origin_trade_or_growth_is_no_production(parse, text):
    assert "production" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Rheinmetall made 300 howitzers last year.",
        "Rheinmetall will produce 200 tanks for the army over the next five years.",
        "The missile went into production in 2004 at the Hyderabad plant.",
        "The frigates are being built at the shipyard in Mumbai.",
        "Two more submarines will be built at the shipyard in Mumbai.",
    ],
)
def test_production_told_stays(parse, text):
    assert "production" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Each new missile attack is an argument for Moldova to receive more Patriot systems.",
        "Unlike Georgia, which received rifles from abroad, Armenia must build its own.",
        "Workshops in Poland repair weapons donated and damaged in combat.",
        "Norway pauses military aid to Latvia.",
        "The minister gave an update on forthcoming Dutch security assistance.",
        "The United States imposed sanctions on 14 firms in Iran on Tuesday for supplying drone "
        "parts to the Russian army.",
    ],
)
def test_argued_compared_described_paused_or_punished_is_no_aid(parse, text):
    assert "aid" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The US Treasury sanctioned five firms for supplying drone components to Russia's army.",
        "Britain sanctioned three Iranian companies accused of selling drones to Russia.",
        "The EU imposed sanctions on firms that supplied drone parts to Russia.",
        "Britain sanctioned entities involved in supplying arms to Russia.",
        "Kerel imposed sanctions on Tuesday on a network procuring missile guidance parts for "
        "Brask, officials said.",
        "Ostmark announced sanctions against four Tarvik firms it said were supplying Brask "
        "with drone engines.",
    ],
)
def test_a_sanction_reason_is_no_sale(parse, text):
    types = _types(parse(text))
    assert "sanction" in types
    assert "procurement" not in types and "aid" not in types


@pytest.mark.parametrize(
    "text",
    [
        "The ministry sanctioned Rs 20 crore for the new rifle project.",
        "Officials will discuss EU sanctions against Iran with the Japanese envoy.",
        "The government should start adding more items to the negative list, especially "
        "fighter jets and engines.",
    ],
)
def test_approval_talk_topic_or_import_list_is_no_sanction(parse, text):
    assert "sanction" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The government faces pressure to select the F-18 as its fighter.",
        "The Commission selects 62 defence research projects for 910 million euros in funding.",
        "He was selected as the new army chief.",
        "It approved the purchase.",
        "It issued a tender.",
        "The group agreed to sell its defence unit to a rival.",
        "A distress call was received by the rescue centre from the patrol vessel.",
        "Cadets receive further training on board the trainer aircraft.",
    ],
)
def test_no_purchase_without_a_choice_of_arms_or_a_buyer(parse, text):
    assert "procurement" not in _types(parse(text))


def test_goods_of_a_contract_are_no_aid(parse):
    text = (
        "Acme was awarded a contract worth $335 million to supply rocket launchers"
        " to a European country."
    )
    doc = parse(text)
    assert "aid" not in _types(doc)
    assert "procurement" in _types(doc)


def test_a_contract_to_give_named_goods_to_a_named_state_stays_aid(parse):
    doc = parse("The United States will fund the delivery of 30 tanks to Ukraine.")
    assert "aid" in _types(doc)


def test_targeting_by_a_sanctioning_office_is_a_sanction(parse):
    doc = parse("The State Department is targeting additional Oslandian oligarchs.")
    assert "sanction" in _types(doc)
    assert "strike" not in _types(doc)


def test_targeting_by_a_defence_office_stays_a_strike(parse):
    doc = parse("Norland's air force targeted rebel radar sites near the port on Sunday.")
    assert "strike" in _types(doc)


@pytest.mark.parametrize(
    "text",
    [
        "The minister said one of the proposals made to Norland was to send the tanks to Oslandia.",
        "Former minister Jones slammed the chancellor for his hesitation in providing military"
        " aid to Oslandia.",
    ],
)
def test_a_proposal_or_a_hesitation_is_no_aid(parse, text):
    assert "aid" not in _types(parse(text))


def test_aid_after_an_appeal_stays(parse):
    doc = parse("After an appeal from Kyiv, Germany sent 30 tanks to Ukraine.")
    assert "aid" in _types(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Norway will provide military support to Ukraine.",
        "The leaders will make a firm commitment to providing Ukraine with financial, military"
        " and diplomatic support.",
    ],
)
def test_military_support_given_is_aid(parse, text):
    assert "aid" in _types(parse(text))


def test_humanitarian_support_is_no_aid(parse):
    assert "aid" not in _types(parse("Norway will provide humanitarian support to Ukraine."))


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Reports about Brazil's interest in acquiring Gripen fighters circulated last year.",
         "procurement"),
        ("The country's defence industry is producing more missiles and shells than before the"
         " war.", "production"),
        ("The two sides also discussed co-production of armoured vehicles.", "production"),
        ("The seat meets the Navy's requirement for a new trainer.", "procurement"),
        ("The parliament approved the budget on Friday.", "spending"),
        ("The navy will deliver the frigates under a contract awarded to the yard.", "production"),
        ('The minister said the government "has no plans at present" to buy a new fighter.',
         "procurement"),
        ("The two countries were close to inking a deal for 15 amphibious aircraft.",
         "procurement"),
        ("The offer was meant to thwart the purchase of the S-400 system by Norland.",
         "procurement"),
        ("Sixth-generation fighter jets will go into production sometime in 2035.",
         "production"),  # a forecast: no maker
    ],
)
def test_talk_trends_fits_and_denials_are_no_event(parse, text, type_):
    assert type_ not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Officials believe that Oslandian forces will target the capital next week.",
        "Militants attacked a military base in the north on Tuesday, killing 11 soldiers.",
        "Norland's rocket force test-fired a ballistic missile into the ocean on Monday.",
        "Oslandia fired two cruise missiles off its coast, describing the launch as a test.",
        "The police agency conducted raids at premises linked to the smuggling suspects.",
        "The northern command demonstrated its capacity to execute rapid and forceful strikes.",
        "The opposition's defence spokesman attacked the government over the frigate delays.",
        "The “attack” on the army headquarters during the protests was blamed on foreign agents.",
    ],
)
def test_forecasts_tests_raids_and_words_are_no_strikes(parse, text):
    assert "strike" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Norland's air force launched air raids on rebel ammunition depots on Sunday.",
        "Oslandian drones struck a Norland air base overnight, the army said.",
    ],
)
def test_military_raids_and_strikes_stay(parse, text):
    assert "strike" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "We are ready to impose severe sanctions on Norland if it sends troops across the border.",
        "Norland dismissed the new sanctions as illegal and said they would have no effect.",
        "The two leaders formed a common front to resist western sanctions on their banks.",
        "The president lifted sanctions on the pipeline operator earlier this year.",
    ],
)
def test_threats_and_reactions_are_no_sanctions(parse, text):
    assert "sanction" not in _types(parse(text))


def test_export_restrictions_on_entities_are_a_sanction(parse):
    text = "The government is imposing new export restrictions on 40 Norland drone makers."
    assert "sanction" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The air force cut its spending plans as it sees delays in the supply of spare parts"
        " from Oslandia.",
        "Germany said it would send two Patriot launchers and about 300 soldiers to Poland to"
        " protect its airspace.",
        "The leaders committed to intensify security assistance planning with their partners.",
        "Oslandian forces took advantage of delays in Norland military assistance to advance.",
        "Germany has offered to supply India with its new submarine under a"
        " government-to-government deal.",
        "The United States has provided Ukraine with $500 million in development and"
        " humanitarian assistance amid Russia's military build-up.",
    ],
)
def test_trade_deployments_topics_offers_and_civil_money_are_no_aid(parse, text):
    assert "aid" not in _types(parse(text))


def test_aid_with_deployed_goods_only_stays(parse):
    doc = parse("Germany will send four more air defence launchers to Poland, the ministry said.")
    assert "aid" in _types(doc)


@pytest.mark.parametrize(
    "text",
    [
        "NATO has designated Russia an adversary.",
        "Despite the Kremlin being sanctioned over the war, its economy grew.",
    ],
)
def test_a_label_or_a_circumstance_is_no_sanction(parse, text):
    assert "sanction" not in _types(parse(text))


def test_measures_that_target_are_a_sanction(parse):
    doc = parse("The latest Canadian measures target several Iranian military organizations.")
    assert "sanction" in _types(doc) and "strike" not in _types(doc)


def test_being_attacked_is_the_war_described(parse):
    assert "strike" not in _types(parse("They are being attacked from across the border."))


def test_a_second_purpose_infinitive_is_no_strike(parse):
    text = ("The helicopter will get a loitering weapon with a warhead to expand its reach and to"
            " hit hardened targets at a greater distance.")
    assert "strike" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Russia attacked Ukraine in 2022, eight years after its first invasion, because the"
        " Kremlin expected no price to pay.",
        "The president launched the biggest attack on a European country in decades when he"
        " ordered the invasion.",
    ],
)
def test_the_invasion_told_as_an_attack_is_no_strike(parse, text):
    assert "strike" not in _types(parse(text))


def test_a_barrage_after_the_invasion_stays_a_strike(parse):
    doc = parse("Russia launched 31 drones at Ukraine overnight, a year after the invasion began.")
    assert "strike" in _types(doc)


@pytest.mark.parametrize(
    "text",
    [
        "The United States and its allies are ready to impose powerful sanctions on Russia.",
        "He called for allies to impose even tougher sanctions on Moscow.",
    ],
)
def test_sanctions_held_ready_or_urged_are_none_imposed(parse, text):
    assert "sanction" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "China is also working to provide Russia with improved satellite capabilities.",
        "The problem is no longer a lack of political will to supply Ukraine with artillery"
        " ammunition.",
    ],
)
def test_an_effort_or_a_will_to_give_is_no_aid(parse, text):
    assert "aid" not in _types(parse(text))


def test_a_price_cap_imposed_by_a_named_side_is_a_sanction(parse):
    doc = parse("The European Union lowered its price cap on Russian crude oil on Friday.")
    assert "sanction" in _types(doc)
    doc = parse("Moscow warned that buyers who imposed price caps would get no more of its gas.")
    assert "sanction" not in _types(doc)


def test_attacks_listed_under_a_background_phrase_are_no_strike(parse):
    text = ("Moldova stands firm against Russia's ongoing aggression, including Russia's"
            " deliberate attacks on Moldovan towns and critical infrastructure.")
    assert "strike" not in _types(parse(text))


def test_a_named_group_at_the_start_of_a_sentence_stays_a_party(parse):
    doc = parse("Houthi militants attacked an American destroyer in the Red Sea on Tuesday.")
    ms = [m for m in doc._.mentions if m.type == "strike" and m.rejected is None]
    assert ms and all("Houthi" in v.text for m in ms for v in m.values("attacker"))


def test_work_in_assistance_with_a_partner_is_no_aid(parse):
    doc = parse("Brazil is also developing its first nuclear submarine in assistance with France.")
    assert "aid" not in _types(doc)


def test_who_receives_an_order_from_a_buyer_is_no_buyer(parse):
    doc = parse("Saab has received an order from the Latvian procurement centre for the"
                " RBS 70 NG air defence system.")
    kept = [m for m in doc._.mentions if m.type == "procurement" and m.rejected is None]
    assert all(
        "Saab" not in [v.text for v in m.values("buyer")] for m in kept
    )


@pytest.mark.parametrize(
    "text",
    [
        "He called for Norland to pay the price and for its allies to impose tougher sanctions.",
        "We thank the partners who introduced crushing sanctions against Norland.",
        "Minsk, which was also hit by heavy Western sanctions after the war, will expand trade.",
    ],
)
def test_urged_or_described_sanctions_are_no_event(parse, text):
    assert "sanction" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The firms, which the Treasury sanctioned on Tuesday, supplied drones to the army.",
        "The EU adopted a package that imposes sanctions on 20 Norland arms firms.",
    ],
)
def test_dated_or_measure_sanctions_in_a_relative_clause_stay(parse, text):
    assert "sanction" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Opposition lawmakers immediately attacked the price as \"gold-plated\".",
        "Critics attacked the new budget as wasteful.",
        "The senators attacked the ministry's delays on Tuesday.",
    ],
)
def test_attack_in_words_is_no_strike(parse, text):
    assert "strike" not in _types(parse(text))


def test_attack_as_part_of_an_offensive_stays(parse):
    text = "Rebel fighters attacked the air base as part of a wider offensive."
    assert "strike" in _types(parse(text))


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The air force has been inducting nearly 90 fighter jets annually.", "procurement"),
        ("Shipyards are building attack boats at roughly 1.2 a year.", "production"),
    ],
)
def test_ongoing_rate_is_a_trend(parse, text, type_):
    assert type_ not in _types(parse(text))


def test_purchase_this_year_stays(parse):
    assert "procurement" in _types(parse("The navy is buying 12 patrol boats this year."))


def test_war_told_in_the_perfect_progressive_is_no_strike(parse):
    assert "strike" not in _types(parse("Norland has also been targeting the ports of Oslandia."))


def test_dated_perfect_progressive_strike_stays(parse):
    text = "Norland forces have been pounding the air base overnight."
    assert "strike" in _types(parse(text))


def test_hitting_a_target_somewhere_unnamed_is_a_test(parse):
    text = "The drone was launched from 18,000 feet and fired a warhead that hit a target 8 km out."
    assert "strike" not in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "US jets struck more than 75 targets in central Syria on Sunday.",
        "US jets struck targets overnight after the drone attack on the base.",
    ],
)
def test_targets_in_a_named_place_or_unnamed_targets_stay(parse, text):
    assert "strike" in _types(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "The duchess has become the first royal family member to visit Norland since the war.",
        "The senator is the first candidate to travel to Norland to meet its president.",
    ],
)
def test_record_holder_visit_is_no_meeting(parse, text):
    assert "meeting" not in _types(parse(text))


def test_planned_trip_is_not_a_record(parse):
    assert "meeting" in _types(parse("The defence minister will travel to Kyiv to meet Zelenskyy."))


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The yard, the only shipyard in Norland that has built 8 submarines, will lead it.",
         "production"),
        ("It was the first time that a patrol plane was sent to Oslandia.", "aid"),
        ("The council backed the purchase of 26 jets for its requirement for two carriers.",
         "procurement"),
    ],
)
def test_record_clause_or_purchase_purpose_is_no_deal(parse, text, type_):
    types = _types(parse(text))
    assert types.count(type_) <= (1 if "purchase" in text else 0)


def test_first_country_to_buy_stays(parse):
    text = "Nigeria will be the first country to buy the helicopters from the state-run maker."
    assert "procurement" in _types(parse(text))


def test_what_a_maker_does_is_no_production(parse):
    text = "Founded in 2017, the company builds autonomous systems across air, land and sea."
    assert "production" not in _types(parse(text))


def test_coordinated_purpose_infinitive_is_no_strike(parse):
    text = "We will not take part, whether by sending troops to fight in Norland or attack its army"
    assert "strike" not in _types(parse(text))


def test_money_of_military_aid_is_aid_not_spending(parse):
    types = _types(parse("He said Norland will allocate $713m of military aid to Oslandia."))
    assert "spending" not in types and "aid" in types


@pytest.mark.parametrize(
    "text",
    [
        "The government allocated $2 billion to the defence ministry for new jets.",
        "The government allocated £2bn of the aid budget to the defence ministry.",
    ],
)
def test_allocation_to_the_defence_ministry_stays_spending(parse, text):
    assert "spending" in _types(parse(text))


def test_readiness_to_agree_is_no_agreement(parse):
    text = "We remain ready to reach arrangements with Norland on long-term security commitments."
    assert "agreement" not in _types(parse(text))


def test_aid_spoken_of_is_no_aid_event(parse):
    text = 'The prime minister said of the US security assistance: "We need this money now."'
    assert "aid" not in _types(parse(text))


def test_long_past_listing_is_background(parse):
    doc = parse("He was added to the list of United Nations sanctions in 1999.", "2023-06-20")
    assert "sanction" not in _types(doc)
    doc = parse("The EU imposed sanctions on Norland in 2014 after the annexation.", "2023-06-20")
    assert "sanction" in _types(doc)


def test_meeting_a_live_page_will_follow_is_no_meeting(parse):
    assert "meeting" not in _types(parse("Tomorrow we will follow the Weimar triangle meeting."))
    assert "meeting" in _types(parse("We will meet the Polish defence minister in Paris."))


def test_headline_cited_in_a_letter_is_no_event(parse):
    text = ("The problem with the losses (Norland confirms attack on the capital during UN chief's"
            " visit, 29 April) is that they do not matter to its leaders.")
    types = _types(parse(text))
    assert "strike" not in types and "meeting" not in types



def _standing(doc) -> set[str]:
    return {m.type for m in doc._.mentions if m.rejected is None}


@pytest.mark.parametrize(
    "text",
    [
        "Defence ministers of the Nordic states met in Oslo on Tuesday to coordinate military "
        "aid for Ukraine.",
        "Alliance envoys gathered in Vienna for talks expected to focus on military aid to Kyiv.",
        "The talks will focus on military aid to Ukraine.",
    ],
)
def test_aid_as_the_purpose_or_focus_of_talks_is_no_aid(parse, text):
    assert "aid" not in _standing(parse(text))


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("The Pentagon will coordinate the delivery of 30 Bradley vehicles to Ukraine next "
         "month.", {"aid"}),
        ("Defence chiefs met in Ramstein to coordinate the transfer of 80 Patriot missiles to "
         "Ukraine.", {"aid"}),
        ("Germany will focus its military aid on air defence for Ukraine.", {"aid"}),
        ("Britain will focus its next GBP 300 million aid package on drones for Ukraine.",
         {"aid"}),
        ("Kerel sanctioned three firms on Monday, and Ostmark agreed to sell 20 tanks to Brask.",
         {"sanction", "procurement"}),
        ("The ministry named the firms it said were supplying the army with new rifles.",
         {"procurement"}),
    ],
)
def test_coordinating_a_delivery_or_a_sale_beside_a_sanction_still_counts(parse, text, types):
    assert types <= _standing(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Germany signed a contract with Rheinmetall for 12 Skyranger systems for Ukraine.",
        "Denmark will buy 18 Caesar howitzers from KNDS for Ukraine, the ministry said.",
    ],
)
def test_a_purchase_for_another_state_told_on_the_goods_or_seller_is_also_aid(parse, text):
    assert {"procurement", "aid"} <= _standing(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "India ordered 26 Rafale jets from Dassault for its navy.",
        "The Army ordered 500 trucks from Oshkosh for $300 million.",
        "Japan bought 400 Tomahawk missiles from the United States for the first time.",
        "The US Air Force awarded Lockheed Martin a contract for 36 F-16 jets for Taiwan.",
        "The US Army awarded Lockheed Martin a contract for 250 PAC-3 missiles for Poland.",
    ],
)
def test_a_purchase_for_itself_a_sum_or_a_time_is_no_aid(parse, text):
    assert "aid" not in _standing(parse(text))


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Kerel pledged 14 more CV90 vehicles to Brask on Tuesday.", "CV90 vehicles"),
        ("Turkey bought Russian S-400 systems in 2017.", "S-400 systems"),
    ],
)
def test_a_generic_head_named_by_a_weapon_modifier_is_the_item(parse, text, item):
    doc = parse(text)
    items = {v.text for m in doc._.mentions if m.rejected is None for v in m.values("item")}
    assert any(item in found for found in items)


@pytest.mark.parametrize(
    "text",
    [
        "The hospital bought two new scanning systems this year.",
    ],
)
def test_a_generic_head_with_no_weapon_modifier_is_no_item(parse, text):
    assert not {m.type for m in parse(text)._.mentions if m.rejected is None}
