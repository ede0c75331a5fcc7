#!/usr/bin/env python3
"""Writes cadre records of the peer-comparison policy (bench/peer-policy).

    generate_peer_records.py --records N --format jsonl|csv [--output FILE]

The records are those of `peer_population` in the engine benchmarks
(bench/populations.cpp): the same 64-bit LCG, drawn in the same order, so that
the in-memory and the file benchmarks decide the same records (a date's three
draws are day, month, year, in that order).

Standard library only.
"""

import argparse
import sys

ROLES = ("secretary", "director", "member", "reserve")
GRADES = ("优秀", "称职", "基本称职", "不称职")
COMMITTEE = ("好", "较好", "一般", "差")
FIELDS = (
    "id", "role", "birth_date", "full_time_college", "tenure_start", "town_rank",
    "town_size", "collective_income", "party_org_stars", "grade", "committee_grade",
    "competency_rate", "missed_targets", "skipped_org_life", "criminal_conviction",
    "line_deviation", "base_performance_pay",
)

MASK = (1 << 64) - 1
MULTIPLIER = 6364136223846793005
INCREMENT = 1442695040888963407
SEED = 0x9E3779B97F4A7C15


def draws():
    """The LCG of the benchmarks' Sequence: yields `state >> 33`, to be taken
    modulo the bound (Sequence::next)."""
    state = SEED
    while True:
        state = (state * MULTIPLIER + INCREMENT) & MASK
        yield state >> 33


def records(count):
    """Yields each record as a list of FIELDS' values, in peer_population's order."""
    draw = draws().__next__

    def date(first, years):
        day, month, year = draw(), draw(), draw()
        return "%04d-%02d-%02d" % (first + year % years, 1 + month % 12, 1 + day % 28)

    for i in range(count):
        role = ROLES[draw() % 4]
        birth_date = date(1965, 35)
        college = draw() % 2 == 0
        tenure_start = date(2010, 14)
        town_size = 5 + draw() % 20
        town_rank = 1 + draw() % town_size
        income = draw() % 400 * 1000
        stars = 1 + draw() % 5
        grade = GRADES[draw() % 4]
        committee = COMMITTEE[draw() % 4]
        rate = "0.%d" % (70 + draw() % 30)
        missed = draw() % 10 == 0
        skipped = draw() % 10 == 0
        criminal = draw() % 50 == 0
        deviation = draw() % 50 == 0
        base = 1500 + draw() % 1000
        yield ["c%d" % i, role, birth_date, college, tenure_start, town_rank, town_size, income,
               stars, grade, committee, rate, missed, skipped, criminal, deviation, base]


# Text, ints and bools in JSON; competency_rate as a JSON number (0.85).
JSONL_LINE = (
    '{"id":"%s","role":"%s","birth_date":"%s","full_time_college":%s,'
    '"tenure_start":"%s","town_rank":%d,"town_size":%d,"collective_income":%d,'
    '"party_org_stars":%d,"grade":"%s","committee_grade":"%s","competency_rate":%s,'
    '"missed_targets":%s,"skipped_org_life":%s,"criminal_conviction":%s,'
    '"line_deviation":%s,"base_performance_pay":%d}\n'
)
# The columns and spelling of bench/peer-policy/records.csv.
CSV_LINE = "%s,%s,%s,%s,%s,%d,%d,%d,%d,%s,%s,%s,%s,%s,%s,%s,%d\n"
BOOLS = (3, 12, 13, 14, 15)


def write(out, count, fmt):
    line = JSONL_LINE if fmt == "jsonl" else CSV_LINE
    if fmt == "csv":
        out.write(",".join(FIELDS) + "\n")
    chunk = []
    for values in records(count):
        for i in BOOLS:
            values[i] = "true" if values[i] else "false"
        chunk.append(line % tuple(values))
        if len(chunk) == 10000:
            out.write("".join(chunk))
            chunk.clear()
    out.write("".join(chunk))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, required=True, help="how many records")
    parser.add_argument("--format", choices=("jsonl", "csv"), required=True)
    parser.add_argument("--output", help="the file to write (default: standard output)")
    args = parser.parse_args()
    if args.records < 0:
        parser.error("--records must be 0 or more")
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as out:
            write(out, args.records, args.format)
    else:
        sys.stdout.reconfigure(encoding="utf-8", newline="\n")
        write(sys.stdout, args.records, args.format)


if __name__ == "__main__":
    main()
