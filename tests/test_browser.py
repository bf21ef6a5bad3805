"""The HTML page in a real browser: headless Chromium driven over WebDriver.

Skipped, with the reason, where Chromium or its driver is not installed;
when the CI variable is set they must be there, and the tests fail otherwise.
Screenshots are saved in test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import base64
import json
import os
import random
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

    def run(self, script: str, *args: object) -> Any:
        """Run JavaScript in the page and return its result."""
        return self.call(
            "POST",
            f"/session/{self.session}/execute/sync",
            {"script": script, "args": list(args)},
        )

    def find_all(self, css: str) -> list[str]:
        """The element references of every element matching a CSS selector."""
        found = self.call(
            "POST",
            f"/session/{self.session}/elements",
            {"using": "css selector", "value": css},
        )
        return [next(iter(element.values())) for element in found]

    def click(self, element: str) -> None:
        self.call("POST", f"/session/{self.session}/element/{element}/click", {})

    def text(self, css: str) -> str:
        (element,) = self.find_all(css)
        return str(self.call("GET", f"/session/{self.session}/element/{element}/text"))

    def press(self, keys: str) -> None:
        """Type keys into whatever has the focus (\ue004 is Tab)."""
        actions = [
            step
            for key in keys
            for step in (
                {"type": "keyDown", "value": key},
                {"type": "keyUp", "value": key},
            )
        ]
        self.call(
            "POST",
            f"/session/{self.session}/actions",
            {"actions": [{"type": "key", "id": "keyboard", "actions": actions}]},
        )

    def resize(self, width: int, height: int) -> None:
        self.call(
            "POST",
            f"/session/{self.session}/window/rect",
            {"width": width, "height": height},
        )

    def screenshot(self) -> bytes:
        return base64.b64decode(self.call("GET", f"/session/{self.session}/screenshot"))


def capabilities(arguments: list[str]) -> dict[str, Any]:
    """A new-session request for headless Chromium with these arguments."""
    return {
        "capabilities": {
            "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {"binary": CHROMIUM, "args": arguments},
                "goog:loggingPrefs": {"performance": "ALL"},
            }
        }
    }


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
        driver.session = driver.call("POST", "/session", capabilities(ARGUMENTS))[
            "sessionId"
        ]
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
        pytest.param("chamber-650", big_chamber(), marks=pytest.mark.slow),
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


def expected_verdict(council: Council, names: list[str]) -> str:
    """What the page must say about a selection, from the library's own answers."""
    if not names:
        return "Choose parties to build a coalition."
    members = [name for name in council.names if name in names]
    coalition = council.coalition(members)
    seats, quota, total = coalition.seats, coalition.quota, council.total_seats
    text = f"{' + '.join(members)}: {seats} of {total}"
    if council.is_winning(members):
        spare = [
            m for m in members if council.is_winning([n for n in members if n != m])
        ]
        text += f" \u2014 a majority, {seats - quota} over the {quota} needed"
        if spare:
            leave = (
                spare[0]
                if len(spare) == 1
                else (", ".join(spare[:-1]) + " or " + spare[-1])
            )
            text += f"; not minimal: {leave} could leave"
        elif len(members) == 1:
            text += "; on its own"
        else:
            text += "; every party is needed"
    else:
        short = quota - seats
        text += f" \u2014 {short} short of the {quota} needed"
        if council.undeclared:
            open_seats = council.undeclared
            text += (
                f"; needs {short} of the {open_seats} seats still to declare"
                if short <= open_seats
                else f"; out of reach even with the {open_seats} seats still to declare"
            )
    return text + "."


def pressed_and_lit(browser: WebDriver) -> tuple[list[bool], list[str]]:
    """Which party buttons are pressed, and which parties' seats are not dimmed."""
    pressed, lit = browser.run(
        "return [[...document.querySelectorAll('button.party-toggle')]"
        ".map(b => b.getAttribute('aria-pressed') === 'true'),"
        "[...document.querySelectorAll('svg g.party[data-party]:not(.dim)')]"
        ".map(g => g.getAttribute('data-party'))]"
    )
    return pressed, sorted(lit)


def choose(
    browser: WebDriver, council: Council, wanted: list[str], now: set[str]
) -> None:
    """Press the party buttons that change the selection from ``now`` to ``wanted``."""
    buttons = browser.find_all("button.party-toggle")
    for name, button in zip(council.names, buttons, strict=True):
        if (name in wanted) != (name in now):
            browser.click(button)
    now.clear()
    now.update(wanted)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("label", "council", "samples"),
    [
        ("darlington-2023", coalitions.example("darlington-2023"), None),
        ("chamber-650", big_chamber(), 40),
    ],
)
def test_readers_build_coalitions_and_get_the_librarys_verdict(
    browser: WebDriver,
    tmp_path: Path,
    label: str,
    council: Council,
    samples: int | None,
) -> None:
    """Each selection (all of Darlington's; 40 of 15 parties') reads as the library.

    On a phone-sized window (390 px wide), pressing the buttons.
    """
    path = tmp_path / f"{label}.html"
    path.write_text(coalitions.html(council), encoding="utf-8")
    browser.resize(390, 2400)
    browser.open(path.as_uri())
    assert browser.run("return document.querySelector('.builder').hidden") is False
    names = list(council.names)
    seated = [n for n in names if council[n].seats]
    if samples is None:
        # Every selection in Gray-code order, so that each is one real click away.
        now: set[str] = set()
        for step in range(1 << len(names)):
            gray = step ^ (step >> 1)
            wanted = [n for i, n in enumerate(names) if gray >> i & 1]
            choose(browser, council, wanted, now)
            assert browser.text(".verdict") == expected_verdict(council, wanted)
            assert pressed_and_lit(browser) == (
                [n in wanted for n in names],
                sorted(n for n in seated if n in wanted or not wanted),
            )
    else:
        # Sampled selections of a large chamber, set by the page's own buttons.
        rng = random.Random(3)
        for _ in range(samples):
            wanted = [n for n in names if rng.random() < 0.35]
            shown = browser.run(
                "const b = [...document.querySelectorAll('button.party-toggle')];"
                "b.forEach((button, i) => { if ((button.getAttribute('aria-pressed')"
                " === 'true') !== arguments[0][i]) button.click(); });"
                "return document.querySelector('.verdict').textContent;",
                [n in wanted for n in names],
            )
            assert shown == expected_verdict(council, wanted)
            assert pressed_and_lit(browser)[1] == sorted(
                n for n in seated if n in wanted or not wanted
            )
    browser.click(browser.find_all("button.clear")[0])
    assert browser.text(".verdict") == "Choose parties to build a coalition."
    browser.resize(1000, 2600)


