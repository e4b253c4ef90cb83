"""Cases a review of the ninth round found (sentences written for these tests): each failed
with the round's rules and passes with the fixes."""

from __future__ import annotations

from materiel.extract import Extractor


def _of_type(extractor: Extractor, make_clean, text: str, type_: str) -> list:
    return [e for e in extractor.extract(make_clean(text)) if e.type == type_]


def _values(events: list, role: str) -> set[str]:
    return {a.text for e in events for a in e.args.get(role, [])}


def test_a_capital_of_another_state_is_a_stop_of_its_own(kb_extractor, make_clean):
    text = ("The defence minister visited Warsaw, Lithuania and Latvia last month to discuss "
            "air defence and new tank purchases.")
    meetings = _of_type(kb_extractor, make_clean, text, "meeting")
    assert not any({"Warsaw", "Lithuania", "Latvia"} <= _values([m], "location")
                   for m in meetings), [m.to_json() for m in meetings]


def test_a_meeting_one_is_criticised_over_is_no_setting(kb_extractor, make_clean):
    text = ("Republicans attacked Joe Biden over the summit with Vladimir Putin in Geneva, where "
            "the two leaders discussed nuclear arms control.")
    meetings = _of_type(kb_extractor, make_clean, text, "meeting")
    assert "Republicans" not in _values(meetings, "participant"), [m.to_json() for m in meetings]


def test_a_paired_demonym_is_no_side_beside_two_people(kb_extractor, make_clean):
    text = ("Chancellor Olaf Scholz and President Emmanuel Macron held German-French defence "
            "talks in Paris on Monday on a new fighter jet.")
    sides = _values(_of_type(kb_extractor, make_clean, text, "meeting"), "participant")
    assert "French" not in sides and "German" not in sides, sides


def test_a_hyphenated_country_stays_a_side(kb_extractor, make_clean):
    text = ("President Emmanuel Macron and President Joe Biden held talks with the leaders of "
            "Guinea-Bissau in Paris on Monday on military aid.")
    sides = _values(_of_type(kb_extractor, make_clean, text, "meeting"), "participant")
    assert any("Guinea-Bissau" in s for s in sides), sides


def test_prepared_to_meet_as_a_deed_is_a_meeting(kb_extractor, make_clean):
    text = ("The defence minister prepared to meet his Chinese counterpart in Beijing on Friday "
            "to discuss the missile crisis.")
    assert _of_type(kb_extractor, make_clean, text, "meeting")


def test_measures_in_force_until_a_date_are_sanctions(kb_extractor, make_clean):
    for text in ("Exports of drone engines to Iran were banned until 2030 by the European Union "
                 "on Monday.",
                 "Three Russian banks were sanctioned by the United States until the end of the "
                 "war."):
        assert _of_type(kb_extractor, make_clean, text, "sanction"), text


def test_an_attack_condemned_with_its_own_attacker_is_a_strike(kb_extractor, make_clean):
    text = "Ukraine condemned Russia's missile attack on Kyiv on Monday, which killed five people."
    assert _of_type(kb_extractor, make_clean, text, "strike")
