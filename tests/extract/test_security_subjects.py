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
