"""`python -m materiel.annotate`: help for every command, never a file named --help."""

from __future__ import annotations

import pytest

from materiel.annotate.__main__ import main


@pytest.mark.parametrize("argv", [["--help"], ["stats", "--help"], ["check", "-h"],
                                  ["export", "out", "--help"]])
def test_help_prints_the_usage(argv, capsys):
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "agree" in out and "stats [STORED...]" in out


def test_an_unknown_command_prints_the_usage_and_fails(capsys):
    assert main(["frobnicate"]) == 2
    assert "show DOC_ID" in capsys.readouterr().out
