"""Alembic environment: runs against the connection the store hands over."""

from __future__ import annotations

from alembic import context

from materiel.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # `alembic` run by hand with -x url=...
    from sqlalchemy import create_engine

    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise SystemExit("give the database as: alembic -x url=sqlite:///path.db upgrade head")
    with create_engine(url).connect() as conn:
        context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
