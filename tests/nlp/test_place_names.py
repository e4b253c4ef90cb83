"""Towns the small model misreads as people, groups or products, relabelled from the
gazetteer when the sentence uses them as places (`materiel.nlp.place_names`)."""

from __future__ import annotations

import pytest

from materiel.nlp.lexicon import PLACE_LABELS
from materiel.nlp.place_names import known_town


def _label(doc, word: str) -> str | None:
    tok = next(t for t in doc if t.text == word)
    return tok.ent_type_ or None


@pytest.mark.parametrize(("text", "town"), [
    ("Ukrainian drones hit an airfield outside Kursk overnight.", "Kursk"),
    ("Ukrainian sea drones struck a Russian warship near Sevastopol on Sunday.", "Sevastopol"),
    ("Russian forces kept up their assault on Mariupol, officials said.", "Mariupol"),
    ("Shelling continued in the Zaporizhzhia region on Tuesday.", "Zaporizhzhia"),
    ("Russia fired missiles at Kyiv, Lutsk and Ternopil overnight.", "Ternopil"),
    # a town of two words read as a person is still a town
    ("Fighting raged in Khan Younis as Israeli tanks pushed into the city centre.", "Younis"),
    ("Russia said it shot down 12 drones over the Belgorod and Kursk regions.", "Kursk"),
])
def test_a_town_used_as_a_place_is_a_place(parse, text: str, town: str) -> None:
    assert _label(parse(text), town) in PLACE_LABELS


@pytest.mark.parametrize(("text", "word"), [
    # the document names the person in full: the surname alone stays a person
    ("Lloyd Austin spoke to reporters. The request came from Austin and his aides.", "Austin"),
    # after a title
    ("The letter from Mr Garland reached the committee on Monday.", "Garland"),
    # one word of a longer name
    ("Today, on Ukrainian Armed Forces Day, the conference opened.", "Day"),
    # a ship takes the article a town does not
    ("Missiles were launched from the Moskva before the cruiser sank.", "Moskva"),
    ("Navy jets from the Lincoln struck Houthi radar sites on Friday.", "Lincoln"),
    # a maker or a sender after "from"
    ("The Army ordered 2,000 tactical vehicles from Oshkosh under a new contract.", "Oshkosh"),
    ("A letter from Jackson urged the Navy to delay the award.", "Jackson"),
    # a headline in title case
    ("Pressure Mounts On Austin After Hospital Stay Revelation", "Austin"),
])
def test_people_and_longer_names_stay(parse, text: str, word: str) -> None:
    assert _label(parse(text), word) not in ("LOC", "GPE")


def test_only_towns_the_gazetteer_knows_big_enough() -> None:
    assert known_town("Kramatorsk") and known_town("Mykolaiv")
    assert not known_town("Zelensky") and not known_town("Leopard")
