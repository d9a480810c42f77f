"""The web page in a real browser: markers, filters, the event panel, and hostile text."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api import samples
from tests.web.conftest import Server, screenshot_dir

pytestmark = pytest.mark.browser


def marker_count(page: Any) -> int:
    return int(page.locator("#layer-events circle.event").count())


def wait_count(page: Any, expected: int) -> None:
    page.wait_for_function(
        "n => document.querySelectorAll('#layer-events circle.event').length === n "
        "&& document.body.dataset.state === 'ready'",
        arg=expected,
        timeout=10000,
    )


def test_page_draws_basemap_and_markers(page: Any, server: Server) -> None:
    # four of the five events have coordinates
    assert marker_count(page) == 4
    assert page.locator("#layer-land path").get_attribute("d")
    assert len(page.locator("#layer-admin1 path").get_attribute("d") or "") > 1000
    assert page.locator("#legend div[data-type]").count() == 6
    assert page.locator("#timeline rect.bar").count() > 0
    assert "Natural Earth" in page.locator("footer").inner_text()
    assert page.outside == [], "the page must not load anything from elsewhere"
    assert page.errors == []


def test_filter_by_type_and_actor(page: Any) -> None:
    page.select_option("#f-type", "Battles")
    wait_count(page, 1)
    assert page.locator("#layer-events circle.event").get_attribute("data-type") == "Battles"
    page.select_option("#f-type", "")
    wait_count(page, 4)
    page.fill("#f-actor", "protesters")
    wait_count(page, 1)


def test_filter_by_admin1_and_dates(page: Any) -> None:
    page.select_option("#f-admin1", "Aleppo")
    wait_count(page, 1)
    page.select_option("#f-admin1", "")
    wait_count(page, 4)
    page.fill("#f-since", "2024-03-05")
    page.fill("#f-until", "2024-04-10")
    page.dispatch_event("#f-until", "change")
    wait_count(page, 2)  # Aleppo (10 March), Baghdad (2 April)
    assert page.locator("#timeline rect.bar.in-range").count() > 0


def test_timeline_click_filters(page: Any) -> None:
    bar = page.locator("#timeline rect.bar[data-start='2024-03-01']")
    box = bar.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_count(page, 1)
    assert page.input_value("#f-since") == "2024-03-01"


def click_event(page: Any, location: str) -> None:
    circle = page.locator("#layer-events circle.event").filter(has_text=location)
    circle.first.click()
    page.wait_for_function("() => document.getElementById('panel').dataset.eventId", timeout=10000)


def test_click_shows_claims_and_highlighted_evidence(page: Any, server: Server) -> None:
    click_event(page, "Mosul")
    rows = page.locator("#claims tbody tr")
    assert rows.count() == 3
    fatal = page.locator("#claims tbody tr[data-field=fatalities] td")
    assert fatal.nth(1).inner_text() == "5"
    assert fatal.nth(2).inner_text() == "Example News"
    quote = page.locator("blockquote.evidence").first
    assert quote.inner_text() == samples.MOSUL_SENTENCE
    marks = {m.inner_text(): m.get_attribute("data-fields") for m in quote.locator("mark").all()}
    assert marks["killing five"] == "fatalities"
    assert marks["Islamic State fighters"] == "actor2"
    assert marks["Mosul"] == "location"
    path = screenshot_dir() / "eventfuse-page.png"
    page.screenshot(path=str(path))
    print(f"screenshot: {path}")


def test_hostile_text_is_shown_verbatim_and_never_runs(page: Any, server: Server) -> None:
    click_event(page, "Idlib")
    quote = page.locator("blockquote.evidence").first
    assert quote.inner_text() == samples.XSS_SENTENCE
    assert quote.locator("mark[data-fields~=notes]").inner_text() == samples.XSS_IMG
    assert samples.XSS_OUTLET in page.locator("#claims").inner_text()
    assert samples.XSS_SCRIPT in page.locator("#panel dl").inner_text()  # the actor name
    page.locator("ul.sources button").first.click()
    page.wait_for_selector("pre.article-text")
    assert page.locator("pre.article-text").inner_text() == samples.XSS_TEXT
    sources = page.locator("ul.sources").inner_text()
    assert samples.XSS_TITLE in sources and samples.XSS_OUTLET in sources
    page.wait_for_timeout(300)  # give any injected handler a chance to fire
    assert page.dialogs == []
    assert page.errors == []
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#injected").count() == 0
    assert page.locator("#panel script, #panel img").count() == 0
    path = screenshot_dir() / "eventfuse-hostile.png"
    page.screenshot(path=str(path))
    print(f"screenshot: {path}")
