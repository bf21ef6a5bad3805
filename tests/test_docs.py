"""Docstring examples of the installed package and the docs' examples run."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import coalitions

MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(coalitions.__path__, "coalitions.")
    if name != "coalitions.__main__"
)
FENCE = re.compile(r"^```(?:python|pycon)\n(.*?)^```", re.MULTILINE | re.DOTALL)
DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.parametrize("name", ["coalitions", *MODULES])
def test_docstring_examples(name: str) -> None:
    """Every docstring example in the module runs and prints what it shows."""
    module = importlib.import_module(name)
    public = {name: getattr(coalitions, name) for name in coalitions.__all__}
    result = doctest.testmod(
        module, extraglobs=public, optionflags=doctest.ELLIPSIS, verbose=False
    )
    assert result.failed == 0


def test_public_functions_have_examples() -> None:
    """Each public function and class documents itself with a runnable example."""
    missing = [
        name
        for name in coalitions.__all__
        if callable(getattr(coalitions, name))
        and ">>>" not in (getattr(coalitions, name).__doc__ or "")
        and not name.endswith("Error")
    ]
    assert missing == []


@pytest.mark.parametrize(
    "page", sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
)
def test_docs_examples(page: str) -> None:
    """Examples in the docs pages' python code blocks run, each page in one session."""
    text = (DOCS / page).read_text("utf-8")
    blocks = "\n\n".join(
        block for block in FENCE.findall(text) if block.lstrip().startswith(">>>")
    )
    test = doctest.DocTestParser().get_doctest(
        blocks, {"coalitions": coalitions}, page, page, 0
    )
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
