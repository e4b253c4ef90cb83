"""The workbench store, built once per session and copied for each test (see tests/workbench.py)."""

from workbench import built_db, store  # noqa: F401 - fixtures
