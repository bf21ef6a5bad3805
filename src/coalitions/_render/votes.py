"""Allocations and simulations as JSON documents and terminal tables."""

from __future__ import annotations

from typing import Any

from coalitions._allocation import ALLOCATION_METHODS, Allocation
from coalitions._chances import Simulation
from coalitions._render.panel import fraction_value
from coalitions._render.text import table


def allocation_document(result: Allocation) -> dict[str, Any]:
    """Return the JSON document printed by ``coalitions seats --json``.

    Examples:
        >>> result = allocate({"A": 600, "B": 400}, seats=5, method="dhondt")
        >>> allocation_document(result)["parties"][0]["seats"]
        3
    """
    return {
        "method": result.method,
        "house_size": result.house_size,
        "overhang": result.overhang,
        "threshold": fraction_value(result.threshold),
        "total_votes": result.total_votes,
        "parties": [
            {
                "name": party.name,
                "votes": party.votes,
                "share": fraction_value(party.share),
                "seats": party.seats,
                "constituency_seats": party.constituency_seats,
                "qualified": party.qualified,
                "votes_short": party.votes_short,
            }
            for party in result.parties
        ],
        "narrowest": result.narrowest(),
    }


def allocation_table(result: Allocation, title: str) -> str:
    """Return the table printed by ``coalitions seats``."""
    method = ALLOCATION_METHODS[result.method].split(":")[0]
    threshold = (
        f", threshold {float(result.threshold) * 100:.4g}%" if result.threshold else ""
    )
    rows = [
        (
            party.name,
            f"{party.votes:,}",
            f"{float(party.share):.2%}",
            str(party.seats) if party.qualified or party.seats else "-",
        )
        for party in result.parties
    ]
    lines = [
        title,
        f"{result.house_size} seats by {method}{threshold}",
        "",
        *table(("Party", "Votes", "Share", "Seats"), rows),
    ]
    narrowest = result.narrowest()
    if narrowest:
        lines += ["", narrowest]
    return "\n".join(lines)


def simulation_document(simulation: Simulation) -> dict[str, Any]:
    """Return the JSON document printed by ``coalitions chances --json``.

    Examples:
        >>> draws = [{"A": 60, "B": 40}, {"A": 45, "B": 55}]
        >>> run = simulate(draws=draws, seats=10, method="dhondt")
        >>> simulation_document(run)["coalitions"][0]["parties"]
        ['A']
    """
    alone = simulation.majority_alone()
    return {
        "draws": simulation.draws,
        "seats": simulation.seats,
        "parties": [
            {
                "name": row.party,
                "mean_seats": fraction_value(row.mean),
                "low": row.low,
                "high": row.high,
                "majority_alone": fraction_value(alone[row.party]),
            }
            for row in simulation.seat_ranges()
        ],
        "coalitions": [
            {
                "parties": list(row.parties),
                "probability": fraction_value(row.probability),
                "standard_error": row.standard_error,
            }
            for row in simulation.table()
        ],
    }


def simulation_table(simulation: Simulation, title: str) -> str:
    """Return the table printed by ``coalitions chances``."""
    seats = [
        (row.party, f"{float(row.mean):.1f}", f"{row.low}-{row.high}")
        for row in simulation.seat_ranges()
    ]
    chances = [
        (
            " + ".join(row.parties),
            f"{float(row.probability):.1%}",
            f"± {row.standard_error:.1%}",
        )
        for row in simulation.table()
    ]
    lines = [
        title,
        f"{simulation.draws:,} draws, {simulation.seats} seats, majority "
        f"{simulation.seats // 2 + 1}",
        "",
        *table(("Party", "Mean seats", "90% range"), seats),
        "",
        *table(("Coalition", "Chance of a majority", "Error"), chances),
    ]
    return "\n".join(lines)
