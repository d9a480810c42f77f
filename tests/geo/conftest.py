"""One Geocoder per test session, over the packaged gazetteer and an empty user gazetteer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventfuse.geo import Geocoder
from eventfuse.geo.store import GazetteerStore, packaged_path


@pytest.fixture(scope="session")
def gazetteer_path() -> Path:
    return packaged_path()


@pytest.fixture(scope="session")
def geo(gazetteer_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    user = tmp_path_factory.mktemp("geo") / "none.sqlite"
    return Geocoder(GazetteerStore(gazetteer_path, user))


@pytest.fixture
def user_db(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "user.sqlite"
