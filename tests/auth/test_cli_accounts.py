from __future__ import annotations

from typer.testing import CliRunner

from materiel.auth import user_for_token, verify_password
from materiel.cli import app
from materiel.store import Store


def test_users_and_tokens_from_the_command_line(tmp_path):
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    added = runner.invoke(app, ["users", "add", "cleo", "--db", db, "--password-stdin"],
                          input="a long enough secret\n")
    assert added.exit_code == 0, added.output
    again = runner.invoke(app, ["users", "add", "cleo", "--db", db, "--password-stdin"],
                          input="a long enough secret\n")
    assert again.exit_code == 2 and "exists already" in again.output
    created = runner.invoke(app, ["tokens", "create", "--user", "cleo", "--name", "ci",
                                  "--db", db])
    assert created.exit_code == 0, created.output
    secret = created.stdout.strip().splitlines()[-1]
    listed = runner.invoke(app, ["tokens", "list", "--db", db])
    assert "cleo" in listed.stdout and "live" in listed.stdout and secret not in listed.stdout
    store = Store.open(db)
    try:
        assert verify_password(store, "cleo", "a long enough secret")
        assert user_for_token(store, secret) == "cleo"
        assert runner.invoke(app, ["tokens", "revoke", "1", "--db", db]).exit_code == 0
        assert user_for_token(store, secret) is None
        assert runner.invoke(app, ["tokens", "revoke", "1", "--db", db]).exit_code == 1
    finally:
        store.close()
