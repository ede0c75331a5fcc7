#!/usr/bin/env python3
"""Builds the seed corpora of the fuzz targets from the repository's tests.

    python3 fuzz/seeds.py        (from the repository root; needs python3-yaml)

Writes fuzz/corpus/<target>/seed-* (replacing the seeds, keeping every other
file: the regression inputs of findings and the expression corpus):

- loader: every rule set of tests/rulesets, tests/cases, tests/scenarios,
  rules/ and bench/peer-policy, its files joined with `#file: NAME` lines
  (loader_fuzzer.cpp), one seed per root file of a folder;
- records_yaml, records_json, records_jsonl, records_csv: the records of the
  tests written in the rule sets, examples/*/, tests/data/eval and
  bench/peer-policy/records.csv, each in the target's format;
- evaluation: the test records of each rule set that evaluation_fuzzer.cpp
  decides, as YAML, after the byte that picks that rule set.
"""
import hashlib
import json
import os
import re
import sys

import yaml

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")
MAX_SEED = 24 * 1024  # bytes: larger inputs slow every run of their target

# The rule sets of evaluation_fuzzer.cpp's kRuleSets, in its order.
EVALUATION_RULESETS = [
    "fuzz/rules/records", "tests/data/hengyang-example", "tests/data/hengyang-example/leiyang.yaml",
    "tests/cases/group-values", "tests/cases/keyed", "tests/cases/possible-values",
    "tests/cases/history", "tests/cases/warning", "tests/cases/flags", "tests/cases/gates",
    "tests/cases/quota-base", "tests/cases/open-scales/county.yaml", "bench/peer-policy",
    "tests/rulesets/good/allocation-tiers", "tests/cases/exact-values",
    "tests/rulesets/good/decision-tables", "tests/cases/value-types",
]


def read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def clear_seeds(target):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        if name.startswith("seed-"):
            os.remove(os.path.join(folder, name))
    return folder


def write_seeds(target, seeds):
    """seeds: (label, bytes); identical contents are written once."""
    folder = clear_seeds(target)
    seen = set()
    count = 0
    for label, data in seeds:
        if not data or len(data) > MAX_SEED:
            continue
        digest = hashlib.sha1(data).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        label = re.sub(r"[^A-Za-z0-9_.-]+", "-", label).strip("-")[:80]
        with open(os.path.join(folder, "seed-%s-%s" % (label, digest[:8])), "wb") as f:
            f.write(data)
        count += 1
    print("%s: %d seeds" % (target, count))


# --- rule sets ---------------------------------------------------------------

def rule_set_folders():
    folders = []
    for base in ["tests/rulesets/broken", "tests/rulesets/good", "tests/cases", "tests/scenarios",
                 "tests/scenarios/cohort", "rules"]:
        for name in sorted(os.listdir(os.path.join(ROOT, base))):
            path = os.path.join(base, name)
            if os.path.isdir(os.path.join(ROOT, path)) and name != "cohort":
                folders.append(path)
    folders.append("bench/peer-policy")
    folders.append("fuzz/rules/records")
    return folders


def yaml_files(folder):
    files = []
    for directory, _, names in os.walk(os.path.join(ROOT, folder)):
        for name in sorted(names):
            if name.endswith((".yaml", ".yml")):
                files.append(os.path.relpath(os.path.join(directory, name), os.path.join(ROOT, folder)))
    return sorted(files)


def is_root(text):
    return re.search(rb"^ruleset:", text, re.M) is not None


def loader_seeds():
    seeds = []
    for folder in rule_set_folders():
        files = {name: read(os.path.join(folder, name)) for name in yaml_files(folder)}
        roots = [name for name in files if "/" not in name and is_root(files[name])]
        for root in sorted(roots, key=lambda n: n != "ruleset.yaml"):
            data = b"" if root == "ruleset.yaml" else b"#file: " + root.encode() + b"\n"
            data += files[root]
            for name, text in files.items():
                if name != root:
                    data += b"\n#file: " + name.encode() + b"\n" + text
            seeds.append((folder + "-" + root, data))
    return seeds


# --- records -----------------------------------------------------------------

class StringLoader(yaml.BaseLoader):
    """Every scalar as its text (3000.10 stays 3000.10, dates stay text)."""


def small(value, budget=None, level=0):
    """True when value has at most 5000 nodes nested at most 12 deep (tests of
    hostile input hold alias bombs and deep nesting)."""
    budget = budget if budget is not None else [5000]
    budget[0] -= 1
    if budget[0] < 0 or level > 12:
        return False
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return all(small(child, budget, level + 1) for child in children)


def test_records(folder_or_file):
    """Each test's records, {kind: [record, ...]}, of a rule set's files."""
    path = os.path.join(ROOT, folder_or_file)
    folder = path if os.path.isdir(path) else os.path.dirname(path)
    found = []
    for name in yaml_files(os.path.relpath(folder, ROOT)):
        if "/" in name:
            continue
        try:
            document = yaml.load(read(os.path.join(os.path.relpath(folder, ROOT), name)), StringLoader)
        except (yaml.YAMLError, RecursionError):
            continue
        if not isinstance(document, dict):
            continue
        for test in document.get("tests") or []:
            if isinstance(test, dict) and isinstance(test.get("records"), dict) and \
                    small(test["records"]):
                found.append((os.path.relpath(folder, ROOT) + "-" + test.get("name", ""), test["records"]))
    return found


