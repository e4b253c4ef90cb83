""""We" and "I" in statements: the quote's speaker's country, else the government whose
statement the document is; nothing when neither is known."""

from __future__ import annotations

import pytest

from materiel.clean import clean
from materiel.extract import Extractor
from materiel.extract.speaker import domain_country, statement_author
from materiel.models import Document, Event


def _extract(
    ex: Extractor,
    text: str,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
):
    doc = Document(
        id="fp", text=text, title=title, published="2024-03-06", url=url, outlet=outlet
    )
    return ex.extract(clean(doc))


def _names(e: Event, role: str) -> set[str]:
    return {a.name or a.text for a in e.args.get(role, [])}


@pytest.mark.parametrize(
    ("host", "iso"),
    [
        ("www.defense.gov", "US"),
        ("www.army.mil", "US"),
        ("www.gov.uk", "GB"),
        ("mod.gov.in", "IN"),
        ("www.defense.gouv.fr", "FR"),
        ("www.reuters.com", None),
        ("kyivindependent.com", None),
    ],
)
def test_government_domains(host: str, iso: str | None) -> None:
    assert domain_country(host) == iso


def test_statement_of_a_government_site(kb_extractor: Extractor) -> None:
    text = (
        "Today I authorized a new package of security assistance for Moldova worth $90 million.\n"
        "We have also imposed sanctions on Almaz-Antey and 40 other defense firms."
    )
    events = _extract(kb_extractor, text, url="https://www.state.gov/statement-x")
    aid = [e for e in events if e.type == "aid"]
    assert aid and _names(aid[0], "donor") == {"United States"}
    sanction = [e for e in events if e.type == "sanction"]
    assert sanction and _names(sanction[0], "imposer") == {"United States"}


def test_quote_speaker_side(kb_extractor: Extractor) -> None:
    text = (
        '"We are sending 40 armoured vehicles to Moldova," the Polish defence minister said '
        "on Tuesday."
    )
    events = _extract(kb_extractor, text, outlet="news (US)")
    aid = [e for e in events if e.type == "aid"]
    assert aid and _names(aid[0], "donor") == {"Poland"}


def test_no_side_no_event(kb_extractor: Extractor) -> None:
    text = "We are sending 40 armoured vehicles to Moldova next month."
    events = _extract(kb_extractor, text, url="https://www.example-news.com/a")
    assert not [e for e in events if e.type == "aid"]


@pytest.mark.parametrize(
    ("title", "author"),
    [
        ("Statement from President Maria Lopez Ahead of Independence Day", "President Maria Lopez"),
        ("Remarks by Prime Minister Jan Novak and President Ana Silva Before Talks",
         "Prime Minister Jan Novak"),
        ("Statement by Minister Ola Berg on the Defence Budget", "Minister Ola Berg"),
        ("Minister Ola Berg visits Oslo shipyard", None),
        ("Statement from the Ministry of Defence", None),
    ],
)
def test_statement_author(title: str, author: str | None) -> None:
    doc = Document(id="fp", text="x", title=title)
    assert statement_author(doc) == author


def test_i_in_a_call_is_the_statements_author(kb_extractor: Extractor) -> None:
    text = "Today I spoke with President Zelensky about air defence for Ukraine."
    events = _extract(kb_extractor, text, url="https://www.state.gov/statement-x",
                      title="Statement from Secretary Jane Doyle on Ukraine")
    meeting = [e for e in events if e.type == "meeting"]
    assert meeting and "United States" not in _names(meeting[0], "participant")
    assert any("Jane Doyle" in n for n in _names(meeting[0], "participant"))


def test_i_in_a_quoted_call_is_the_named_speaker(kb_extractor: Extractor) -> None:
    text = ('"I spoke with President Zelensky about air defence this morning," Olaf Brenner, '
            "the German chancellor, told reporters on Tuesday.")
    events = _extract(kb_extractor, text, outlet="news (US)")
    meeting = [e for e in events if e.type == "meeting"]
    assert meeting and "Olaf Brenner" in _names(meeting[0], "participant")
    assert "Germany" not in _names(meeting[0], "participant")
