from __future__ import annotations

from pathlib import Path

from materiel.kb import validate_kb

MINI = Path(__file__).parent / "fixtures" / "mini"

BAD = """\
- id: company:acme
  name: Acme
  type: company
  country: XX
- id: Company:Bad Id
  name: Bad
  type: company
- id: equipment:widget
  type: equipment
  name: Widget
  category: lasers
  manufacturer: company:nobody
- id: person:someone
  name: Someone
  type: person
  offices:
    - {title: Defense Minister, start: 2024-13-01, end: null}
    - {start: 2020-01-01}
- id: company:acme
  name: Acme again
  type: organization
  aliases: Acme Corp
"""


def test_mini_fixture_is_valid() -> None:
    assert validate_kb([MINI], known_ids=()) == []


def test_errors_have_file_line_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(BAD)
    errors = validate_kb([path], known_ids=())
    expected = [
        f"{path}:4: country: 'XX' is not an ISO 3166-1 alpha-2 code",
        f"{path}:5: id: 'Company:Bad Id' is not <type>:<slug>",
        f"{path}:11: category: unknown category 'lasers'",
        f"{path}:17: offices.start: '2024-13-01' is not an ISO date",
        f"{path}:18: offices.title: missing",
        f"{path}:19: id: duplicate id (first at {path}:1)",
        f"{path}:19: id: prefix 'company' does not match type 'organization'",
        f"{path}:22: aliases: must be a list of strings",
        f"{path}:12: manufacturer: unknown id 'company:nobody'",
    ]
    for message in expected:
        assert message in errors, (message, errors)
    assert len(errors) == len(expected), errors


def test_yaml_syntax_error_and_wrong_top_level(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("- id: a\n  name: [x\n")
    mapping = tmp_path / "map.yaml"
    mapping.write_text("id: company:x\n")
    errors = validate_kb([broken, mapping], known_ids=())
    assert errors[0].startswith(f"{broken}:") and ": yaml: " in errors[0]
    assert errors[1] == f"{mapping}:1: file: top level must be a list of entries"


def test_builtin_files_validate() -> None:
    from materiel.kb.loader import builtin_files

    errors = validate_kb(builtin_files(), known_ids=())
    assert errors == [], "\n".join(errors[:20])


def test_user_file_may_refer_to_known_ids(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- id: equipment:skyhammer\n  name: Skyhammer\n  type: equipment\n"
        "  category: drones\n  manufacturer: company:rheinmetall\n"
    )
    assert validate_kb(path, known_ids=["company:rheinmetall"]) == []
    assert validate_kb(path, known_ids=[]) == [
        f"{path}:5: manufacturer: unknown id 'company:rheinmetall'"
    ]
