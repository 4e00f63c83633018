from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_path() -> Path:
    """The shared evaluation data: $CHRONIK_SHARED, else ../shared beside the repository."""
    return Path(os.environ.get("CHRONIK_SHARED", REPO.parent / "shared"))


@pytest.fixture
def shared() -> Path:
    path = shared_path()
    if not (path / "seeds").is_dir():
        pytest.skip(f"shared data not found at {path} (set CHRONIK_SHARED or place ../shared)")
    return path


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
