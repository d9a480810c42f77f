"""Bad parameters get a 4xx with a message, never a 500; store failures are a 503."""

from __future__ import annotations

import random
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventfuse.api import create_app
from eventfuse.errors import StoreError
from eventfuse.store import open_store

BAD_VALUES: dict[str, list[str]] = {
    "since": ["yesterday", "2024-13-01", "2024-02-30", "1' OR '1'='1", "\x00", "9" * 50],
    "until": ["2024/01/01", "-1", "nan"],
    "type": ["Battle", "<script>", "'; DROP TABLE events; --", "x" * 300],
    "bbox": [
        *("1,2,3", "a,b,c,d", "10,10,0,0", "0,0,200,10"),
        *("nan,0,1,1", "inf,0,1,1", ",,,", "1,2,3,4,5"),
    ],
    "limit": ["0", "-5", "20001", "ten", "1e3", "99999999999999999999999", "1.5"],
    "offset": ["-1", "x", "100000000000"],
    "country": ["x" * 201, "a\x00b"],
    "actor": ["y" * 500],
}


@pytest.mark.parametrize(
    ("name", "value"), [(n, v) for n, values in BAD_VALUES.items() for v in values]
)
@pytest.mark.parametrize("path", ["/events", "/events.geojson"])
def test_bad_parameter_is_400_with_message(
    client: TestClient, path: str, name: str, value: str
) -> None:
    response = client.get(path, params={name: value})
    assert response.status_code == 400, (name, value, response.text)
    assert response.json()["detail"].startswith(name)


def test_list_page_size_is_capped_at_1000(client: TestClient) -> None:
    assert client.get("/events", params={"limit": 1000}).status_code == 200
    response = client.get("/events", params={"limit": 1001})
    assert response.status_code == 400
    assert "between 1 and 1000" in response.json()["detail"]


def test_unknown_type_lists_valid_types(client: TestClient) -> None:
    detail = client.get("/events", params={"type": "Skirmish"}).json()["detail"]
    assert "Battles" in detail and "Strategic developments" in detail


def test_since_after_until(client: TestClient) -> None:
    response = client.get("/events", params={"since": "2024-05-01", "until": "2024-01-01"})
    assert response.status_code == 400
    assert "after" in response.json()["detail"]


@pytest.mark.parametrize(
    "value", ["Iraq' OR 1=1 --", "%", "_", "\\", "'; DROP TABLE events; --", "\u202e", "😀"]
)
def test_metacharacters_in_text_filters_are_literal(
    client: TestClient, seeded: Any, value: str
) -> None:
    for name in ("country", "admin1"):
        response = client.get("/events", params={name: value})
        assert response.status_code == 200, response.text
        assert response.json()["total"] == 0, (name, value)
    # actor is a substring match: LIKE wildcards must match only themselves
    expected = sum(
        any(a and value.lower() in a.name.lower() for a in (e.actor1, e.actor2))
        for e in seeded.events
    )
    assert client.get("/events", params={"actor": value}).json()["total"] == expected
    assert client.get("/health").json()["events"] == 5  # nothing was dropped


@pytest.mark.parametrize("path", ["/events/" + "x" * 201, "/articles/" + "y" * 300])
def test_overlong_ids_are_400(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 400


def test_store_error_becomes_503(store_path: str) -> None:
    store = open_store(store_path)

    class Broken:
        """A store whose reads fail the way a lost database connection does."""

        url = store.url

        def __getattr__(self, name: str) -> object:
            def fail(*args: object, **kwargs: object) -> object:
                raise StoreError("database is gone")

            return fail

    app = create_app(Broken(), ingest_token="t")  # type: ignore[arg-type]
    with TestClient(app, raise_server_exceptions=False) as client:
        for path in ("/events", "/events/e_1", "/health", "/events.geojson"):
            response = client.get(path)
            assert response.status_code == 503, path
            assert response.json()["detail"] == "database is gone"
    store.close()


def test_unopenable_store_raises_store_error(tmp_path: object) -> None:
    with pytest.raises(StoreError):
        create_app("mysql://nowhere/db")


def test_random_junk_never_gives_a_server_error(client: TestClient) -> None:
    """A small fuzz loop: every parameter of every GET gets random junk; no 5xx allowed."""
    rng = random.Random(1234)
    alphabet = "aZ09-_,.:;'\"%\\/<>&?=#+ \t\u00e9\u202e\U0001f600" + "\x00\x01\x7f"
    names = ["since", "until", "country", "admin1", "type", "actor", "bbox", "limit", "offset"]
    for _ in range(300):
        junk = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        name = rng.choice(names)
        path = rng.choice(["/events", "/events.geojson"])
        response = client.get(path, params={name: junk})
        assert response.status_code < 500, (path, name, junk, response.text)
        assert response.status_code in (200, 400), (path, name, junk, response.text)
    for junk in ["%2e%2e", "a%2Fb", "\u202e", "x" * 200, "' OR 1=1 --", "%00"]:
        for prefix in ("/events/", "/articles/"):
            response = client.get(prefix + junk)
            assert response.status_code in (400, 404), (prefix, junk, response.text)
