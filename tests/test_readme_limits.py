"""The README states the safety limits and exit codes that the code applies."""

from __future__ import annotations

from pathlib import Path

from drafter import limits
from drafter.check.safety import MAX_TEXT_BYTES
from drafter.errors import EXIT_INVALID, EXIT_OK, EXIT_USAGE, OutputExistsError, UnreadableFileError, UsageError

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_limits_in_the_readme_match_the_code() -> None:
    assert f"tệp trả lời tối đa {limits.MAX_YAML_BYTES // (1024 * 1024)} MB" in README
    assert f"lồng nhau tối đa {limits.MAX_YAML_DEPTH} cấp" in README
    assert f"{limits.MAX_YAML_NODES:,} mục".replace(",", ".") in README
    assert f"nội dung kế hoạch tối đa {limits.MAX_BODY_DEPTH} cấp" in README
    assert f"tệp .txt đến {MAX_TEXT_BYTES // (1024 * 1024)} MB" in README


def test_exit_codes_in_the_readme_match_the_errors() -> None:
    assert (EXIT_OK, EXIT_INVALID, EXIT_USAGE) == (0, 1, 2)
    for code in (EXIT_OK, EXIT_INVALID, EXIT_USAGE):
        assert f"\n| {code} |" in README
    assert UsageError.exit_code == UnreadableFileError.exit_code == OutputExistsError.exit_code == 2
