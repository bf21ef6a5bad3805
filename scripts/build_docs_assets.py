"""Regenerate the example panel, charts and page that the docs embed.

Run: python scripts/build_docs_assets.py
"""

from __future__ import annotations

import json
from pathlib import Path

import coalitions

ASSETS = Path(__file__).resolve().parent.parent / "docs" / "assets"


def assets() -> dict[str, str]:
    """Return each asset's file name and content."""
    council = coalitions.example("darlington-2023")
    previous = coalitions.example("darlington-2019")
    document = coalitions.panel(council, previous=previous)
    return {
        "darlington-panel.json": json.dumps(document, indent=2, ensure_ascii=False)
        + "\n",
        "darlington-seats.svg": coalitions.svg(council) + "\n",
        "darlington-coalitions.svg": coalitions.svg(council, chart="coalitions") + "\n",
        "darlington-panel.html": coalitions.html(council, previous=previous) + "\n",
    }


def main() -> None:
    ASSETS.mkdir(exist_ok=True)
    for name, content in assets().items():
        (ASSETS / name).write_text(content, encoding="utf-8")
        print(f"wrote docs/assets/{name}")


if __name__ == "__main__":
    main()
