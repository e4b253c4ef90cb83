from materiel.clean.repeats import repeat_key, repeated_lines


def test_later_copies_are_flagged() -> None:
    lines = [
        "Norway will open a second rocket motor plant next year.",
        "Norway will open a second rocket motor plant next year.",
        "The plant will employ 200 people.",
        "Norway will open a second rocket motor plant next year.",
    ]
    assert repeated_lines(lines) == [1, 3]


def test_comparison_ignores_case_punctuation_and_spacing() -> None:
    lines = [
        "Sweden orders 20 new patrol boats.",
        "SWEDEN orders 20 new patrol boats",
        "Sweden  orders 20 new patrol-boats!",
    ]
    assert repeated_lines(lines) == [1, 2]
    assert repeat_key("Sweden orders—boats.") == "sweden orders boats"


def test_short_lines_may_repeat() -> None:
    assert repeated_lines(["Thank you.", "Thank you.", "(Applause.)", "(Applause.)"]) == []


def test_distinct_lines_are_kept() -> None:
    assert repeated_lines(["The army buys tanks.", "The navy buys ships."]) == []
