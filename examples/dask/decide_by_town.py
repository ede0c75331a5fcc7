#!/usr/bin/python3
"""A population decided town by town on a Dask cluster, through the Python
binding of the C API (examples/python/cadre.py).

    CADRE_LIBRARY=build/dev/src/libcadre-policy.so \\
        examples/dask/decide_by_town.py rules/hengyang examples/hengyang/population.yaml --as-of 2019-03-15

The records are partitioned by town: a town's partition holds the town, its
villages and their cadres, plus the records every town refers to (the
district, the county's assessment schemes), so that each partition decides
exactly what the whole file decides for those records; cohort rules (at most
20 % 优秀 in a town) never cross a town. Each worker process loads the rule
set once (a worker plugin) and decides the partitions it is given; the lines
are gathered back into input order. The script then decides the whole file in
one process, checks that both give the same JSON lines in the same order, and
prints the throughput of each. README.md explains how this scales out.
"""

import argparse
import json
import os
import sys
import time

import yaml
from distributed import Client, LocalCluster, WorkerPlugin, get_worker

BINDING = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python")
PLUGIN = "cadre-ruleset"


class RuleSetOnWorker(WorkerPlugin):
    """Loads the rule set once in each worker process, when it starts, and
    keeps one engine there for every partition the worker decides."""

    def __init__(self, ruleset, library):
        self.ruleset = ruleset
        self.library = library
        self.rules = self.engine = None

    def setup(self, worker):
        os.environ["CADRE_LIBRARY"] = self.library
        if BINDING not in sys.path:
            sys.path.insert(0, BINDING)
        import cadre

        self.rules = cadre.RuleSet(self.ruleset)
        self.engine = cadre.Engine(self.rules)

    def teardown(self, worker):
        self.engine.close()
        self.rules.close()


def decide_partition(records_json, positions, as_of):
    """Decides one partition on a worker: the lines of the records it owns,
    as (position in the input, line). `positions` gives, in the order the
    partition's JSON lists its records, each one's position in the input, or
    None for a record it holds only because its own records refer to it."""
    engine = get_worker().plugins[PLUGIN].engine
    decided = engine.decide_text(records_json, as_of, format="json", name="partition.json")
    return [(position, line) for position, line in zip(positions, decided.lines)
            if position is not None]


def read_population(path):
    """The records of a YAML file of kind → records, in input order, as
    (kind, record) pairs. Dates stay text, as JSON writes them."""

    class TextDates(yaml.SafeLoader):
        pass

    TextDates.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    with open(path, encoding="utf-8") as file:
        data = yaml.load(file, Loader=TextDates)
    return [(kind, record) for kind, records in data.items() for record in records or []]


def copied(population, copies):
    """The population with its towns repeated `copies` times, for a load worth
    measuring: each copy's towns, villages and cadres renamed (`T-QH`,
    `T-QH~2`, …), the records of no town kept once."""
    renamed = ("id", "town_id", "village_id")
    in_towns = [(kind, record) for kind, record in population
                if kind in ("town", "village", "cadre")]
    out = list(population)
    for copy in range(2, copies + 1):
        for kind, record in in_towns:
            record = dict(record)
            for field in renamed:
                if isinstance(record.get(field), str):
                    record[field] += f"~{copy}"
            out.append((kind, record))
    return out


def in_kind_order(population, positions):
    """`positions` in the order the JSON of a mapping kind → records lists
    them (and its lines come back in): by kind, as the input first has them,
    then by position."""
    rank = {kind: i for i, kind in enumerate(dict.fromkeys(kind for kind, _ in population))}
    return sorted(positions, key=lambda position: (rank[population[position][0]], position))


def as_json(population, ordered):
    """The records at the positions `ordered` (in kind order) as the JSON of a
    mapping kind → records."""
    groups = {}
    for position in ordered:
        kind, record = population[position]
        groups.setdefault(kind, []).append(record)
    return json.dumps(groups, ensure_ascii=False)


