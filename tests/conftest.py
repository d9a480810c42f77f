"""Shared fixtures. Tests that need ../shared skip without it, and fail when
EVENTFUSE_REQUIRE_SHARED=1 (as .ci/run sets) so that CI never passes by skipping."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTFUSE_SHARED", REPO.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path inside ../shared, or skip (fail in CI) when it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        reason = f"{path} is missing (../shared is not beside the checkout)"
        if os.environ.get("EVENTFUSE_REQUIRE_SHARED") == "1":
            pytest.fail(reason + " and EVENTFUSE_REQUIRE_SHARED=1")
        pytest.skip(reason)
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("corpus", "seeds")


@pytest.fixture
def acled_dir() -> Path:
    return shared_path("data", "acled")


@pytest.fixture
def examples_dir() -> Path:
    return REPO / "examples" / "articles"
