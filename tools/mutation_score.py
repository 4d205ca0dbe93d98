"""Print the mutation score of the last `mutmut run` (`make mutants`).

Reads mutmut's results in mutants/ and prints one `name: value unit` line per figure, then
every surviving mutant: first those with no test yet (each one is a test to write; see it with
`.venv/bin/mutmut show NAME`), then those listed in tests/equivalent_mutants.txt as unable to
change what the code does, with the reason given there. Exits with 1 when the score is below
the target, so that a drop is noticed.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 90.0
EQUIVALENT = ROOT / "tests" / "equivalent_mutants.txt"
# mutmut's exit codes (mutmut/stats.py): the test run's exit code, or its own markers.
KILLED = {1, 3, 36, 24, -24, 152, 255}  # a test failed, or the mutant timed out
SURVIVED = {0}
NO_TESTS = {5, 33}
SKIPPED = {34}


def status(exit_code) -> str:
    if exit_code in KILLED:
        return "killed"
    if exit_code in SURVIVED:
        return "survived"
    if exit_code in NO_TESTS:
        return "no tests"
    if exit_code in SKIPPED:
        return "skipped"
    return "not checked" if exit_code is None else "suspicious"


def read_results(folder: Path) -> dict[str, str]:
    """Every mutant's name and status, from mutmut's .meta files."""
    results = {}
    for meta in sorted(folder.rglob("*.py.meta")):
        for name, code in json.loads(meta.read_text())["exit_code_by_key"].items():
            results[name] = status(code)
    return results


def read_equivalent(path: Path | None = None) -> dict[str, str]:
    """Mutant name -> reason, one `name  reason` per line; blank lines and # comments ignored."""
    path = EQUIVALENT if path is None else path
    listed = {}
    for line in path.read_text().splitlines() if path.exists() else []:
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, reason = line.strip().partition(" ")
            listed[name] = reason.strip()
    return listed


def score(results: dict[str, str]) -> float:
    """Killed mutants as a percentage of all mutants but the skipped ones."""
    counted = [s for s in results.values() if s != "skipped"]
    return 100.0 * sum(s == "killed" for s in counted) / max(len(counted), 1)


def main(folder: Path = ROOT / "mutants") -> int:
    results = read_results(folder)
    if not results:
        print("no mutation results in mutants/: run `make mutants` first", file=sys.stderr)
        return 2
    counts = Counter(results.values())
    equivalent = read_equivalent()
    alive = sorted(name for name, s in results.items() if s not in ("killed", "skipped"))
    for label in ("killed", "survived", "no tests", "suspicious", "not checked", "skipped"):
        print(f"mutants_{label.replace(' ', '_')}: {counts.get(label, 0)} mutants")
    print(f"mutation_score: {score(results):.1f} %  (target at least {TARGET:.0f} %)")
    missing = [name for name in alive if name not in equivalent]
    print(f"\nSurvivors that need a test ({len(missing)}):")
    print("\n".join(f"  {name}  ({results[name]})" for name in missing) or "  none")
    print(f"\nSurvivors listed as equivalent in {EQUIVALENT.name} ({len(alive) - len(missing)}):")
    print("\n".join(f"  {name}: {equivalent[name]}" for name in alive if name in equivalent) or "  none")
    return 0 if score(results) >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
