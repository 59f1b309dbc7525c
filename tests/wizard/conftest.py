import pytest


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """The wizard writes beside the working directory, as a user's would."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
