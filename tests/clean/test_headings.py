import pytest

from materiel.clean.headings import ends_sentence, glued_heading_end, is_standalone_heading


@pytest.mark.parametrize(
    "line",
    [
        "Drone output",
        "Shipyards in focus",
        "Poland Expands Artillery Output",
        "What Comes Next For The Alliance?",
        "Article IV: Defence Cooperation",
    ],
)
def test_standalone_headings(line: str) -> None:
    assert is_standalone_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "The ministry said the order was signed.",
        "The ministry also announced a new training programme and",
        "What are the goals of the meeting?",
        "He added:",
        "- Allies discussed joint production of shells",
        "Officials said. The plant opened",
        "The company, which builds radars and sonars for navies across the region, said on Tuesday",
        "",
    ],
)
def test_not_standalone_headings(line: str) -> None:
    assert not is_standalone_heading(line)


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        (
            "Poland Expands Artillery Output The Polish defense ministry said on Monday it "
            "would double shell production.",
            "Poland Expands Artillery Output",
        ),
        (
            "Drone Deal Signals New Phase Ukrainian Minister Ivan Petrenko announced a joint "
            "venture.",
            "Drone Deal Signals New Phase",
        ),
        (
            "Navy Plans to Grow Submarine Fleet The admiralty wants four more boats.",
            "Navy Plans to Grow Submarine Fleet",
        ),
        (
            "Why Air Defence Matters Now Lithuania wants more launchers before winter.",
            "Why Air Defence Matters Now",
        ),
        (
            "What Comes Next For The Alliance? Diplomats expect more talks in June.",
            "What Comes Next For The Alliance?",
        ),
        (
            "Budget Talks Stall In Parliament Finance Minister Ann Lee said a deal was near.",
            "Budget Talks Stall In Parliament",
        ),
    ],
)
def test_glued_headings_are_found(line: str, heading: str) -> None:
    end = glued_heading_end(line)
    assert end is not None
    assert line[:end].rstrip() == heading
    assert line[end] != " "


@pytest.mark.parametrize(
    "line",
    [
        "National Security Adviser Jane Doe met her Polish counterpart on Tuesday.",
        "Former British Defence Secretary John Roe has criticised the plan.",
        "Top US General Mark Doe said the drills would continue.",
        "Japan's Prime Minister Ken Sato is visiting Kyiv this week.",
        "The European Union has agreed a new package of sanctions.",
        "The Nordic Naval Research Agency published a study on Friday.",
        "Ann Lee, Bo Roe and Cy Doe in Kyiv contributed reporting.",
        "According to the Springfield Daily Herald Kyiv asked for more shells.",
        "Officers of the Armed Forces of Moldova General Staff said the drill ended.",
        "On March 3, the Polish Sejm adopted a resolution on defence spending.",
        "NATO Secretary General Ann Lee and EU trade chief Bo Roe met.",
        "UN Envoy-designate Ann Lee: “We will stand with our partners,” she said.",
        "- Providing Air Defence Support: The government is sending new aid.",
        "Reuters reported that the plant would reopen.",
        "NAVY SHIPYARD FIRE DELAYS FRIGATE PROGRAMME",
    ],
)
def test_normal_sentences_are_left_alone(line: str) -> None:
    assert glued_heading_end(line) is None


def test_ends_sentence() -> None:
    assert ends_sentence('He said it was "final."')
    assert ends_sentence("Is it over?")
    assert not ends_sentence("Drone output")
