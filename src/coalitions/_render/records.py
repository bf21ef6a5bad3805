"""Results as rows of plain values, for data frames and spreadsheets."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

from coalitions._allocation import Allocation
from coalitions._chances import Simulation
from coalitions._election import Outlook
from coalitions._model import Coalition
from coalitions.exceptions import InvalidTypeError

__all__ = ["records", "to_dataframe"]


def records(result: object) -> list[dict[str, Any]]:
    """Return a result as a list of rows (dicts of plain values), one per item.

    Works on a list of coalitions (from [`minimal_winning`][coalitions.minimal_winning]
    and the like), a power index (party to value), an
    [`Outlook`][coalitions.Outlook], a [`Simulation`][coalitions.Simulation]
    (its [`table`][coalitions.Simulation.table]) and an
    [`Allocation`][coalitions.Allocation]. Parties in a coalition are joined
    with " + "; exact values come as floats with their exact text beside.

    Raises:
        InvalidTypeError: The result is none of those.

    Examples:
        >>> row = records(minimal_winning(example("darlington-2023")))[0]
        >>> row["parties"], row["seats"], row["surplus"]
        ('Labour + Conservative', 37, 11)
        >>> records(banzhaf(example("eec-1958")))[0]["exact"]
        '5/21'
    """
    if isinstance(result, Allocation):
        return [
            {
                "party": p.name,
                "votes": p.votes,
                "share": float(p.share),
                "seats": p.seats,
                "qualified": p.qualified,
                "votes_short": p.votes_short,
            }
            for p in result.parties
        ]
    if isinstance(result, Simulation):
        return [
            {
                "parties": " + ".join(row.parties),
                "size": len(row.parties),
                "probability": float(row.probability),
                "standard_error": row.standard_error,
            }
            for row in result.table()
        ]
    if isinstance(result, Outlook):
        return [
            {
                **_coalition(item.coalition),
                "status": item.status.value,
                "seats_needed": item.seats_needed,
            }
            for item in result.coalitions
        ]
    if isinstance(result, Mapping) and all(
        isinstance(value, Fraction) for value in result.values()
    ):
        return [
            {"party": party, "value": float(value), "exact": str(value)}
            for party, value in result.items()
        ]
    if isinstance(result, Iterable) and not isinstance(result, str | Mapping):
        items = list(result)
        if all(isinstance(item, Coalition) for item in items):
            return [_coalition(item) for item in items]
    raise InvalidTypeError(
        "result",
        result,
        "coalitions, a power index, an Outlook, a Simulation or an Allocation",
    )


def _coalition(coalition: Coalition) -> dict[str, Any]:
    return {
        "parties": " + ".join(coalition.names),
        "size": len(coalition.parties),
        "seats": coalition.seats,
        "quota": coalition.quota,
        "surplus": coalition.surplus,
    }


def to_dataframe(result: object) -> Any:
    """Return [`records`][coalitions.records] as a pandas ``DataFrame``.

    pandas is not a dependency of this library: install it to use this.

    Raises:
        ModuleNotFoundError: pandas is not installed (the message says how
            to install it).
        InvalidTypeError: As for ``records``.

    Examples:
        >>> found = minimal_winning(example("darlington-2023"))
        >>> list(to_dataframe(found).columns)  # doctest: +SKIP
        ['parties', 'size', 'seats', 'quota', 'surplus']
    """
    rows = records(result)
    try:
        pandas = importlib.import_module("pandas")
    except ModuleNotFoundError:
        raise ModuleNotFoundError(
            "to_dataframe needs pandas, which coalitions does not install: "
            "pip install pandas (or use records() for plain rows)"
        ) from None
    return pandas.DataFrame(rows)
