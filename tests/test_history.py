"""The theories-against-history table in the docs is what the script computes."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_history_table_in_docs_is_current() -> None:
    """Re-running the script on the shipped data reproduces the docs' table."""
    spec = importlib.util.spec_from_file_location(
        "theories_against_history", ROOT / "scripts" / "theories_against_history.py"
    )
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    table = script.table()
    docs = (ROOT / "docs" / "explanation" / "theories.md").read_text("utf-8")
    assert "| Minimal range |" in table
    assert table in docs
