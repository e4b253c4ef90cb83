"""Words that put a meeting on security: arms control and the ends of fighting are security
subjects ("talks on denuclearization", "a truce"), as defence and weapons are."""

from __future__ import annotations

import pytest


def _meetings(extractor, make_clean, text: str) -> list:
    return [e for e in extractor.extract(make_clean(text)) if e.type == "meeting"]


@pytest.mark.parametrize(
    "text",
    [
        "The foreign minister arrived in Tarvik on Saturday for talks on denuclearization.",
        "The Kerel envoy held talks on disarmament with Brask officials in Tarvik on Monday.",
    ],
)
def test_arms_control_is_a_security_subject(extractor, make_clean, text: str) -> None:
    assert _meetings(extractor, make_clean, text), text


@pytest.mark.parametrize(
    "text",
    [
        "The foreign minister arrived in Tarvik on Saturday for talks on fishing quotas.",
        "The Kerel envoy held talks on tariffs with Brask officials in Tarvik on Monday.",
    ],
)
def test_talks_on_civil_subjects_stay_out(extractor, make_clean, text: str) -> None:
    assert not _meetings(extractor, make_clean, text), text


@pytest.mark.parametrize(
    "text",
    [
        "The Kerel and Brask presidents agreed at talks in Tarvik to set up a demilitarized "
        "zone along their border.",
        "Ostby meets Varga at the Pentagon as allies weigh troop cuts in Asia",
    ],
)
def test_demilitarised_zones_and_troop_numbers_are_security_subjects(
        extractor, make_clean, text: str) -> None:
    assert _meetings(extractor, make_clean, text), text


@pytest.mark.parametrize(
    "text",
    [
        "The health secretary met junior doctors' leaders for talks on pay on Tuesday.",
        "The chancellor met bank bosses at the Treasury on Monday to discuss mortgage rates.",
    ],
)
def test_uk_talks_on_civil_subjects_stay_out(extractor, make_clean, text: str) -> None:
    assert not _meetings(extractor, make_clean, text), text