def scalar_json(text):
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"-?(0|[1-9][0-9]*)", text):
        return int(text)
    return text


def plain(value):
    """A StringLoader value with JSON's scalars where the text is one."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return scalar_json(value)


def as_list(records):
    """{kind: [records]} → [records with kind]."""
    out = []
    for kind, items in records.items():
        for item in items or []:
            if isinstance(item, dict):
                out.append(dict({"kind": kind}, **item))
    return out


def to_yaml(records):
    return yaml.safe_dump(plain(records), allow_unicode=True, default_flow_style=None,
                          sort_keys=False, width=100).encode()


def decimals_as_numbers(text):
    """`"3000.10"` → `3000.10`: JSON numbers keep their text in the readers."""
    return re.sub(r'(: |\[|, )"(-?(?:0|[1-9][0-9]*)\.[0-9]+)"', r"\1\2", text)


def to_json(records):
    return decimals_as_numbers(json.dumps(plain(records), ensure_ascii=False, indent=1)).encode()


def to_jsonl(records):
    return b"".join(decimals_as_numbers(json.dumps(plain(r), ensure_ascii=False)).encode() + b"\n"
                    for r in as_list(records))


def flatten(value, prefix, cells):
    if isinstance(value, dict):
        for k, v in value.items():
            flatten(v, prefix + "." + k if prefix else k, cells)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            flatten(v, "%s[%d]" % (prefix, i), cells)
    else:
        cells[prefix] = value


def csv_cell(text):
    text = str(text)
    if any(c in text for c in ',"\r\n') or text != text.strip():
        return '"' + text.replace('"', '""') + '"'
    return text


def to_csv(records):
    rows = []
    for record in as_list(records):
        cells = {}
        flatten(record, "", cells)
        rows.append(cells)
    header = []
    for cells in rows:
        for name in cells:
            if name not in header:
                header.append(name)
    lines = [",".join(header)]
    lines += [",".join(csv_cell(cells.get(name, "")) for name in header) for cells in rows]
    return ("\n".join(lines) + "\n").encode()


def jsonl_as_yaml(text):
    return b"".join(b"- " + line + b"\n" for line in text.splitlines() if line.strip())


def records_sources():
    """(label, {kind: [records]}) of every test, and the fuzz rule set's samples."""
    sources = []
    for folder in rule_set_folders():
        sources += test_records(folder)
    sources += [("hengyang", yaml.load(read("tests/data/hengyang-example/sample-records.yaml"), StringLoader))]
    sources += [(label, yaml.load(read(path), StringLoader))
                for label, path in [("fuzz-records", "fuzz/rules/records/samples.yaml")]]
    return sources


def is_root_file(path):
    """A rule set's file rather than records (bench/peer-policy holds both)."""
    return re.search(rb"^(ruleset|schema|decisions|parameters|tests):", read(path), re.M) is not None


def file_seeds(extension):
    seeds = []
    examples = sorted(os.path.join("examples", name) for name in os.listdir(os.path.join(ROOT, "examples"))
                      if os.path.isdir(os.path.join(ROOT, "examples", name)))
    for directory in examples + ["tests/data/hengyang-example", "tests/data/eval", "bench/peer-policy"]:
        for name in sorted(os.listdir(os.path.join(ROOT, directory))):
            if name.endswith(extension) and not is_root_file(os.path.join(directory, name)):
                seeds.append((directory + "-" + name, read(os.path.join(directory, name))))
    return seeds


def records_seeds():
    sources = records_sources()
    write_seeds("records_yaml", file_seeds(".yaml") + [(l, to_yaml(r)) for l, r in sources])
    write_seeds("records_json", [(l, to_json(r)) for l, r in sources] +
                [(l + "-list", to_json(as_list(r))) for l, r in sources[-2:]])
    write_seeds("records_jsonl", file_seeds(".jsonl") + [(l, to_jsonl(r)) for l, r in sources])
    write_seeds("records_csv", file_seeds(".csv") + [(l, to_csv(r)) for l, r in sources])


def evaluation_seeds():
    seeds = []
    for index, path in enumerate(EVALUATION_RULESETS):
        # A printable first byte that picks rule set `index`.
        selector = next(b for b in range(0x41, 0x7f) if b % len(EVALUATION_RULESETS) == index)
        prefix = bytes([selector])
        sources = test_records(path)
        if path == "fuzz/rules/records":
            sources.append(("samples", yaml.load(read("fuzz/rules/records/samples.yaml"), StringLoader)))
        if path == "tests/data/hengyang-example":
            sources.append(("hengyang", None))
        for label, records in sources:
            data = read("tests/data/hengyang-example/sample-records.yaml") if records is None else to_yaml(records)
            seeds.append((path + "-" + label, prefix + data))
    for name, index in [("unreadable-member.jsonl", 3), ("keyed.jsonl", 4), ("possible.jsonl", 5),
                        ("warning.jsonl", 7), ("unreadable-candidate.jsonl", 10), ("exact.jsonl", 14)]:
        selector = next(b for b in range(0x41, 0x7f) if b % len(EVALUATION_RULESETS) == index)
        seeds.append(("eval-" + name, bytes([selector]) + jsonl_as_yaml(read("tests/data/eval/" + name))))
    write_seeds("evaluation", seeds)


def main():
    write_seeds("loader", loader_seeds())
    records_seeds()
    evaluation_seeds()
    return 0


if __name__ == "__main__":
    sys.exit(main())
