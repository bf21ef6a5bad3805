"""Published cases, each in a JSON file that names its source."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from coalitions import Council

HERE = Path(__file__).parent


def load(name: str) -> dict[str, Any]:
    """Return the parsed JSON case file ``name`` (without ``.json``)."""
    data: dict[str, Any] = json.loads((HERE / f"{name}.json").read_text("utf-8"))
    assert data["source"], f"{name}.json must cite its source"
    return data


def council(name: str) -> Council:
    """Return the council stored in case file ``name``."""
    return Council.from_dict(load(name)["council"])


def electoral_college() -> Council:
    """The US Electoral College for 2024: 51 players, 538 votes, quota 270."""
    return council("electoral_college_2024")
