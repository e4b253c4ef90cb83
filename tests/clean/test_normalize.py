from materiel.clean.normalize import line_spans, normalize_line, normalize_text, raw_offset


def test_composes_to_nfc() -> None:
    assert normalize_line("Pe\u0301rez visited Kyiv") == "Pérez visited Kyiv"


def test_odd_spaces_become_one_space() -> None:
    line = "\u00a0 The\u00a0army \u2009ordered\t\tten\u202ftrucks.  "
    assert normalize_line(line) == "The army ordered ten trucks."


def test_invisible_characters_are_dropped() -> None:
    assert (
        normalize_line("Rhein\u00admetall\u200b opened a\ufeff plant")
        == "Rheinmetall opened a plant"
    )


def test_markup_is_dropped() -> None:
    assert normalize_line("<u>Security Assistance</u>") == "Security Assistance"
    assert normalize_line('<span class="x">Sec</span>. 2 applies') == "Sec. 2 applies"
    assert normalize_line("<!-- -->") == ""
    assert normalize_line("a budget of 3 < 4 billion") == "a budget of 3 < 4 billion"


def test_line_spans_know_every_line_break() -> None:
    text = "one\r\ntwo\rthree\n\nfour\u2028five"
    assert [text[start:end] for start, end in line_spans(text)] == [
        "one",
        "two",
        "three",
        "",
        "four",
        "five",
    ]


def test_normalize_text_keeps_the_lines() -> None:
    assert normalize_text("  First  line \r\n\r\nSecond\u00a0line") == "First line\n\nSecond line"


def test_raw_offset_follows_the_collapse() -> None:
    raw = "  SOURCE:\u00a0\u00a0 ABC \u200bThe army said"
    normalised = normalize_line(raw)
    index = normalised.index("The")
    assert raw[raw_offset(raw, index) :] == "The army said"
    assert raw_offset(raw, 0) == 2
    assert raw_offset(raw, len(normalised)) == len(raw)


def test_raw_offset_skips_tags() -> None:
    raw = "<b>SOURCE:</b> ABC The army said"
    index = normalize_line(raw).index("The")
    assert raw[raw_offset(raw, index) :] == "The army said"
