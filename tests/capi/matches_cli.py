"""The Python binding (examples/python/cadre.py) gives, byte for byte, the JSON
Lines of `cadre-policy eval` for the same rule set, records and date: its
`_context` line first, then one line per record.

    CADRE_LIBRARY=… python3 matches_cli.py CADRE_POLICY RULESET RECORDS --as-of DATE
"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "examples", "python"))
import cadre  # noqa: E402


def main():
    cli, ruleset, records, _, as_of = sys.argv[1:6]
    expected = subprocess.run([cli, "eval", ruleset, records, "--as-of", as_of],
                              check=True, capture_output=True, text=True).stdout
    with cadre.RuleSet(ruleset) as rules, cadre.Engine(rules) as engine:
        context = engine.decide_context(as_of)
        decided = engine.decide_file(records, as_of)
    actual = context.jsonl() + decided.jsonl()
    if actual != expected:
        for number, (a, e) in enumerate(zip(actual.split("\n"), expected.split("\n")), 1):
            if a != e:
                print(f"line {number} differs:\n  binding: {a[:200]}\n  eval:    {e[:200]}")
                break
        print(f"the binding's {actual.count(chr(10))} lines differ from eval's "
              f"{expected.count(chr(10))}")
        return 1
    print(f"the binding's {actual.count(chr(10))} JSON lines are eval's, byte for byte")
    return 0


if __name__ == "__main__":
    sys.exit(main())
