"""Generated parts of the docs match what the scripts make from the library now."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_script(name: str) -> ModuleType:
    """Import scripts/NAME.py as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


@pytest.mark.slow
def test_history_table_in_docs_is_current() -> None:
    """Re-running the script on the shipped data reproduces the docs' table."""
    table = load_script("theories_against_history").table()
    docs = (ROOT / "docs" / "explanation" / "theories.md").read_text("utf-8")
    assert "| Minimal range |" in table
    assert table in docs


@pytest.mark.slow
def test_orders_table_in_docs_is_current() -> None:
    """The orders scored against history, as the docs show them (about 90 s)."""
    table = load_script("theories_against_history").orders_table()
    docs = (ROOT / "docs" / "explanation" / "theories.md").read_text("utf-8")
    assert "| C | fewest parties, median" in table
    assert table in docs


def test_docs_assets_are_current() -> None:
    """The panel, charts and page in docs/assets are what the library makes now."""
    for name, content in load_script("build_docs_assets").assets().items():
        assert (ROOT / "docs" / "assets" / name).read_text("utf-8") == content, name
