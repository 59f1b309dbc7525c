from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def private_config(tmp_path, monkeypatch):
    """Each test gets its own user config directory (platformdirs reads XDG_CONFIG_HOME)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "drafter"