def test_the_builder_works_by_keyboard(browser: WebDriver, tmp_path: Path) -> None:
    """Tab to a party and press Space: it joins the coalition; again: it leaves."""
    council = coalitions.example("darlington-2023")
    path = tmp_path / "keys.html"
    path.write_text(coalitions.html(council), encoding="utf-8")
    browser.open(path.as_uri())
    browser.run("document.querySelector('button.party-toggle').focus()")
    browser.press(" ")
    browser.press("\ue004 ")  # Tab to Conservative, Space
    assert browser.text(".verdict") == expected_verdict(
        council, ["Labour", "Conservative"]
    )
    browser.press(" ")
    assert browser.text(".verdict") == expected_verdict(council, ["Labour"])
    assert (
        browser.run(
            "return document.querySelector('.verdict').getAttribute('aria-live')"
        )
        == "polite"
    )


def test_red_lines_can_be_lifted(browser: WebDriver, tmp_path: Path) -> None:
    """A red line hides the coalitions that cross it until the reader lifts it."""
    council = coalitions.example("darlington-2023")
    lines = coalitions.Constraints(incompatible=[("Labour", "Conservative")])
    path = tmp_path / "lines.html"
    path.write_text(coalitions.html(council, constraints=lines), encoding="utf-8")
    browser.open(path.as_uri())
    shown = (
        "return [...document.querySelectorAll('tr.coalition:not([hidden])')]"
        ".map(r => r.getAttribute('data-parties'))"
    )
    with_line = [json.loads(row) for row in browser.run(shown)]
    assert ["Labour", "Conservative"] not in with_line
    assert with_line == [
        item["parties"]
        for item in coalitions.panel(council, constraints=lines)["coalitions"]
    ]
    browser.click(browser.find_all("input.red-line")[0])
    lifted = [json.loads(row) for row in browser.run(shown)]
    assert ["Labour", "Conservative"] in lifted


def test_without_javascript_the_table_is_there(tmp_path: Path) -> None:
    """With scripts off the builder stays hidden and every coalition is listed."""
    council = coalitions.example("darlington-2023")
    page = coalitions.html(council)
    static = page.split("<script", 1)[0]
    assert '<section class="builder" hidden' in static
    for item in coalitions.panel(council)["coalitions"]:
        assert "<bdi>" + "</bdi> + <bdi>".join(item["parties"]) + "</bdi>" in static


@pytest.mark.parametrize("width", [390, 1280])
def test_nothing_overlaps_on_a_phone_or_a_desktop(
    browser: WebDriver, tmp_path: Path, width: int
) -> None:
    """Party buttons, the verdict and the legend never overlap; no sideways scroll."""
    council = big_chamber()
    path = tmp_path / "wide.html"
    path.write_text(coalitions.html(council), encoding="utf-8")
    browser.resize(width, 2400)
    browser.open(path.as_uri())
    browser.click(browser.find_all("button.party-toggle")[0])
    boxes = browser.run(
        "return [...document.querySelectorAll('button.party-toggle, .verdict, h1, "
        ".control, button.clear')].map(e => { const r = e.getBoundingClientRect();"
        " return [r.left, r.top, r.right, r.bottom]; })"
    )
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, (a, b)
    inner = browser.run("return window.innerWidth")
    assert browser.run("return document.documentElement.scrollWidth") <= inner
    # On a phone the legend is HTML text at the reader's size; on a desktop
    # the chart's own.
    shown = browser.run(
        "return [getComputedStyle(document.querySelector('.legend-list')).display,"
        " getComputedStyle(document.querySelector('svg g.legend')).display]"
    )
    assert shown == (["flex", "none"] if width < 560 else ["none", "inline"])
    legend = browser.text(".legend-list") if width < 560 else ""
    for party in council.names if width < 560 else ():
        assert party in legend
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"builder-{width}.png").write_bytes(browser.screenshot())
    browser.resize(1000, 2600)


def test_the_fragment_works_inside_a_host_page(
    browser: WebDriver, tmp_path: Path
) -> None:
    """Embedded in an article with its own styles, the fragment still answers."""
    council = coalitions.example("darlington-2023")
    fragment = coalitions.html(council, fragment=True, theme="dark")
    assert "<html" not in fragment
    assert " id=" not in fragment
    host = (
        "<!doctype html><html><head><meta charset='utf-8'><style>button "
        "{ color: red; } table { display: none; }</style></head><body>"
        f"<article><p>Story text.</p>{fragment}</article></body></html>"
    )
    path = tmp_path / "host.html"
    path.write_text(host, encoding="utf-8")
    browser.open(path.as_uri())
    choose(browser, council, ["Labour", "Green"], set())
    assert browser.text(".verdict") == expected_verdict(council, ["Labour", "Green"])
