import pytest

from materiel.clean.credits import (
    is_byline,
    is_contributor_credit,
    is_name_list,
    is_photo_credit,
    is_wire_credit,
    source_credit_length,
)


def test_name_list() -> None:
    assert is_name_list("Ann Lee in Kyiv, Bo Roe in Riga and Cy Doe in Oslo")
    assert not is_name_list("Several allies also")


def test_contributor_credit_needs_names_or_report() -> None:
    assert is_contributor_credit("Fox Desk's Ann Lee contributed reporting.")
    assert not is_contributor_credit("France and Italy contributed.")


def test_wire_credit_needs_only_agencies() -> None:
    assert is_wire_credit("Reuters/AP")
    assert not is_wire_credit("Reuters reported it first")


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("SOURCE: PTI The army said on Friday it had tested a missile.", "The army said"),
        ("SOURCE: ANN LEE / DESK / EXAMPLE.ORG. India plans a new radar.", "India plans"),
        ("SOURCE: ANN LEE / DESK / EXAMPLE.ORG India plans a new radar.", "India plans"),
        ("SOURCE: XYZ HAL has delivered two jets.", "HAL has"),
        ("SOURCE: PTI US officials said the deal was signed.", "US officials"),
        ("SOURCE: Example Radio of Ruritania The ministry will buy radars.", "The min"),
    ],
)
def test_source_credit_prefix(line: str, kept: str) -> None:
    assert line[source_credit_length(line) :].startswith(kept)


def test_no_source_credit() -> None:
    assert source_credit_length("Sources said the deal was close.") == 0


def test_byline_needs_names() -> None:
    assert is_byline("Story by Ann Lee, Example Press Service")
    assert not is_byline("By Tuesday, the troops had withdrawn.")


def test_photo_credit_needs_a_credit() -> None:
    assert is_photo_credit("Tanks on parade in the capital (Ann Lee/Reuters)")
    assert not is_photo_credit("The photos showed tanks on parade in the capital.")


def test_a_wire_credit_in_parentheses_is_a_credit():
    assert is_contributor_credit("(Reporting by Ann Lee in Oslo; Editing by Bo Roe)")
    assert not is_contributor_credit("(The ministry said the report would follow.)")
