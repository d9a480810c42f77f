"""GET endpoints: filters, pagination, detail with claims and evidence, GeoJSON, articles."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api import samples


def ids(body: dict[str, Any]) -> set[str]:
    return {row["id"] for row in body["events"]}


def test_health(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["events"] == 5


def test_events_lists_all_with_row_shape(client: TestClient, seeded: Any) -> None:
    body = client.get("/events").json()
    assert body["total"] == 5
    assert ids(body) == {e.id for e in seeded.events}
    row = next(r for r in body["events"] if r["location"] == "Mosul")
    assert row["event_date"] == "2024-03-01"
    assert row["event_type"] == "Battles"
    assert row["actor1"] == "Military Forces of Iraq (2020-)"
    assert (row["country"], row["admin1"]) == ("Iraq", "Nineveh")
    assert (row["latitude"], row["longitude"]) == (36.34, 43.13)
    assert row["fatalities"] == 5
    assert row["n_sources"] == 1
    assert row["sources"][0]["outlet"] == "Example News"


def test_event_filters(client: TestClient, seeded: Any) -> None:
    def get(**params: str) -> set[str]:
        response = client.get("/events", params=params)
        assert response.status_code == 200, response.text
        return ids(response.json())

    by_loc = {e.place.name: e.id for e in seeded.events}
    assert get(type="Battles") == {by_loc["Mosul"]}
    assert get(type="protests") == {by_loc["Baghdad"]}  # case-insensitive
    assert get(country="Syria") == {by_loc["Aleppo"], by_loc["Idlib"]}
    assert get(admin1="Nineveh") == {by_loc["Mosul"]}
    assert get(since="2024-04-01") == {by_loc["Baghdad"], by_loc["Idlib"], by_loc["Unknown"]}
    assert get(since="2024-03-05", until="2024-04-05") == {by_loc["Aleppo"], by_loc["Baghdad"]}
    assert get(actor="protesters") == {by_loc["Baghdad"]}
    assert get(bbox="42,33,45,37") == {by_loc["Mosul"], by_loc["Baghdad"]}
    assert get(country="Iraq", type="Battles", since="2024-03-02") == set()


def test_pagination(client: TestClient) -> None:
    first = client.get("/events", params={"limit": 2}).json()
    second = client.get("/events", params={"limit": 2, "offset": 2}).json()
    third = client.get("/events", params={"limit": 2, "offset": 4}).json()
    assert first["total"] == second["total"] == 5
    assert (first["limit"], first["offset"]) == (2, 0)
    assert [len(p["events"]) for p in (first, second, third)] == [2, 2, 1]
    assert len(ids(first) | ids(second) | ids(third)) == 5
    beyond = client.get("/events", params={"limit": 2, "offset": 10}).json()
    assert (beyond["total"], beyond["events"]) == (5, [])
    assert client.get("/events", params={"type": "Riots"}).json()["total"] == 0


def test_event_detail_has_claims_and_evidence(client: TestClient, seeded: Any) -> None:
    mosul = next(e for e in seeded.events if e.place.name == "Mosul")
    body = client.get(f"/events/{mosul.id}").json()
    assert body["id"] == mosul.id
    assert body["date"] == {"start": "2024-03-01", "end": "2024-03-01", "precision": 1}
    claims = {c["field"]: c for c in body["claims"]}
    assert set(claims) == {"fatalities", "location", "actor2"}
    evidence = claims["fatalities"]["evidence"]
    assert evidence["sentence"] == samples.MOSUL_SENTENCE
    assert evidence["sentence"][evidence["span_start"] : evidence["span_end"]] == "killing five"
    assert body["history"][0]["change"] == "created"
    assert body["n_independent_sources"] == 1


def test_unknown_event_and_article_are_404(client: TestClient) -> None:
    for path in ("/events/e_nope", "/articles/a_nope"):
        response = client.get(path)
        assert response.status_code == 404
        assert "nope" in response.json()["detail"]


def test_geojson(client: TestClient, seeded: Any) -> None:
    response = client.get("/events.geojson", params={"country": "Iraq"})
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection"
    # Iraq has three events; the one without coordinates is counted but not drawn
    assert body["total"] == 3
    assert len(body["features"]) == 2
    mosul = next(f for f in body["features"] if f["properties"]["location"] == "Mosul")
    assert mosul["geometry"] == {"type": "Point", "coordinates": [43.13, 36.34]}
    assert mosul["id"] == mosul["properties"]["id"]


def test_article_verbatim(client: TestClient, seeded: Any) -> None:
    body = client.get(f"/articles/{seeded.hostile.id}").json()
    assert body["text"] == samples.XSS_TEXT
    assert body["title"] == samples.XSS_TITLE
    assert body["outlet"] == samples.XSS_OUTLET
    assert body["published"] == "2024-04-21"
    assert "source_path" not in body


def test_openapi_document_lists_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/events", "/events/{event_id}", "/events.geojson", "/articles", "/health"):
        assert path in paths
    assert "text" in str(paths["/articles"]["post"]["requestBody"])


def test_page_and_static_files_served_with_csp(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "<svg" in page.text or "app.js" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/static/app.js").status_code == 200
    basemap = client.get("/static/basemap.json").json()
    assert {"land", "countries", "admin1", "labels"} <= set(basemap)
