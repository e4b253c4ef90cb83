"""Word lists: titles written before names, words of government, place kinds."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split(",") if p.strip())


GENERIC_TITLES = _phrases(
    """president, vice president, prime minister, deputy prime minister, first deputy prime
    minister, chancellor, minister, deputy minister, defense minister, defence minister,
    foreign minister, minister of defense, minister of defence, minister of foreign affairs,
    secretary, secretary of state, secretary of defense, defense secretary, defence secretary,
    secretary general, secretary-general, deputy secretary general, king, queen, emperor,
    crown prince, prince, sheikh, emir, sultan, chief of staff, chief of the general staff,
    commander, commander-in-chief, commander in chief, gen, general, lt gen, lieutenant general,
    major general, maj gen, brig gen, brigadier general, admiral, adm, vice admiral,
    rear admiral, colonel, col, lt col, lieutenant colonel, major, captain, capt, ceo,
    chief executive, chief executive officer, chairman, chairwoman, chair, president and ceo,
    founder, co-founder, managing director, director, director general, head, spokesperson,
    spokesman, spokeswoman, senator, sen, rep, representative, congressman, congresswoman,
    ambassador, envoy, speaker, mr, mrs, ms, dr, mp, governor, mayor, premier, ombudsman,
    adviser, advisor, national security adviser, chief of defence, chief of defense"""
)
# Words that end a title ("Strategic Industries Minister", "Air Force Commander").
TITLE_HEADS = _words(
    """president minister chancellor secretary secretary-general king queen prince emir
    sultan commander commander-in-chief general gen admiral adm colonel col major captain
    capt ceo chairman chairwoman chair founder co-founder director head spokesperson
    spokesman spokeswoman senator sen rep representative congressman congresswoman
    ambassador envoy speaker mr mrs ms dr mp governor mayor premier ombudsman adviser advisor
    chief officer lt lieutenant brig sheikh"""
)
# Words that, next to a country, still mean that country's state ("German government").
GOV_WORDS = _words(
    """government governments ministry ministries defense defence military militaries armed
    forces force army armies navy navies air marines marine corps cabinet administration
    officials authorities troops of the and foreign affairs war office department general
    staff stocks stockpiles stockpile parliament state national guard border service services
    security intelligence federal royal people's peoples republic leadership side command
    ground land space self self-defense self-defence procurement agency mod mfa president's
    presidential presidency regime junta kingdom"""
)
REGION_WORDS = _words(
    """region oblast province krai kray state county district raion rayon governorate
    prefecture voivodeship canton land territory"""
)
CITY_WORDS = _words("city town port village")
# Words that mark a weapon next to an ambiguous name ("K9 howitzers", "Lancet drones").
MILITARY_WORDS = _words(
    """howitzer howitzers tank tanks missile missiles drone drones system systems launcher
    launchers jet jets fighter fighters aircraft vehicle vehicles gun guns rocket rockets
    interceptor interceptors helicopter helicopters frigate frigates submarine submarines
    corvette corvettes destroyer destroyers rifle rifles ammunition shell shells munition
    munitions battery batteries ifv ifvs apc apcs mbt mbts sph uav uavs ucav air-defense
    artillery armored armoured radar radars warship warships bomber bombers loitering strike
    strikes fired launched shot unit units mounted variant version upgrade upgraded
    self-propelled anti-aircraft anti-tank"""
)
