"""Coalition theories against the cabinets that actually formed (ParlGov).

Two steps:

    python scripts/theories_against_history.py --from-parlgov PATH/TO/parlgov
        rebuilds data/parlgov_first_cabinets.csv from ParlGov's view_cabinet.csv;

    python scripts/theories_against_history.py
        reads that file and prints the Markdown table shown in the docs
        ("Theories against history");

    python scripts/theories_against_history.py --orders
        scores orders of coalitions (the candidates for the order that
        rank() and the panels use) by where the cabinet that formed comes in
        each, among the minimal winning coalitions and among all winning
        ones, and prints the table shown in the docs ("Which order").

For each parliamentary election, the first cabinet formed after it (the
earliest that is not a caretaker) is classified, and each theory is asked
whether it predicted that cabinet. Seats held by ParlGov's pseudo-parties
("none", "one-seat", "etc": independents and small groups) and any other
difference between the parties' seats and the chamber's size are kept as
seats held by no listed party, and counted in the output.
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import coalitions
from coalitions import Classification, Classifier, Council, Party
from coalitions.exceptions import CoalitionsError

HERE = Path(__file__).resolve().parent
DERIVED = HERE.parent / "data" / "parlgov_first_cabinets.csv"
PSEUDO_PARTIES = {"none", "one-seat", "etc"}
COLUMNS = [
    "country",
    "election_date",
    "cabinet",
    "start_date",
    "seats_total",
    "party",
    "seats",
    "left_right",
    "in_cabinet",
]


def rebuild(parlgov: Path) -> None:
    """Write the derived file: one row per party of each post-election cabinet."""
    rows = list(csv.DictReader((parlgov / "view_cabinet.csv").open(encoding="utf-8")))
    cabinets: dict[str, list[dict[str, str]]] = collections.defaultdict(list)
    for row in rows:
        cabinets[row["cabinet_id"]].append(row)
    first: dict[str, str] = {}
    for cabinet_id, members in cabinets.items():
        head = members[0]
        if head["caretaker"] == "1" or not head["election_id"]:
            continue
        key = head["election_id"]
        if key not in first or (head["start_date"], int(cabinet_id)) < (
            cabinets[first[key]][0]["start_date"],
            int(first[key]),
        ):
            first[key] = cabinet_id
    with DERIVED.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for cabinet_id in sorted(
            first.values(),
            key=lambda c: (
                cabinets[c][0]["country_name_short"],
                cabinets[c][0]["election_date"],
            ),
        ):
            for row in sorted(
                cabinets[cabinet_id], key=lambda r: -int(r["seats"] or 0)
            ):
                writer.writerow(
                    [
                        row["country_name_short"],
                        row["election_date"],
                        row["cabinet_name"],
                        row["start_date"],
                        row["election_seats_total"],
                        row["party_name_short"],
                        row["seats"] or "0",
                        row["left_right"],
                        row["cabinet_party"],
                    ]
                )
    print(f"wrote {DERIVED} ({len(first)} cabinets)")


def cabinets_from_file() -> tuple[list[tuple[str, Council, list[str]]], list[str]]:
    """Return (label, council, cabinet parties) for every cabinet in the file,
    and the cabinets that cannot be modelled, with the reason."""
    groups: dict[tuple[str, str, str], list[dict[str, str]]] = collections.defaultdict(
        list
    )
    with DERIVED.open(encoding="utf-8") as source:
        for row in csv.DictReader(source):
            groups[(row["country"], row["election_date"], row["cabinet"])].append(row)
    result, skipped = [], []
    for (country, date, cabinet), rows in groups.items():
        parties, cabinet_parties, names = [], [], collections.Counter()
        for row in rows:
            if row["party"] in PSEUDO_PARTIES:
                continue  # seats held by no listed party
            names[row["party"]] += 1
            name = (
                row["party"]
                if names[row["party"]] == 1
                else (f"{row['party']} ({names[row['party']]})")
            )
            position = float(row["left_right"]) if row["left_right"] else None
            parties.append(Party(name, int(row["seats"]), position=position))
            if row["in_cabinet"] == "1":
                cabinet_parties.append(name)
        label = f"{country} {date} {cabinet}"
        try:
            council = Council(label, parties, int(rows[0]["seats_total"]))
        except CoalitionsError as error:
            skipped.append(f"{label}: {error}")
            continue
        if not cabinet_parties:
            skipped.append(f"{label}: no party is marked as in the cabinet")
            continue
        result.append((label, council, cabinet_parties))
    return result, skipped


def table() -> str:
    """Classify every cabinet and score every theory; return Markdown."""
    cabinets, skipped = cabinets_from_file()
    for reason in skipped:
        print(f"skipped {reason}", file=sys.stderr)
    kinds: collections.Counter[str] = collections.Counter()
    hits: collections.Counter[str] = collections.Counter()
    asked: collections.Counter[str] = collections.Counter()
    predicted: collections.Counter[str] = collections.Counter()
    unheld_councils = unheld_seats = 0
    for label, council, members in cabinets:
        if council.undeclared:
            unheld_councils += 1
            unheld_seats += council.undeclared
        kind = coalitions.classify(council, members)
        kinds["cabinets"] += 1
        kinds[
            "minority" if kind.minority else "minimal" if kind.minimal else "surplus"
        ] += 1
        placed = all(p.position is not None for p in council.parties)
        formed = frozenset(members)
        for name, theory in coalitions.THEORIES.items():
            if theory.uses_positions and not placed:
                continue
            try:
                predictions = theory.predict(council)
            except CoalitionsError as error:
                print(f"{name} skipped {label}: {error}", file=sys.stderr)
                continue
            asked[name] += 1
            predicted[name] += len(predictions)
            hits[name] += formed in {frozenset(c.names) for c in predictions}
    total = kinds["cabinets"]

    def share(count: int, of: int) -> str:
        return f"{count} ({100 * count / of:.0f}%)" if of else "-"

    lines = [
        f"Cabinets classified: {total}, the first non-caretaker cabinet after "
        f"each election ({len(skipped)} more skipped: their parties hold more "
        f"seats than the chamber, or none is marked as in the cabinet; the "
        f"script lists them). In {unheld_councils} "
        f"of them the listed parties' seats fall short of the chamber's size; "
        f"those {unheld_seats} seats are held by no listed party.",
        "",
        "| cabinet type | cabinets |",
        "| --- | --- |",
        f"| minimal winning | {share(kinds['minimal'], total)} |",
        f"| surplus majority | {share(kinds['surplus'], total)} |",
        f"| minority | {share(kinds['minority'], total)} |",
        "",
        "| theory | cabinets it could judge | formed cabinet among its predictions "
        "| predictions per election (mean) |",
        "| --- | --- | --- | --- |",
    ]
    for name, theory in coalitions.THEORIES.items():
        mean = predicted[name] / asked[name] if asked[name] else 0
        lines.append(
            f"| {theory.title} | {asked[name]} | {share(hits[name], asked[name])} "
            f"| {mean:.1f} |"
        )
    return "\n".join(lines)


#: Most winning coalitions of one election ranked when scoring orders over
#: all winning coalitions; elections with more are left out of that column.
ALL_WINNING_LIMIT = 100_000

#: The criteria an order is made of: each maps a classified coalition (and
#: whether the council's parties have positions) to a sort key, lower first.
#: Position criteria give 0 to every coalition where positions are missing.
CRITERIA: dict[str, Callable[[Classification, str | None], object]] = {
    "median": lambda item, largest: item.contains_median is False,
    "connected": lambda item, largest: item.connected is False,
    "fewest parties": lambda item, largest: len(item.coalition),
    "range": lambda item, largest: item.range or Fraction(0),
    "fewest seats": lambda item, largest: item.coalition.seats,
    "largest party": lambda item, largest: largest not in item.coalition.names,
    "minimal": lambda item, largest: not item.minimal,
}

#: The orders scored: the one the library uses first, then the others.
ORDERS: dict[str, tuple[str, ...]] = {
    name: tuple(criteria.split(", "))
    for name, criteria in {
        "A": "median, connected, fewest parties, range, fewest seats",
        "B": "fewest parties, fewest seats",
        "C": "fewest parties, median, connected, range, fewest seats",
        "D": "largest party, fewest parties, median, range, fewest seats",
        "E": "median, fewest parties, range, fewest seats",
        "F": "largest party, median, fewest parties, connected, fewest seats",
        "G": "connected, fewest parties, range, fewest seats",
        "H": "fewest seats",
        "I": "largest party, fewest parties, fewest seats",
        "J": "median, largest party, fewest parties, fewest seats",
    }.items()
}


def _place(
    items: list[Classification],
    criteria: tuple[str, ...],
    largest: str | None,
    formed: frozenset[str],
) -> int | None:
    """Where the formed cabinet comes (1 = first) in the order, or ``None``."""
    ordered = sorted(
        items,
        key=lambda item: (
            tuple(CRITERIA[name](item, largest) for name in criteria),
            item.coalition.sort_key(),
        ),
    )
    for place, item in enumerate(ordered, start=1):
        if frozenset(item.coalition.names) == formed:
            return place
    return None


def orders_table() -> str:
    """Score every order against the formed cabinets; return Markdown."""
    cabinets, _ = cabinets_from_file()
    places: dict[tuple[str, str], list[int | None]] = collections.defaultdict(list)
    judged = {"minimal": 0, "all": 0}
    left_out = 0
    majority_cabinets = 0
    for _, council, members in cabinets:
        formed = frozenset(members)
        if not council.is_winning(members):
            continue  # a minority cabinet: in no list of winning coalitions
        majority_cabinets += 1
        classifier = Classifier(council)
        largest = max(council.parties, key=lambda party: party.seats).name
        pools = {"minimal": list(map(classifier.classify, classifier.listed))}
        if coalitions.count_winning(council) <= ALL_WINNING_LIMIT:
            everything = coalitions.winning(council, max_coalitions=None)
            pools["all"] = list(map(classifier.classify, everything))
        else:
            left_out += 1
        for pool, items in pools.items():
            judged[pool] += 1
            for name, criteria in ORDERS.items():
                places[(name, pool)].append(_place(items, criteria, largest, formed))

    def share(pool: str, name: str, top: int) -> str:
        found = places[(name, pool)]
        hits = sum(1 for place in found if place is not None and place <= top)
        return f"{100 * hits / len(found):.0f}%"

    lines = [
        f"Majority cabinets scored: {majority_cabinets} (minority cabinets "
        f"are in no list of winning coalitions). Among all winning "
        f"coalitions: {judged['all']}, leaving out {left_out} elections with "
        f"more than {ALL_WINNING_LIMIT:,} winning coalitions.",
        "",
        "| order | criteria, in turn | minimal winning: first | top 3 | top 5 "
        "| all winning: first | top 3 | top 5 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, criteria in ORDERS.items():
        cells = [
            share(pool, name, top) for pool in ("minimal", "all") for top in (1, 3, 5)
        ]
        lines.append(f"| {name} | {', '.join(criteria)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--from-parlgov",
        type=Path,
        metavar="DIR",
        help="rebuild the derived file from ParlGov's CSV views",
    )
    parser.add_argument(
        "--orders",
        action="store_true",
        help="score orders of coalitions against the cabinets that formed",
    )
    args = parser.parse_args()
    if args.from_parlgov:
        rebuild(args.from_parlgov)
    elif args.orders:
        print(orders_table())
    else:
        print(table())


if __name__ == "__main__":
    main()
