from __future__ import annotations

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError

from materiel import review
from materiel.review import audit
from materiel.review.actions import _roles
from materiel.store.query import get_event
from materiel.store.schema import audit_log, events


def _ids(store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {r.evidence.split()[0]: r.id for r in conn.execute(select(events))}


def _state(store, event_id):
    with store.engine.connect() as conn:
        return conn.execute(select(events.c.review_state, events.c.reviewed_by)
                            .where(events.c.id == event_id)).one()


def _log(store, event_id):
    with store.engine.connect() as conn:
        return audit.event_entries(conn, event_id)


def test_accept_and_reject_write_the_state_and_the_audit(store):
    ids = _ids(store)
    review.accept(store, ids["Norway"], "ana", reason="checked the source")
    review.reject(store, ids["Denmark"], "ana")
    assert tuple(_state(store, ids["Norway"])) == ("accepted", "ana")
    assert _state(store, ids["Denmark"]).review_state == "rejected"
    [entry] = _log(store, ids["Norway"])
    assert (entry["user"], entry["action"], entry["field"]) == ("ana", "accept", "review")
    assert entry["before"]["state"] == "unreviewed"
    assert entry["after"]["state"] == "accepted"
    assert entry["reason"] == "checked the source"


def test_edit_records_each_field_before_and_after(store):
    ids = _ids(store)
    key = review.edit(store, ids["Norway"], "ben", review.EventEdit(
        type="aid", date="2025-03-01", status="done",
        roles={"donor": [{"text": "Norway", "id": "country:NO"}],
               "recipient": [{"text": "a maker"}], "quantity": [{"text": "10"}]}))
    assert key is not None
    event = get_event(store, ids["Norway"])
    assert event is not None
    assert (event["type"], event["date"], event["status"]) == ("aid", "2025-03-01", "done")
    assert event["args"]["donor"] == [{"text": "Norway", "name": "Norway", "id": "country:NO"}]
    assert event["args"]["quantity"] == [{"text": "10", "value": 10.0}]
    rows = {e["field"]: e for e in _log(store, ids["Norway"])}
    assert rows["type"]["before"] == "procurement" and rows["type"]["after"] == "aid"
    assert rows["date"]["before"] is None and rows["date"]["after"] == "2025-03-01"
    assert rows["roles"]["before"] == {"buyer": [{"text": "Norway", "start": 7, "end": 13}]}
    assert rows["review"]["after"]["state"] == "edited"
    assert _state(store, ids["Norway"]).review_state == "edited"


def test_edit_refuses_roles_the_type_does_not_have(store):
    ids = _ids(store)
    with pytest.raises(ValueError, match="no role 'buyer'"):
        review.edit(store, ids["Norway"], "ben", review.EventEdit(type="aid"))
    with pytest.raises(ValueError, match="unknown event type"):
        review.edit(store, ids["Norway"], "ben", review.EventEdit(type="party"))
    assert _log(store, ids["Norway"]) == []


def test_an_edit_that_changes_nothing_writes_nothing(store):
    ids = _ids(store)
    assert review.edit(store, ids["Chile"], "ben", review.EventEdit(type="procurement")) is None
    assert _log(store, ids["Chile"]) == []


def test_undo_restores_the_values_with_a_new_audit_entry(store):
    ids = _ids(store)
    event_id = ids["Norway"]
    review.accept(store, event_id, "ana")
    review.edit(store, event_id, "ana", review.EventEdit(date="2025-03-01", roles={
        "buyer": [{"text": "Norway"}], "seller": [{"text": "a maker"}]}))
    assert review.undo(store, event_id, "ana") is not None
    event = get_event(store, event_id)
    assert event is not None and event["date"] is None
    with store.engine.connect() as conn:
        assert _roles(conn, event_id) == {"buyer": [{"text": "Norway", "start": 7, "end": 13}]}
    assert _state(store, event_id).review_state == "accepted"
    review.undo(store, event_id, "ana")  # now the accept
    assert tuple(_state(store, event_id)) == ("unreviewed", None)
    assert review.undo(store, event_id, "ana") is None  # nothing left
    log = _log(store, event_id)
    undos = [e for e in log if e["action"] == "undo"]
    assert len(undos) == 4  # review, roles, date; then review
    date_undo = next(e for e in undos if e["field"] == "date")
    assert (date_undo["before"], date_undo["after"]) == ("2025-03-01", None)
    assert len(log) == 8  # nothing was overwritten


def test_the_audit_log_refuses_updates_and_deletes(store):
    ids = _ids(store)
    review.accept(store, ids["Norway"], "ana")
    for statement in (update(audit_log).values(user_name="mallory"), delete(audit_log)):
        with pytest.raises(DBAPIError), store.transaction() as conn:
            conn.execute(statement)
    assert [e["user"] for e in _log(store, ids["Norway"])] == ["ana"]


def test_add_a_missed_event_from_a_sentence_and_undo_it(store):
    with store.engine.connect() as conn:
        doc_id = conn.execute(select(events.c.document_id)).scalar()
    event_id = review.add_event(store, "ana", review.NewEvent(
        document_id=doc_id, sentence=3, type="meeting",  # 0: the title
        roles={"participant": [{"text": "weather"}]}))
    event = get_event(store, event_id)
    assert event is not None
    assert event["evidence"] == "The weather was mild."
    assert event["sentence"] is not None
    assert _state(store, event_id).review_state == "accepted"
    assert [e["action"] for e in _log(store, event_id)] == ["add", "add"]
    with pytest.raises(review.NotFound):
        review.add_event(store, "ana", review.NewEvent(document_id=doc_id, sentence=99,
                                                       type="meeting"))
    review.undo(store, event_id, "ana")
    assert get_event(store, event_id) is None
    assert _log(store, event_id)[-1]["action"] == "undo"


def test_unknown_event_is_not_found(store):
    with pytest.raises(review.NotFound):
        review.accept(store, 99999, "ana")
