"""Fixtures for the browser tests: the app on a real uvicorn server, and Debian's Chromium.

The tests skip when /usr/bin/chromium is missing, unless EVENTFUSE_REQUIRE_BROWSER=1 (as CI
sets), in which case they fail: CI must never pass by skipping them.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from eventfuse.api import create_app
from eventfuse.store import open_store
from tests.api import samples

CHROMIUM = os.environ.get("EVENTFUSE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Server:
    url: str
    data: Any


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app over a seeded temporary DuckDB store, on 127.0.0.1 in a background thread."""
    path = str(tmp_path_factory.mktemp("web") / "web.duckdb")
    with open_store(path) as store:
        data = samples.seed(store)
    port = _free_port()
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield Server(f"http://127.0.0.1:{port}", data)
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        reason = f"{CHROMIUM} is missing (apt-get install chromium)"
        if os.environ.get("EVENTFUSE_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " and EVENTFUSE_REQUIRE_BROWSER=1")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, server: Server) -> Iterator[Any]:
    """A fresh page at the app, with every dialog and outside request recorded."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.outside = []
    page.errors = []  # console errors and uncaught exceptions (CSP violations land here)

    def on_dialog(dialog: Any) -> None:
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    def on_request(request: Any) -> None:
        if not request.url.startswith(server.url):
            page.outside.append(request.url)

    page.on("dialog", on_dialog)
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("request", on_request)
    page.goto(server.url + "/")
    page.wait_for_selector("body[data-state=ready]", timeout=15000)
    yield page
    context.close()


def screenshot_dir() -> Path:
    base = os.environ.get("EVENTFUSE_SCREENSHOT_DIR")
    path = Path(base) if base else Path(os.environ.get("TMPDIR", "/tmp")) / "eventfuse-screens"
    path.mkdir(parents=True, exist_ok=True)
    return path
