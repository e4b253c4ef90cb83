"""The text of an agreement: its clauses are undertakings, not transfers or attacks."""

from __future__ import annotations

from materiel.extract.clauses import clause_drops, is_agreement_text

PACT = """Norway and Chile signed a defence cooperation agreement in Oslo on Monday.
The Parties shall consult regularly on regional security.
Norway commits to support Chile's acquisition of coastal patrol vessels and radars.
Both sides intend to pursue the procurement of artillery shells for the Chilean army.
The Parties intend to exchange information on maritime threats.
Norway will endeavour to provide training and spare parts to the Chilean navy.
This Agreement shall enter into force upon signature by both Parties."""

NEWS = """Chile bought six coastal patrol vessels from Norway on Monday.
The vessels will be delivered next year, the ministry said.
Norway also donated 20 radars to the Chilean navy, officials said."""


def test_agreement_text_detected(make_clean):
    assert is_agreement_text(make_clean(PACT))
    assert not is_agreement_text(make_clean(NEWS))


def test_clause_drops_undertakings():
    clause = "Both sides intend to pursue the procurement of artillery shells for the army."
    assert clause_drops("procurement", clause)
    assert clause_drops("aid", "Norway will endeavour to provide training and spare parts.")
    assert not clause_drops("agreement", "This Agreement shall enter into force upon signature.")
    assert clause_drops("agreement", "Norway plans to invite Chilean forces to join its drills.")
    recital = "Reaffirming their support for Chile's future in the Rio Treaty Organization;"
    assert clause_drops("agreement", recital)


def test_agreement_text_keeps_only_signing(extractor, make_clean):
    events = extractor.extract(make_clean(PACT))
    types = {e.type for e in events}
    assert not types & {"aid", "procurement", "strike"}, [e.to_json() for e in events]
    assert "agreement" in types


def test_news_still_mined(extractor, make_clean):
    types = {e.type for e in extractor.extract(make_clean(NEWS))}
    assert {"procurement", "aid"} <= types
