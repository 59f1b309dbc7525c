"""Fuzzed answers files (generator: tools/fuzz_answers.py): each one is either rendered with
every value intact, or refused with a Vietnamese message and exit code 1 or 2 — never a
traceback, a Python word in the message, a lost value or a hang. The 1,000-case report with
counts: python tools/fuzz_answers.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from fuzz_answers import make_case, run_case  # noqa: E402


@pytest.mark.timeout(120)
@settings(max_examples=250, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False))
def test_fuzzed_answers_files_render_or_are_refused_in_vietnamese(tmp_path, rng):
    outcome, detail = run_case(make_case(rng), tmp_path)
    assert outcome in ("rendered", "refused"), detail
