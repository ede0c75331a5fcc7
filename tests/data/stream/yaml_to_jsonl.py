#!/usr/bin/python3
"""Converts a YAML records file of the shape `kind: [records]` (the example
populations, examples/*/*.yaml) to JSON Lines, one record per line with its
`kind` first, in the file's order. Used once to write the committed test data
of this folder; run it again when an example population changes:

    tests/data/stream/yaml_to_jsonl.py examples/hengyang/population.yaml > tests/data/stream/hengyang.jsonl

A record kind that has a field called `kind` (a village's `kind: village` or
`community`) cannot say both in JSON Lines, where `kind` names the record kind
(docs/records.md): that field is left out, and its facts are then unknown.
"""
import datetime
import json
import sys

import yaml


def plain(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def main(path):
    with open(path, encoding="utf-8") as file:
        population = yaml.safe_load(file)
    for kind, records in population.items():
        for record in records or []:
            line = {"kind": kind}
            line.update((k, plain(v)) for k, v in record.items() if k != "kind")
            print(json.dumps(line, ensure_ascii=False, separators=(", ", ": ")))


if __name__ == "__main__":
    main(sys.argv[1])
