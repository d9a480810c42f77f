"""POST /articles: tokens, validation, size bounds, and verbatim storage of hostile text."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from eventfuse.api import create_app
from eventfuse.ingest import article_id
from tests.api import samples
from tests.api.conftest import TOKEN, FakePipeline

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_hostile_article_round_trips_verbatim(write_client: TestClient) -> None:
    text = samples.XSS_TEXT + " and a fresh sentence \\ % _ ` $1 ${x} {{y}}"
    body = {"text": text, "title": samples.XSS_TITLE, "outlet": samples.XSS_OUTLET,
            "url": "javascript:alert(1)", "published": "2024-05-01"}  # fmt: skip
    response = write_client.post("/articles", json=body, headers=AUTH)
    assert response.status_code == 201, response.text
    result = response.json()
    assert result["article_id"] == article_id(text, body["url"])
    assert result["stored"] is True
    assert result["event_ids"] == []  # the fake pipeline makes no events
    stored = write_client.get(f"/articles/{result['article_id']}").json()
    for key in ("text", "title", "outlet", "url"):
        assert stored[key] == body[key], key
    assert stored["published"] == "2024-05-01"
    assert write_client.get("/health").json()["events"] == 5  # the SQL did nothing


def test_same_article_again_is_200_duplicate(write_client: TestClient) -> None:
    body = {"text": "A second report of clashes near Kirkuk."}
    assert write_client.post("/articles", json=body, headers=AUTH).status_code == 201
    again = write_client.post("/articles", json=body, headers=AUTH)
    assert again.status_code == 200
    assert again.json()["duplicate"] is True


def test_event_ids_of_articles_already_in_events(write_client: TestClient, seeded: Any) -> None:
    # the benign sample article is cited by four events: posting it again reports them
    response = write_client.post("/articles", json={"text": seeded.benign.text}, headers=AUTH)
    cited = {e.id for e in seeded.events if e.sources[0].article_id == seeded.benign.id}
    assert len(cited) == 4
    assert response.status_code == 200  # stored already
    assert response.json()["article_id"] == seeded.benign.id
    assert set(response.json()["event_ids"]) == cited


def test_missing_or_wrong_token_is_401(client: TestClient) -> None:
    body = {"text": "x"}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        response = client.post("/articles", json=body, headers=headers)
        assert response.status_code == 401
        assert "Bearer" in response.json()["detail"]


def test_no_configured_token_refuses_ingest(seeded_path: str) -> None:
    app = create_app(seeded_path, pipeline_factory=FakePipeline)
    with TestClient(app) as client:
        response = client.post("/articles", json={"text": "x"}, headers=AUTH)
    assert response.status_code == 403
    assert "no token configured" in response.json()["detail"]


def test_bad_bodies_are_4xx_with_message(client: TestClient) -> None:
    cases: list[tuple[Any, int, str]] = [
        (b"not json", 400, "not JSON"),
        (b"[1, 2]", 422, "body"),
        (b'{"title": "no text"}', 422, "text"),
        (b'{"text": ""}', 422, "text"),
        (b'{"text": "   "}', 422, "text"),
        (b'{"text": 5}', 422, "text"),
        (b'{"text": "ok", "published": "soon"}', 422, "published"),
        (b'{"text": "ok", "evil": 1}', 422, "evil"),
        (b"\xff\xfe", 400, "not JSON"),
    ]
    for raw, status, words in cases:
        response = client.post("/articles", content=raw, headers=AUTH)
        assert response.status_code == status, (raw, response.text)
        assert words in response.json()["detail"], (raw, response.text)


def test_oversized_body_is_413(client: TestClient) -> None:
    big = {"text": "x" * 1_000_001}
    response = client.post("/articles", json=big, headers=AUTH)
    assert response.status_code == 413
    assert "1000000" in response.json()["detail"]


def test_read_token_guards_reading(seeded_path: str) -> None:
    app = create_app(seeded_path, ingest_token=TOKEN, read_token="reader")
    with TestClient(app) as client:
        assert client.get("/events").status_code == 401
        assert client.get("/events", headers={"Authorization": "Bearer reader"}).status_code == 200
        assert client.get("/events", headers=AUTH).status_code == 200  # the ingest token reads
        assert client.get("/health").status_code == 200  # health stays open
        assert client.get("/").status_code == 200  # the page itself is static


def test_env_configures_tokens(store_path: str, monkeypatch: Any) -> None:
    monkeypatch.setenv("EVENTFUSE_DB", store_path)
    monkeypatch.setenv("EVENTFUSE_INGEST_TOKEN", "from-env")
    monkeypatch.setenv("EVENTFUSE_READ_TOKEN", "env-reader")
    with TestClient(create_app(pipeline_factory=FakePipeline)) as client:
        assert client.get("/events").status_code == 401
        auth = {"Authorization": "Bearer env-reader"}
        assert client.get("/events", headers=auth).json()["total"] == 5
        response = client.post(
            "/articles", json={"text": "hello"}, headers={"Authorization": "Bearer from-env"}
        )
        assert response.status_code == 201


def test_pipeline_failure_is_422(seeded_path: str) -> None:
    class Failing:
        def __init__(self, store: object) -> None:
            pass

        def ingest_articles(self, articles: object) -> object:
            class Report:
                failed = ("post: could not segment the text",)

            return Report()

    with TestClient(create_app(seeded_path, ingest_token=TOKEN, pipeline_factory=Failing)) as c:
        response = c.post("/articles", json={"text": "words"}, headers=AUTH)
    assert response.status_code == 422
    assert "could not segment" in response.json()["detail"]
