from __future__ import annotations

from pathlib import Path

import pytest
from auth_app import PASSWORD
from sqlalchemy import select

from materiel.auth import (
    add_user,
    create_token,
    list_tokens,
    revoke_token,
    user_for_token,
    verify_password,
)
from materiel.store.schema import api_tokens, users


def test_passwords_are_stored_as_argon2_hashes_only(store):
    with store.engine.connect() as conn:
        stored = conn.execute(select(users.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    if store.url.startswith("sqlite"):
        raw = Path(store.url.split("///", 1)[1]).read_bytes()
        assert PASSWORD.encode() not in raw
    assert verify_password(store, "ana", PASSWORD)
    assert not verify_password(store, "ana", PASSWORD + "!")
    assert not verify_password(store, "nobody", PASSWORD)


def test_user_names_and_passwords_are_checked(store):
    with pytest.raises(ValueError, match="exists already"):
        add_user(store, "ana", "another password")
    with pytest.raises(ValueError, match="password"):
        add_user(store, "ben", "short")
    with pytest.raises(ValueError, match="user name"):
        add_user(store, "<script>", "long enough password")


def test_tokens_are_hashed_and_revocable(store):
    token_id, secret = create_token(store, "ana", "nightly import")
    with store.engine.connect() as conn:
        stored = conn.execute(select(api_tokens.c.token_hash)).scalar_one()
    assert secret not in stored and len(stored) == 64
    assert user_for_token(store, secret) == "ana"
    assert user_for_token(store, secret[:-1] + "x") is None
    assert revoke_token(store, token_id)
    assert not revoke_token(store, token_id)  # once
    assert user_for_token(store, secret) is None
    [row] = list_tokens(store)
    assert (row["user"], row["name"]) == ("ana", "nightly import") and row["revoked_at"]
    with pytest.raises(ValueError, match="no user"):
        create_token(store, "nobody", "x")
