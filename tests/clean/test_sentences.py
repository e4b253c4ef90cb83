import pytest

from materiel.clean.sentences import ends_with_terminal, is_truncated, sentence_spans


def split(text: str) -> list[str]:
    spans = sentence_spans(text)
    for start, end in spans:
        assert text[start:end] == text[start:end].strip()
    return [text[start:end] for start, end in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lt. Col. Ann Lee met Gen. Bo Roe in St. Petersburg on Jan. 5. They spoke briefly.",
            [
                "Lt. Col. Ann Lee met Gen. Bo Roe in St. Petersburg on Jan. 5.",
                "They spoke briefly.",
            ],
        ),
        (
            "The U.S. Army ordered 3.5 million rounds. Dr. Cy Doe of Acme Inc. signed it.",
            ["The U.S. Army ordered 3.5 million rounds.", "Dr. Cy Doe of Acme Inc. signed it."],
        ),
        (
            "Talks stalled in the U.S. The delegation left on Friday.",
            ["Talks stalled in the U.S.", "The delegation left on Friday."],
        ),
        (
            "J. R. Smith said No. 5 Squadron, i.e. the tanker unit, e.g. its crews, would move.",
            ["J. R. Smith said No. 5 Squadron, i.e. the tanker unit, e.g. its crews, would move."],
        ),
        (
            '"We will build it here," he said. "The first shells come in May." Then he left.',
            [
                '"We will build it here," he said.',
                '"The first shells come in May."',
                "Then he left.",
            ],
        ),
        (
            "“Is this enough?” Ann Lee asked. Nobody answered.",
            ["“Is this enough?” Ann Lee asked.", "Nobody answered."],
        ),
        (
            "Why now? Because stocks are low! Officials agree.",
            ["Why now?", "Because stocks are low!", "Officials agree."],
        ),
        (
            "- Allies agreed to pool orders. Deliveries start soon.",
            ["Allies agreed to pool orders.", "Deliveries start soon."],
        ),
        ("2. The second clause applies.", ["The second clause applies."]),
        ("(b) the word “vessel” covers any ship;", ["the word “vessel” covers any ship;"]),
        (
            "It costs $1.2 billion, or approx. 1.1 billion euros.",
            ["It costs $1.2 billion, or approx. 1.1 billion euros."],
        ),
        ("The plan... it failed. Next came talks.", ["The plan... it failed.", "Next came talks."]),
        ("  Trailing text without a stop  ", ["Trailing text without a stop"]),
        (
            "FORT EXAMPLE, Colo. — The army will test drones. It said so.",
            ["FORT EXAMPLE, Colo. — The army will test drones.", "It said so."],
        ),
        ("", []),
    ],
)
def test_sentence_spans(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_offsets_are_relative_to_the_text() -> None:
    text = "One ship sailed. Two ships followed."
    assert sentence_spans(text) == [(0, 16), (17, 36)]


@pytest.mark.parametrize(
    "text",
    [
        "The ministry also announced a new training programme and",
        "Their capacity to assemble such low-cost interceptor drones",
        "Officials said the first batch would arrive in",
        "The plant will open in 2026, according to",
        "The talks continued…",
        "Deliveries will resume once the bridge is repaired,",
    ],
)
def test_truncated(text: str) -> None:
    assert is_truncated(text)


@pytest.mark.parametrize(
    "text",
    [
        "The plant opened on Monday.",
        '"It is done," he said.',
        "Is the deal final?",
        "The following items were listed:",
        "Thank you",
        "Drone output",
    ],
)
def test_not_truncated(text: str) -> None:
    assert not is_truncated(text)


def test_ends_with_terminal() -> None:
    assert ends_with_terminal("Done.”")
    assert not ends_with_terminal("Wait...")
