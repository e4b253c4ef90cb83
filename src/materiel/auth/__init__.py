"""Who may change the store: users with argon2-hashed passwords, and API tokens."""

from materiel.auth.accounts import (
    add_user,
    create_token,
    list_tokens,
    list_users,
    revoke_token,
    user_for_token,
    verify_password,
)

__all__ = ["add_user", "create_token", "list_tokens", "list_users", "revoke_token",
           "user_for_token", "verify_password"]
