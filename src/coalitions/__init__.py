"""coalitions: who could govern?

Model a council or parliament, its parties and seats, and ask which
coalitions command a majority.

Examples:
    >>> import coalitions
    >>> council = coalitions.Council.from_seats(
    ...     "Darlington Borough Council",
    ...     {"Labour": 23, "Conservative": 14, "Green": 7,
    ...      "Liberal Democrat": 3, "Independent": 1},
    ...     total_seats=50,
    ... )
    >>> [c.names for c in coalitions.minimal_winning(council)]
    [('Labour', 'Conservative'), ('Labour', 'Green'), ('Labour', 'Liberal Democrat')]
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from coalitions._constraints import Constraints
from coalitions._model import Coalition, Council, Party
from coalitions._rules import (
    CastingVote,
    DoubleMajority,
    FixedQuota,
    Majority,
    QuotaRule,
    Supermajority,
    simple_majority,
    supermajority,
)
from coalitions._winning import (
    DEFAULT_MAX_COALITIONS,
    count_minimal_winning,
    count_winning,
    iter_minimal_winning,
    iter_winning,
    minimal_winning,
    winning,
)
from coalitions.exceptions import CoalitionsError

if TYPE_CHECKING:  # imported on first use: see __getattr__
    from coalitions._allocation import (
        ALLOCATION_METHODS,
        Allocation,
        PartyResult,
        allocate,
        parse_threshold,
    )
    from coalitions._chances import Chance, SeatRange, Simulation, simulate
    from coalitions._changes import Changes, SeatChange, changes
    from coalitions._election import (
        CoalitionOutlook,
        Control,
        ControlStatus,
        Outlook,
        PartyOutlook,
        Status,
        coalition_outlook,
        control,
        outlook,
    )
    from coalitions._io import example, example_names, load_council, load_votes
    from coalitions._key_players import dictator, dummies, pivotal_members, veto_players
    from coalitions._power import (
        POWER_INDICES,
        PowerIndex,
        banzhaf,
        deegan_packel,
        johnston,
        power_note,
        public_good,
        public_good_counts,
        shapley_shubik,
        swings,
    )
    from coalitions._render.colours import (
        CLASH_THRESHOLD,
        ColourClashWarning,
        colour_clashes,
        party_colours,
    )
    from coalitions._render.html import html
    from coalitions._render.panel import (
        MAX_PANEL_BYTES,
        PANEL_SCHEMA_VERSION,
        json_dumps,
        panel,
        panel_schema,
    )
    from coalitions._render.records import records, to_dataframe
    from coalitions._render.svg import svg
    from coalitions._theories import (
        THEORIES,
        Classification,
        Classifier,
        Theory,
        classify,
        coalition_range,
        fewest_parties,
        median_party,
        median_party_name,
        minimal_connected_winning,
        minimal_range,
        minimum_winning,
        plausibility,
        rank,
    )


#: Names whose modules load on first use: power, theories, election night,
#: drawing, files, votes and polls are not needed to ask who could govern,
#: and importing them costs time.
_LAZY = {
    "Changes": "coalitions._changes",
    "SeatChange": "coalitions._changes",
    "changes": "coalitions._changes",
    "CoalitionOutlook": "coalitions._election",
    "Control": "coalitions._election",
    "ControlStatus": "coalitions._election",
    "Outlook": "coalitions._election",
    "PartyOutlook": "coalitions._election",
    "Status": "coalitions._election",
    "coalition_outlook": "coalitions._election",
    "control": "coalitions._election",
    "outlook": "coalitions._election",
    "dictator": "coalitions._key_players",
    "dummies": "coalitions._key_players",
    "pivotal_members": "coalitions._key_players",
    "veto_players": "coalitions._key_players",
    "POWER_INDICES": "coalitions._power",
    "PowerIndex": "coalitions._power",
    "banzhaf": "coalitions._power",
    "deegan_packel": "coalitions._power",
    "johnston": "coalitions._power",
    "power_note": "coalitions._power",
    "public_good": "coalitions._power",
    "public_good_counts": "coalitions._power",
    "shapley_shubik": "coalitions._power",
    "swings": "coalitions._power",
    "THEORIES": "coalitions._theories",
    "Classification": "coalitions._theories",
    "Classifier": "coalitions._theories",
    "Theory": "coalitions._theories",
    "classify": "coalitions._theories",
    "coalition_range": "coalitions._theories",
    "fewest_parties": "coalitions._theories",
    "median_party": "coalitions._theories",
    "median_party_name": "coalitions._theories",
    "minimal_connected_winning": "coalitions._theories",
    "minimal_range": "coalitions._theories",
    "minimum_winning": "coalitions._theories",
    "plausibility": "coalitions._theories",
    "rank": "coalitions._theories",
    "records": "coalitions._render.records",
    "to_dataframe": "coalitions._render.records",
    "ALLOCATION_METHODS": "coalitions._allocation",
    "Allocation": "coalitions._allocation",
    "PartyResult": "coalitions._allocation",
    "allocate": "coalitions._allocation",
    "parse_threshold": "coalitions._allocation",
    "Chance": "coalitions._chances",
    "SeatRange": "coalitions._chances",
    "Simulation": "coalitions._chances",
    "simulate": "coalitions._chances",
    "example": "coalitions._io",
    "example_names": "coalitions._io",
    "load_council": "coalitions._io",
    "load_votes": "coalitions._io",
    "CLASH_THRESHOLD": "coalitions._render.colours",
    "ColourClashWarning": "coalitions._render.colours",
    "colour_clashes": "coalitions._render.colours",
    "party_colours": "coalitions._render.colours",
    "html": "coalitions._render.html",
    "MAX_PANEL_BYTES": "coalitions._render.panel",
    "PANEL_SCHEMA_VERSION": "coalitions._render.panel",
    "json_dumps": "coalitions._render.panel",
    "panel": "coalitions._render.panel",
    "panel_schema": "coalitions._render.panel",
    "svg": "coalitions._render.svg",
}


def __getattr__(name: str) -> Any:
    """Load a lazily imported name, or ``__version__``, when first asked for.

    ``__version__`` is read from the installed metadata, which costs more
    than the rest of the import.
    """
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # later lookups skip this function
        return value
    if name == "__version__":
        metadata = importlib.import_module("importlib.metadata")
        try:
            version: str = metadata.version("coalition-calculator")
        except metadata.PackageNotFoundError:  # a source tree
            return "unknown"
        return version
    raise AttributeError(f"module 'coalitions' has no attribute {name!r}")


__all__ = [
    "ALLOCATION_METHODS",
    "CLASH_THRESHOLD",
    "DEFAULT_MAX_COALITIONS",
    "MAX_PANEL_BYTES",
    "PANEL_SCHEMA_VERSION",
    "POWER_INDICES",
    "THEORIES",
    "Allocation",
    "CastingVote",
    "Chance",
    "Changes",
    "Classification",
    "Classifier",
    "Coalition",
    "CoalitionOutlook",
    "CoalitionsError",
    "ColourClashWarning",
    "Constraints",
    "Control",
    "ControlStatus",
    "Council",
    "DoubleMajority",
    "FixedQuota",
    "Majority",
    "Outlook",
    "Party",
    "PartyOutlook",
    "PartyResult",
    "PowerIndex",
    "QuotaRule",
    "SeatChange",
    "SeatRange",
    "Simulation",
    "Status",
    "Supermajority",
    "Theory",
    "allocate",
    "banzhaf",
    "changes",
    "classify",
    "coalition_outlook",
    "coalition_range",
    "colour_clashes",
    "control",
    "count_minimal_winning",
    "count_winning",
    "deegan_packel",
    "dictator",
    "dummies",
    "example",
    "example_names",
    "fewest_parties",
    "html",
    "iter_minimal_winning",
    "iter_winning",
    "johnston",
    "json_dumps",
    "load_council",
    "load_votes",
    "median_party",
    "median_party_name",
    "minimal_connected_winning",
    "minimal_range",
    "minimal_winning",
    "minimum_winning",
    "outlook",
    "panel",
    "panel_schema",
    "parse_threshold",
    "party_colours",
    "pivotal_members",
    "plausibility",
    "power_note",
    "public_good",
    "public_good_counts",
    "rank",
    "records",
    "shapley_shubik",
    "simple_majority",
    "simulate",
    "supermajority",
    "svg",
    "swings",
    "to_dataframe",
    "veto_players",
    "winning",
]
