"""The code's layout: one home for each idea, and imports that point downwards."""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import coalitions
from coalitions import (
    CastingVote,
    Coalition,
    Constraints,
    Council,
    DoubleMajority,
    FixedQuota,
    Majority,
    Party,
    QuotaRule,
    Supermajority,
)
from coalitions._rules import RULES

from .oracles import all_coalitions, feasible
from .strategies import constraints_for, councils

SOURCE = Path(coalitions.__file__).resolve().parent

#: Each private module's layer; a module may import only from its own layer
#: or lower ones (the numbers in ARCHITECTURE order, lowest first).
LAYERS = {
    "exceptions": 0,
    "_validate": 1,
    "_rules": 2,
    "_model": 3,
    "_allocation": 4,
    "_constraints": 3,
    "_io": 4,
    "_engine.bigint": 0,
    "_engine.packed": 0,
    "_engine.ratio": 0,
    "_engine.game": 5,
    "_engine.meet": 6,
    "_engine.enumerate": 6,
    "_engine.power_kernels": 6,
    "_winning": 7,
    "_power": 7,
    "_chances": 7,
    "_key_players": 8,
    "_election": 8,
    "_changes": 8,
    "_theories": 8,
    "_render.colours": 4,
    "_render.markup": 1,
    "_render.panel": 9,
    "_render.svg": 10,
    "_render.html": 11,
    "_render.text": 10,
    "_render.votes": 10,
    "_render.records": 10,
    "_cli": 12,
}
DRAWING = ("_render.svg", "_render.html", "_render.text")


def _module_name(path: Path) -> str:
    relative = path.relative_to(SOURCE).with_suffix("")
    return ".".join(relative.parts)


def _imports(path: Path) -> set[str]:
    """The coalitions modules a file imports, at any depth of its code."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("coalitions."):
                found.add(node.module.removeprefix("coalitions."))
            elif node.module == "coalitions":
                found.update(alias.name for alias in node.names)
    return found


def _modules() -> dict[str, Path]:
    return {
        _module_name(path): path
        for path in SOURCE.rglob("*.py")
        if path.name not in {"__init__.py", "__main__.py"}
    }


def test_every_module_has_a_layer() -> None:
    assert set(_modules()) == set(LAYERS)


@pytest.mark.parametrize("module", sorted(LAYERS))
def test_imports_point_downwards(module: str) -> None:
    """No module imports from a layer above its own."""
    upward = [
        imported
        for imported in _imports(_modules()[module])
        if imported in LAYERS and LAYERS[imported] > LAYERS[module]
    ]
    assert upward == []


@pytest.mark.parametrize("module", DRAWING)
def test_drawing_modules_do_not_compute(module: str) -> None:
    """Drawing draws what it is given: nothing from the theories or listings."""
    assert (
        _imports(_modules()[module])
        & {
            "_theories",
            "_winning",
            "_election",
            "_changes",
        }
        == set()
    )


def test_only_the_rules_module_asks_which_rule_a_council_has() -> None:
    rule_names = {cls.__name__ for cls in RULES.values()}
    offenders = []
    for module, path in _modules().items():
        if module == "_rules":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {
                "isinstance",
                "issubclass",
            }:
                named = {
                    n.id for n in ast.walk(node.args[1]) if isinstance(n, ast.Name)
                }
                if named & rule_names:
                    offenders.append(f"{module}:{node.lineno}")
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "getattr":
                constant = node.args[1] if len(node.args) > 1 else None
                if isinstance(constant, ast.Constant) and constant.value in {
                    "filled_only",
                    "exceed",
                    "fraction",
                }:
                    offenders.append(f"{module}:{node.lineno}")
    assert offenders == []


def test_every_rule_implements_the_protocol() -> None:
    rules = [
        Majority(),
        Supermajority("2/3"),
        FixedQuota(3),
        CastingVote("A"),
        DoubleMajority("65%", members=15, blocking=4),
    ]
    assert {type(rule) for rule in rules} == set(RULES.values())
    for rule in rules:
        assert isinstance(rule, QuotaRule)
        assert RULES[rule.to_dict()["rule"]] is type(rule)


def test_the_schema_names_every_rule() -> None:
    schema = coalitions.panel_schema()
    rule = schema["properties"]["council"]["properties"]["rule"]["properties"]["rule"]
    assert set(rule["enum"]) == set(RULES)


@given(councils())
def test_repr_round_trips(council: Council) -> None:
    """eval(repr(council)) gives the council back, whatever its rule."""
    names = {
        "Council": Council,
        "Party": Party,
        "Majority": Majority,
        "Supermajority": Supermajority,
        "FixedQuota": FixedQuota,
        "CastingVote": CastingVote,
        "DoubleMajority": DoubleMajority,
        "Fraction": __import__("fractions").Fraction,
    }
    assert eval(repr(council), names) == council


def test_quota_and_majority_are_one_number() -> None:
    council = Council.from_seats("C", {"A": 30, "B": 20}, quota=Supermajority("2/3"))
    assert council.quota == 34
    assert council.majority == 34


@given(councils(max_parties=6), st.data())
def test_constraints_allow_exactly_what_the_definition_allows(
    council: Council, data: st.DataObject
) -> None:
    """Constraints.allows is the definition, checked on every subset."""
    constraints = data.draw(constraints_for(council))
    try:
        constraints.resolve(council)
    except coalitions.CoalitionsError:
        return  # overlapping blocs are refused
    for members in all_coalitions(council):
        expected = feasible(council, constraints, members)
        assert constraints.allows(council, members) is expected, sorted(members)


def test_svg_and_html_draw_a_document_as_they_draw_its_council() -> None:
    council = coalitions.example("darlington-2023")
    document = coalitions.panel(council)
    assert coalitions.svg(document) == coalitions.svg(council)
    bars = coalitions.svg(document, chart="coalitions")
    assert bars == coalitions.svg(council, chart="coalitions")
    assert coalitions.html(document) == coalitions.html(council, top=None)


def test_a_document_refuses_arguments_that_belong_to_the_panel() -> None:
    document = coalitions.panel(coalitions.example("darlington-2023"))
    with pytest.raises(coalitions.exceptions.InvalidValueError) as caught:
        coalitions.svg(document, constraints=Constraints(excluding=["Labour"]))
    assert caught.value.field == "constraints"
    with pytest.raises(coalitions.exceptions.InvalidValueError):
        coalitions.html(document, colours={"Labour": "#000000"})


def test_banzhaf_old_spelling_still_works_and_warns() -> None:
    council = coalitions.example("eec-1958")
    with pytest.warns(DeprecationWarning, match="normalised"):
        old = coalitions.banzhaf(council, normalized=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert old == coalitions.banzhaf(council, normalised=False)


def test_coalitions_order_by_one_key() -> None:
    council = Council.from_seats("C", {"A": 3, "B": 2, "C": 2})
    ab, ac, bc = (
        council.coalition(pair) for pair in (["A", "B"], ["A", "C"], ["B", "C"])
    )
    assert sorted([bc, ac, ab]) == [ab, ac, bc]
    assert ab < ac < bc
    assert ab <= council.coalition(["B", "A"])
    assert bc > ab
    assert bc >= council.coalition(["C", "B"])
    assert not ac > bc
    assert isinstance(ab, Coalition)
