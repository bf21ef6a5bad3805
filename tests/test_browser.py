"""The HTML page in a real browser: headless Chromium driven over WebDriver.

Skipped, with the reason, where Chromium or its driver is not installed;
when the CI variable is set they must be there, and the tests fail otherwise.
Screenshots are saved in test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import coalitions
from coalitions import Council

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
ARGUMENTS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--window-size=1000,2600",
]


class WebDriver:
    """Just enough of the W3C WebDriver protocol to open a page and look at it."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.session = ""

    def call(self, method: str, path: str, body: object = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.base + path,
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.loads(response.read())["value"]

    def open(self, url: str) -> tuple[str, list[str], bytes]:
        """Return the rendered DOM, the URLs the page requested, and a screenshot."""
        self.call("POST", f"/session/{self.session}/url", {"url": url})
        dom = self.call("GET", f"/session/{self.session}/source")
        shot = base64.b64decode(self.call("GET", f"/session/{self.session}/screenshot"))
        log = self.call(
            "POST", f"/session/{self.session}/se/log", {"type": "performance"}
        )
        events = [json.loads(entry["message"])["message"] for entry in log]
        urls = [
            e["params"]["request"]["url"]
            for e in events
            if e["method"] == "Network.requestWillBeSent"
        ]
        return dom, urls, shot


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    if CHROMIUM is None or DRIVER is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium and chromedriver must be installed in CI (.ci/run)")
        pytest.skip(
            "Chromium or chromedriver is not installed (apt install chromium "
            "chromium-driver)"
        )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [DRIVER, f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    driver = WebDriver(port)
    try:
        for _ in range(100):
            try:
                driver.call("GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        capabilities = {
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": {"binary": CHROMIUM, "args": ARGUMENTS},
                    "goog:loggingPrefs": {"performance": "ALL"},
                }
            }
        }
        driver.session = driver.call("POST", "/session", capabilities)["sessionId"]
        yield driver
        driver.call("DELETE", f"/session/{driver.session}")
    finally:
        process.terminate()
        process.wait(timeout=30)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(dom: str) -> str:
    parser = _Text()
    parser.feed(dom)
    return " ".join(" ".join(parser.parts).split())


def big_chamber() -> Council:
    """A 15-party, 650-seat chamber with long names and 11 seats undeclared."""
    seats = [201, 152, 80, 50, 40, 30, 20, 18, 15, 12, 10, 5, 3, 2, 1]
    names = [
        f"Party number {i + 1}" + (" for the Long Name Test" if i % 4 == 0 else "")
        for i in range(15)
    ]
    return Council.from_seats(
        "A 650-seat chamber", dict(zip(names, seats, strict=True)), total_seats=650
    )


@pytest.mark.parametrize(
    ("label", "council"),
    [
        ("darlington-2023", coalitions.example("darlington-2023")),
        ("chamber-650", big_chamber()),
    ],
)
def test_page_in_chromium(
    browser: WebDriver, tmp_path: Path, label: str, council: Council
) -> None:
    """Every party and coalition is on the rendered page; nothing is fetched."""
    path = tmp_path / f"{label}.html"
    path.write_text(coalitions.html(council, top=None), encoding="utf-8")
    dom, requested, screenshot = browser.open(path.as_uri())
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"{label}.png").write_bytes(screenshot)
    assert screenshot.startswith(b"\x89PNG")
    text = visible_text(dom)
    for party in council.names:
        assert party in text
    for item in coalitions.panel(council)["coalitions"]:
        assert " + ".join(item["parties"]) in text
    assert dom.count('class="seat"') == council.total_seats
    assert requested == [path.as_uri()]
