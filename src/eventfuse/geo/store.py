"""Read access to the gazetteer: the packaged SQLite file plus the user's additions.

The packaged file ships xz-compressed (``gazetteer.sqlite.xz``); on first use it is unpacked
once into the user cache dir (about 3 s; the file name carries the package version and a
digest of the packed file, so a new release unpacks afresh), after which opening it costs
milliseconds. Lookups go through SQLite indexes and are memoised, so nothing big is held in
Python memory.
"""

from __future__ import annotations

import hashlib
import lzma
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from eventfuse.errors import ConfigError
from eventfuse.geo.normalize import skeletons
from eventfuse.geo.schema import SCHEMA

_COLS = "id, name, feature, country, cc, admin1, admin2, lat, lon, population, source, gid"


ADMIN_FEATURES = ("adm1", "adm2")  # the admin-area features of the gazetteer


@dataclass(frozen=True)
class PlaceRow:
    """One gazetteer entry. ``uid`` is unique across the packaged and user gazetteers."""

    uid: str
    name: str
    feature: str
    country: str | None
    cc: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    source: str
    gid: str | None

    @property
    def is_admin(self) -> bool:
        return self.feature in ("adm1", "adm2", "country")

    @property
    def seat(self) -> str | None:
        """For admin areas: the town whose coordinates they carry (their seat)."""
        return self._tag("seat")

    @property
    def unit(self) -> str | None:
        """For towns GeoNames links to no ADM2 area: the geoBoundaries unit (ADM2, or ADM3
        where geoBoundaries has that level) the town lies in."""
        return self._tag("unit")

    @property
    def a2(self) -> str | None:
        """For towns GeoNames links to no ADM2 area: their admin2 as the build read it from
        the polygons (see ``unitlevel``), None where the polygons' level could not be told."""
        return self._tag("a2")

    def _tag(self, tag: str) -> str | None:
        if self.gid and f";{tag}=" in self.gid:
            return self.gid.split(f";{tag}=", 1)[1].split(";", 1)[0]
        return None


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventfuse"


def default_user_path() -> Path:
    env = os.environ.get("EVENTFUSE_GAZETTEER_USER")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "eventfuse" / "gazetteer-user.sqlite"


def packaged_path() -> Path:
    """The ready-to-open packaged gazetteer, unpacking or building it on first use."""
    from eventfuse.geo.build import PACKAGED, build_gazetteer

    env = os.environ.get("EVENTFUSE_GAZETTEER")
    if env:
        return Path(env)
    if not PACKAGED.exists():  # a source checkout without the data file: build it once
        target = cache_dir() / "gazetteer-built.sqlite"
        if not target.exists():
            build_gazetteer(target)
        return target
    digest = hashlib.sha256(PACKAGED.read_bytes()).hexdigest()[:12]
    target = cache_dir() / f"gazetteer-{_version()}-{digest}.sqlite"
    if not target.exists():
        _unpack(PACKAGED, target)
    return target


def _version() -> str:
    try:
        return metadata.version("eventfuse")
    except metadata.PackageNotFoundError:
        return "dev"


