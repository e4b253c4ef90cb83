"""A state's own tribunal on export controls sanctioning firms is the state's measure, with
its imposer and its targets whole (review of round 15, item 4). Our own sentence."""

from __future__ import annotations


def test_a_states_export_control_tribunal_sanction_is_whole(kb_extractor, make_clean):
    text = ("Ostmark's tribunal for export controls sanctioned two firms that shipped rifle "
            "scopes to Russia.")
    events = [e for e in kb_extractor.extract(make_clean(text)) if e.type == "sanction"]
    assert events
    for e in events:
        assert {a.text for a in e.args["imposer"]} == {"Ostmark"}
        assert {a.text for a in e.args["target"]} == {"firms"}