def partitions(population):
    """The partitions as (JSON of kind → records, positions): one per town,
    then one of the records of no town. Every partition also holds the
    records of no town, which its records refer to (the district, the
    schemes); only the last one decides them for the output."""
    village_town = {record["id"]: record.get("town_id")
                    for kind, record in population if kind == "village"}

    def town_of(kind, record):
        if kind == "town":
            return record["id"]
        if kind == "village":
            return record.get("town_id")
        if kind == "cadre":
            return village_town.get(record.get("village_id"))
        return None

    shared, towns = [], {}
    for position, (kind, record) in enumerate(population):
        town = town_of(kind, record)
        if town is None:
            shared.append(position)
        else:
            towns.setdefault(town, []).append(position)

    def partition(owned):
        ordered = in_kind_order(population, set(owned) | set(shared))
        owned = set(owned)
        return (as_json(population, ordered),
                [position if position in owned else None for position in ordered])

    return [partition(owned) for owned in list(towns.values()) + [shared]]


def main():
    parser = argparse.ArgumentParser(description="Decide a population town by town on Dask.")
    parser.add_argument("ruleset")
    parser.add_argument("records", help="a YAML records file of kind → records")
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--copies", type=int, default=1,
                        help="decide the towns this many times over (renamed), to measure")
    arguments = parser.parse_args()
    library = os.environ.get("CADRE_LIBRARY")
    if not library:
        sys.exit("decide_by_town.py: set CADRE_LIBRARY to the path of libcadre-policy.so")
    sys.path.insert(0, BINDING)
    import cadre

    population = copied(read_population(arguments.records), arguments.copies)
    parts = partitions(population)
    with LocalCluster(n_workers=arguments.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        client.register_worker_plugin(RuleSetOnWorker(os.path.abspath(arguments.ruleset),
                                                      os.path.abspath(library)), name=PLUGIN)
        start = time.perf_counter()
        futures = [client.submit(decide_partition, text, positions, arguments.as_of, pure=False)
                   for text, positions in parts]
        lines = [None] * len(population)
        for decided in client.gather(futures):
            for position, line in decided:
                lines[position] = line
        distributed_seconds = time.perf_counter() - start

    with cadre.RuleSet(arguments.ruleset) as rules, cadre.Engine(rules) as engine:
        start = time.perf_counter()
        if arguments.copies == 1:
            whole = engine.decide_file(arguments.records, arguments.as_of).lines
        else:  # the copies as one text, its lines put back in input order
            ordered = in_kind_order(population, range(len(population)))
            decided = engine.decide_text(as_json(population, ordered), arguments.as_of,
                                         format="json")
            whole = [None] * len(population)
            for position, line in zip(ordered, decided.lines):
                whole[position] = line
        one_process_seconds = time.perf_counter() - start

    count = len(population)
    print(f"{count} records in {len(parts)} partitions ({len(parts) - 1} towns and the records "
          f"of no town) on {arguments.workers} workers: {distributed_seconds:.3f} s, "
          f"{count / distributed_seconds:.0f} records/s")
    whole_input = "file" if arguments.copies == 1 else "population"
    print(f"the whole {whole_input} in one process: {one_process_seconds:.3f} s, "
          f"{count / one_process_seconds:.0f} records/s")
    if lines != whole:
        for position, (mine, theirs) in enumerate(zip(lines, whole)):
            if mine != theirs:
                print(f"line {position + 1} differs:\n  by town:    {str(mine)[:160]}\n"
                      f"  whole file: {theirs[:160]}")
                break
        print(f"the lines by town differ from the whole file's ({len(whole)} lines)")
        return 1
    print(f"the same {len(whole)} JSON lines, in the same order, as deciding the whole "
          f"{whole_input} in one process")
    return 0


if __name__ == "__main__":
    sys.exit(main())
