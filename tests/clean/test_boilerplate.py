import pytest

from materiel.clean.boilerplate import boilerplate_reason, trailing_notice_start

BOILERPLATE = [
    ("Sign up for our daily Frontline newsletter here.", "newsletter prompt"),
    (
        "Stay ahead of the news. Sign up to get the Defence Desk briefing in your inbox.",
        "newsletter prompt",
    ),
    ("The Morning Brief: our free daily newsletter", "newsletter prompt"),
    ("Share this article", "share prompt"),
    ("Follow us on Telegram for the latest updates.", "share prompt"),
    ("CLICK HERE TO GET THE NEWS APP", "promo link"),
    ("Commander describes the new drones – video", "promo link"),
    ("Read more: Why artillery shells are running short", "related link"),
    ("Related: Navy orders two frigates", "related link"),
    ("Read also: Finland signs air defence deal", "related link"),
    ("Ann Lee in Kyiv and Bo Roe in Warsaw contributed.", "contributor credit"),
    ("The Example Press contributed to this report.", "contributor credit"),
    ("Reporting by Ann Lee; Editing by Bo Roe", "contributor credit"),
    ("AP, Reuters", "wire credit"),
    ("(AFP)", "wire credit"),
    ("Source: Reuters", "wire credit"),
    ("Source: Example Radio", "source credit"),
    ("Key Takeaways", "key takeaways header"),
    ("Key points:", "key takeaways header"),
    (
        "We use cookies to improve your experience on our site. Accept all cookies?",
        "cookie notice",
    ),
    ("Subscribe now to continue reading this article.", "paywall notice"),
    ("Already a subscriber? Log in to read the full story.", "paywall notice"),
    ("Photo: Defence Ministry press service", "photo credit"),
    ("A crew loads a howitzer near the front. Photograph: Ann Lee/AP", "photo credit"),
    ("Soldiers unload crates at the depot. Ann Lee/AFP via Getty Images", "photo credit"),
    ("By Sgt. Ann Lee, 3rd Infantry Division", "byline"),
    ("Advertisement", "advertisement"),
    ("<!-- -->", "markup residue"),
    ("* * *", "markup residue"),
    ("The views expressed in this column are the author's own.", "disclaimer"),
    ("This article cannot be republished without consent from the editor.", "disclaimer"),
    ("Kyiv XYZ —", "outlet dateline"),
    ("NAVY SHIPYARD FIRE DELAYS FRIGATE PROGRAMME BY A YEAR", "related headline"),
]


@pytest.mark.parametrize(("line", "reason"), BOILERPLATE)
def test_boilerplate_is_recognised(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


NEWS = [
    "Reuters reported on Monday that the plant would double its output of shells.",
    "The ministry told Reuters the contract was worth 2 billion euros.",
    "AP and Reuters journalists were shown the new production line in Brno.",
    "Germany contributed 500 million euros to the fund, the ministry said.",
    "Several allies also contributed.",
    "The alliance sends a monthly newsletter to its members about procurement.",
    "By Tuesday, the troops had withdrawn from the village.",
    "By the end of the year, the factory will produce 10,000 drones a month.",
    "Satellite photos reviewed by analysts show new buildings at the site.",
    "The photo agency said it had been hacked, according to a statement.",
    "Officials said they would share more details after the summit.",
    "Related talks on air defence are due in Brussels next week.",
    "Follow-up talks are planned for October, the minister said.",
    "The company said it would not subscribe to the new export rules.",
    "Read the statement in full, the spokesperson urged reporters.",
    "Drone output",
    "Poland Expands Artillery Output",
    "NATO",
    "The ministry said a cookie factory near the border was hit by a drone.",
]


@pytest.mark.parametrize("line", NEWS)
def test_news_is_kept(line: str) -> None:
    assert boilerplate_reason(line) is None


def test_trailing_disclaimer() -> None:
    line = "The navy ordered six boats in May. Disclaimer : guest writers' views are their own."
    start = trailing_notice_start(line)
    assert start is not None and line[:start] == "The navy ordered six boats in May."
    assert trailing_notice_start("Disclaimer: guest writers' views are their own.") is None
    assert trailing_notice_start("The navy ordered six boats in May.") is None


def test_long_lines() -> None:
    paragraph = " ".join(["The shipyard said the frigate would be ready by spring."] * 12)
    assert boilerplate_reason(paragraph) is None
    promo = "Sign up to the Morning Brief newsletter. " + " ".join(["Details follow here."] * 40)
    assert boilerplate_reason(promo) == "newsletter prompt"
