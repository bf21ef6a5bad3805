"""Coalition theories against the cabinets that actually formed (ParlGov).

Two steps:

    python scripts/theories_against_history.py --from-parlgov PATH/TO/parlgov
        rebuilds data/parlgov_first_cabinets.csv from ParlGov's view_cabinet.csv;

    python scripts/theories_against_history.py
        reads that file and prints the Markdown table shown in the docs
        ("Theories against history").

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
from pathlib import Path

import coalitions
from coalitions import Council, Party
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--from-parlgov",
        type=Path,
        metavar="DIR",
        help="rebuild the derived file from ParlGov's CSV views",
    )
    args = parser.parse_args()
    if args.from_parlgov:
        rebuild(args.from_parlgov)
    else:
        print(table())


if __name__ == "__main__":
    main()