def _unpack(src: Path, target: Path) -> None:
    """Unpack to a private temp file, then rename: readers never see a partial file, and
    processes racing on first use each write their own copy and the last rename wins."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with lzma.open(src, "rb") as fin, os.fdopen(fd, "wb") as fout:
            shutil.copyfileobj(fin, fout, 1 << 20)
        tmp.replace(target)
    except (OSError, lzma.LZMAError) as exc:
        raise ConfigError(f"{src}: cannot unpack the gazetteer into {target} ({exc})") from exc
    finally:
        tmp.unlink(missing_ok=True)


def open_user_db(path: Path, *, create: bool) -> sqlite3.Connection | None:
    """The user gazetteer, created with the shared schema when ``create`` is set."""
    if not path.exists() and not create:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, check_same_thread=False)
        db.executescript(SCHEMA)
    except (OSError, sqlite3.Error) as exc:
        raise ConfigError(f"{path}: cannot open the user gazetteer ({exc})") from exc
    return db


class GazetteerStore:
    """Name-key and skeleton lookups over one packaged and one optional user gazetteer."""

    def __init__(self, packaged: Path, user: Path | None = None) -> None:
        uri = f"file:{packaged}?mode=ro&immutable=1"
        try:
            self._dbs: list[tuple[str, sqlite3.Connection]] = [
                ("p", sqlite3.connect(uri, uri=True, check_same_thread=False))
            ]
        except sqlite3.Error as exc:
            raise ConfigError(f"{packaged}: cannot open the gazetteer ({exc})") from exc
        self.user_path = user
        if user is not None:
            udb = open_user_db(user, create=False)
            if udb is not None:
                self._dbs.append(("u", udb))
        self.by_key = lru_cache(maxsize=200_000)(self._by_key)
        self.keys_by_skel = lru_cache(maxsize=50_000)(self._keys_by_skel)

    def _row(self, tag: str, r: tuple[object, ...]) -> PlaceRow:
        pid, name, feat, country, cc, a1, a2, lat, lon, pop, src, gid = r
        return PlaceRow(
            f"{tag}{pid}",
            str(name),
            str(feat),
            _s(country),
            _s(cc),
            _s(a1),
            _s(a2),
            _f(lat),
            _f(lon),
            int(pop or 0),  # type: ignore[call-overload]
            str(src),
            _s(gid),
        )  # type: ignore[call-overload]

    def _by_key(self, key: str) -> tuple[PlaceRow, ...]:
        out: list[PlaceRow] = []
        for tag, db in self._dbs:
            q = f"SELECT {_COLS} FROM place WHERE id IN (SELECT place_id FROM name WHERE key=?)"
            out.extend(self._row(tag, r) for r in db.execute(q, (key,)))
        return tuple(out)

    def _keys_by_skel(self, skel: str) -> tuple[str, ...]:
        keys: set[str] = set()
        for _, db in self._dbs:
            keys.update(k for (k,) in db.execute("SELECT key FROM skel WHERE skel=?", (skel,)))
        return tuple(sorted(keys))

    def keys_spelled_like(self, key: str) -> list[str]:
        """Name keys that share a consonant skeleton with ``key`` (``normalize.skeletons``:
        its own, and its -at reading for a final -a/-ah/-eh), in skeleton order."""
        return [k for sk in skeletons(key) for k in self.keys_by_skel(sk)]

    def has_key(self, key: str) -> bool:
        return bool(self.by_key(key))

    def places_where(self, sql: str, params: tuple[object, ...]) -> list[PlaceRow]:
        """Places matching a fixed WHERE clause (parameters always bound)."""
        out: list[PlaceRow] = []
        for tag, db in self._dbs:
            q = f"SELECT {_COLS} FROM place WHERE {sql}"
            out.extend(self._row(tag, r) for r in db.execute(q, params))
        return out

    def size_bytes(self) -> int:
        total = 0
        for _, db in self._dbs:
            pc = db.execute("PRAGMA page_count").fetchone()[0]
            ps = db.execute("PRAGMA page_size").fetchone()[0]
            total += int(pc) * int(ps)
        return total


def _s(v: object) -> str | None:
    return None if v is None or v == "" else str(v)


def _f(v: object) -> float | None:
    return None if v is None else float(v)  # type: ignore[arg-type]


# A big city's other names are its exonyms ("Odessa" for Odesa, "Kiev" for Kyiv): as good as
# its main name, or a small Texan Odessa would win over the Ukrainian city.
EXONYM_POPULATION = 300_000


def is_exonym_city(r: PlaceRow) -> bool:
    """True when ``r`` is big enough that its alternate names are its exonyms."""
    return r.population >= EXONYM_POPULATION
