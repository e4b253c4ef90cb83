"""Users and API tokens in the store.

Passwords are kept as argon2id hashes (argon2-cffi). An API token is 32 random bytes, shown
once when created; the store keeps its SHA-256 only: a slow hash protects guessable
passwords, and a random token of that length cannot be guessed, so a fast hash is enough and
lets a request find its token by an indexed lookup.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from materiel.store import Store
from materiel.store.schema import api_tokens, users

TOKEN_PREFIX = "mtl_"
USER_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024  # argon2 hashes anything, but a megabyte "password" is an attack
_hasher = PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Verified against when the user does not exist, so that a wrong name takes as long as
    a wrong password."""
    return _hasher.hash(secrets.token_hex(16))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def check_user_name(name: str) -> str:
    if not USER_NAME.fullmatch(name):
        raise ValueError("a user name is 1 to 64 letters, digits, '.', '_', '@' or '-', "
                         "starting with a letter or digit")
    return name


def add_user(store: Store, name: str, password: str) -> int:
    """A new user; ValueError when the name is taken or the password too short."""
    check_user_name(name)
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise ValueError(f"a password has {MIN_PASSWORD} to {MAX_PASSWORD} characters")
    hashed = _hasher.hash(password)

    def work(conn: Connection) -> int:
        if conn.execute(select(users.c.id).where(users.c.name == name)).first():
            raise ValueError(f"user {name!r} exists already")
        key = conn.execute(insert(users), {"name": name, "password_hash": hashed,
                                           "created_at": _now()}).inserted_primary_key
        assert key is not None
        return int(key[0])
    try:
        return store.write(work)
    except IntegrityError:
        raise ValueError(f"user {name!r} exists already") from None


def verify_password(store: Store, name: str, password: str) -> bool:
    """Whether `password` is `name`'s; a hash made with older parameters is renewed."""
    if len(password) > MAX_PASSWORD:
        return False
    with store.engine.connect() as conn:
        row = conn.execute(select(users.c.id, users.c.password_hash)
                           .where(users.c.name == name)).first()
    try:
        _hasher.verify(row.password_hash if row else _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return False
    if row is None:
        return False
    if _hasher.check_needs_rehash(row.password_hash):
        renewed = _hasher.hash(password)
        store.write(lambda conn: conn.execute(
            update(users).where(users.c.id == row.id).values(password_hash=renewed)))
    return True


def list_users(store: Store) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(
            select(users.c.id, users.c.name, users.c.created_at).order_by(users.c.name))]


def _token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def create_token(store: Store, user: str, name: str) -> tuple[int, str]:
    """A new token for `user`: (its id, the secret, which is not stored and not shown
    again)."""
    name = " ".join(name.split())[:64]
    if not name:
        raise ValueError("a token needs a name (what it is for)")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)

    def work(conn: Connection) -> int:
        user_id = conn.execute(select(users.c.id).where(users.c.name == user)).scalar()
        if user_id is None:
            raise ValueError(f"no user {user!r}")
        key = conn.execute(insert(api_tokens), {
            "name": name, "user_id": user_id, "token_hash": _token_hash(secret),
            "created_at": _now()}).inserted_primary_key
        assert key is not None
        return int(key[0])
    return store.write(work), secret


def revoke_token(store: Store, token_id: int) -> bool:
    """Revoke a token; False when there is no such token or it was revoked before."""
    def work(conn: Connection) -> bool:
        done = conn.execute(update(api_tokens).where(api_tokens.c.id == token_id,
                                                     api_tokens.c.revoked_at.is_(None))
                            .values(revoked_at=_now()))
        return bool(done.rowcount)
    return store.write(work)


def list_tokens(store: Store) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(
            select(api_tokens.c.id, api_tokens.c.name, users.c.name.label("user"),
                   api_tokens.c.created_at, api_tokens.c.revoked_at)
            .join(users, users.c.id == api_tokens.c.user_id).order_by(api_tokens.c.id))]


def user_for_token(store: Store, secret: str) -> str | None:
    """The user a live (not revoked) token belongs to, else None."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    with store.engine.connect() as conn:
        name = conn.execute(
            select(users.c.name).join(api_tokens, api_tokens.c.user_id == users.c.id)
            .where(api_tokens.c.token_hash == _token_hash(secret),
                   api_tokens.c.revoked_at.is_(None))).scalar()
    return str(name) if name is not None else None
