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

import importlib.metadata

from coalitions._allocation import (
    ALLOCATION_METHODS,
    Allocation,
    PartyResult,
    allocate,
    parse_threshold,
)
from coalitions._chances import Chance, SeatRange, Simulation, simulate
from coalitions._changes import Changes, SeatChange, changes
from coalitions._constraints import Constraints
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
from coalitions._model import Coalition, Council, Party
from coalitions._power import (
    POWER_INDICES,
    PowerIndex,
    banzhaf,
    deegan_packel,
    johnston,
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
from coalitions._render.svg import svg
from coalitions._rules import (
    CastingVote,
    FixedQuota,
    Majority,
    QuotaRule,
    Supermajority,
    simple_majority,
    supermajority,
)
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
    rank,
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

try:
    #: The installed version of the distribution ``coalition-calculator``.
    __version__ = importlib.metadata.version("coalition-calculator")
except importlib.metadata.PackageNotFoundError:  # pragma: no cover - source tree
    __version__ = "unknown"

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
    "public_good",
    "public_good_counts",
    "rank",
    "shapley_shubik",
    "simple_majority",
    "simulate",
    "supermajority",
    "svg",
    "swings",
    "veto_players",
    "winning",
]
