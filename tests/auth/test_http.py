from __future__ import annotations

import re

import pytest
from auth_app import PASSWORD, make_client
from sqlalchemy import select

from materiel.auth import create_token, revoke_token
from materiel.auth import http as auth_http
from materiel.store.schema import audit_log, events


def _event_ids(store) -> list[int]:
    with store.engine.connect() as conn:
        return [r[0] for r in conn.execute(select(events.c.id).order_by(events.c.id))]


def _csrf(client, path="/login") -> str:
    page = client.get(path)
    assert page.status_code == 200
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert found, page.text[:500]
    return found.group(1)


def _login(client) -> str:
    token = _csrf(client)
    response = client.post("/login", data={"csrf_token": token, "name": "ana",
                                           "password": PASSWORD, "next": "/review"},
                           follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/review"
    return _csrf(client, "/review")  # a new token after the login


def _audit(store) -> list[tuple[str, str, str]]:
    with store.engine.connect() as conn:
        return [(r.user_name, r.action, r.field) for r in conn.execute(
            select(audit_log).order_by(audit_log.c.id))]


def test_changes_without_a_login_are_refused(client, store):
    event_id = _event_ids(store)[0]
    api = client.post(f"/api/v1/events/{event_id}/review", json={"action": "accept"})
    assert api.status_code == 401
    assert api.json()["error"]["code"] == "login_required"
    web = client.post(f"/review/{event_id}/accept", data={"csrf_token": _csrf(client)})
    assert web.status_code == 401
    assert client.patch(f"/api/v1/events/{event_id}", json={"date": "2025"}).status_code == 401
    assert _audit(store) == []


def test_login_needs_the_right_password_and_a_csrf_token(client):
    token = _csrf(client)
    wrong = client.post("/login", data={"csrf_token": token, "name": "ana",
                                        "password": "not the password"})
    assert wrong.status_code == 401 and "Wrong name or password" in wrong.text
    no_csrf = client.post("/login", data={"name": "ana", "password": PASSWORD})
    assert no_csrf.status_code == 403


def test_a_logged_in_change_needs_the_csrf_token(client, store):
    event_id = _event_ids(store)[0]
    token = _login(client)
    missing = client.post(f"/review/{event_id}/accept", data={"next": "/review"})
    assert missing.status_code == 403
    forged = client.post(f"/review/{event_id}/accept", data={"csrf_token": "forged"})
    assert forged.status_code == 403
    api_missing = client.post(f"/api/v1/events/{event_id}/review", json={"action": "reject"})
    assert api_missing.status_code == 403
    assert _audit(store) == []
    done = client.post(f"/review/{event_id}/accept", data={"csrf_token": token},
                       follow_redirects=False)
    assert done.status_code == 303
    by_script = client.post(f"/api/v1/events/{_event_ids(store)[1]}/review",
                            json={"action": "reject", "reason": "not an order"},
                            headers={"X-CSRF-Token": token})
    assert by_script.status_code == 200
    assert by_script.json()["audit"][0]["reason"] == "not an order"
    assert _audit(store) == [("ana", "accept", "review"), ("ana", "reject", "review")]


def test_review_edit_and_undo_through_the_pages(client, store):
    event_id = _event_ids(store)[0]
    token = _login(client)
    queue = client.get("/review")
    assert queue.status_code == 200 and "Accept <kbd>a</kbd>" in queue.text
    edit = client.post(f"/review/{event_id}/edit", data={
        "csrf_token": token, "type": "procurement", "date": "2025-01-05", "status": "planned",
        "role_0": "buyer", "text_0": "Norway", "id_0": "country:NO",
        "role_1": "seller", "text_1": "a maker", "reason": "date in the text"},
        follow_redirects=False)
    assert edit.status_code == 303
    page = client.get(f"/events/{event_id}")
    assert "date in the text" in page.text and "2025-01-05" in page.text
    undo = client.post(f"/review/{event_id}/undo", data={"csrf_token": token},
                       follow_redirects=False)
    assert undo.status_code == 303
    fields = [f for _, action, f in _audit(store) if action == "undo"]
    assert set(fields) == {"date", "roles", "review", "status"}
    with store.engine.connect() as conn:
        assert conn.execute(select(events.c.date, events.c.review_state)
                            .where(events.c.id == event_id)).one() == ("2025-01-02",
                                                                         "unreviewed")
    bad = client.post(f"/review/{event_id}/edit", data={
        "csrf_token": token, "type": "procurement", "role_0": "donor", "text_0": "x"})
    assert bad.status_code == 400 and "no role" in bad.text


def test_api_tokens_work_until_revoked(client, store):
    event_id = _event_ids(store)[0]
    token_id, secret = create_token(store, "ana", "a script")
    headers = {"Authorization": f"Bearer {secret}"}
    ok = client.post(f"/api/v1/events/{event_id}/review", json={"action": "accept"},
                     headers=headers)
    assert ok.status_code == 200, ok.text
    assert ok.json()["audit"][0]["user"] == "ana"
    undone = client.post(f"/api/v1/events/{event_id}/undo", headers=headers)
    assert undone.status_code == 200
    assert client.post(f"/api/v1/events/{event_id}/undo", headers=headers).status_code == 409
    assert revoke_token(store, token_id)
    refused = client.post(f"/api/v1/events/{event_id}/review", json={"action": "accept"},
                          headers=headers)
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "invalid_token"
    audit = client.get(f"/api/v1/events/{event_id}/audit").json()["items"]
    assert [e["action"] for e in audit] == ["accept", "undo"]


def test_reading_behind_a_login(store):
    client = make_client(store, login_required_to_read=True)
    page = client.get("/review", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/login?next=/review"
    assert client.get("/api/v1/events").status_code == 401
    assert client.get("/static/review.js").status_code == 200
    _, secret = create_token(store, "ana", "reader")
    assert client.get("/api/v1/events",
                      headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    _login(client)
    assert client.get("/").status_code == 200


def test_sessions_expire(client, store, monkeypatch):
    token = _login(client)
    real = auth_http.time.time
    monkeypatch.setattr(auth_http.time, "time", lambda: real() + 9 * 3600)
    response = client.post(f"/review/{_event_ids(store)[0]}/accept",
                           data={"csrf_token": token})
    assert response.status_code == 401


def test_request_bodies_over_the_limit_are_refused(store):
    client = make_client(store, max_request_bytes=1000)
    response = client.post("/login", content=b"x" * 5000,
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil"])
def test_login_redirects_stay_on_the_site(client, target):
    token = _csrf(client)
    response = client.post("/login", data={"csrf_token": token, "name": "ana",
                                           "password": PASSWORD, "next": target},
                           follow_redirects=False)
    assert response.headers["location"] == "/"


def _three_sentences(store) -> int:
    """A stored document of three sentences, no events; its store id."""
    from materiel.models import CleanDocument, Document, Provenance, Sentence

    lines = ["Chile ordered two frigates.", "The weather was mild.", "Peru signed a pact."]
    text = " ".join(lines)
    starts = [text.index(line) for line in lines]
    doc = Document(id="three", text=text, provenance=Provenance(path="t.jsonl", record=0))
    clean = CleanDocument(doc=doc, text=text, sentences=[
        Sentence(s, s + len(line), line) for s, line in zip(starts, lines, strict=True)])
    with store.transaction() as conn:
        return store.add(conn, clean).document_id


def test_adding_an_event_from_a_chosen_sentence(client, store):
    doc_id = _three_sentences(store)
    page = client.get(f"/documents/{doc_id}").text
    # the sentences' places for the selection script: [index, start, end]
    assert 'data-sentences="[[0, 0, 27], [1, 28, 49], [2, 50, 69]]"' in page
    assert '<script src="/static/selection.js" defer></script>' in page
    form = client.get(f"/documents/{doc_id}/add-event?sentence=2").text
    chosen = re.findall(r'<label class="sentence chosen"[^>]*><input [^>]*value="(\d+)"'
                        r'[^>]* checked> ([^<]+)</label>', form)
    assert chosen == [("2", "Peru signed a pact.")]
    assert form.count(' checked>') == 1  # the others stay unchosen, folded away
    assert "Log in</a> to add an event" in form
    assert f"/login?next=/documents/{doc_id}/add-event%3Fsentence%3D2" in form

    token = _login(client)
    sent = {"csrf_token": token, "type": "agreement", "date": "2025-03", "reason": "missed",
            "role_0": "party", "text_0": "Peru", "id_0": "country:PE"}
    unchosen = client.post(f"/documents/{doc_id}/add-event", data=sent)
    assert unchosen.status_code == 400 and "Choose the sentence" in unchosen.text
    assert 'value="2025-03"' in unchosen.text and 'value="country:PE"' in unchosen.text
    wrong_role = client.post(f"/documents/{doc_id}/add-event",
                             data={**sent, "sentence": "2", "role_0": "donor"})
    assert wrong_role.status_code == 400
    assert re.search(r'class="sentence chosen"[^>]*><input [^>]*value="2"', wrong_role.text)
    added = client.post(f"/documents/{doc_id}/add-event", data={**sent, "sentence": "2"},
                        follow_redirects=False)
    assert added.status_code == 303
    event_id = int(re.fullmatch(r"/events/(\d+)#evidence", added.headers["location"])[1])
    with store.engine.connect() as conn:
        row = conn.execute(select(events.c.evidence, events.c.review_state)
                           .where(events.c.id == event_id)).one()
    assert tuple(row) == ("Peru signed a pact.", "accepted")
    assert _audit(store)[-2:] == [("ana", "add", "event"), ("ana", "add", "review")]
