"""The site's number formatting (web/live/format.js) against Python's own: f"{x:.Nf}", f"{x:.Ng}" and str(x).

Python writes the expected strings; tests/format_cases.mjs runs the JavaScript on the same doubles (sent as
repr strings, which read back exactly), and every case must match.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tests" / "format_cases.mjs"

TIES = [0.125, 0.375, 2.5, 3.5, 0.5, 1.5, 12.5, 1.25, 2.675, 1e21, 1e22, 1.5e300, 123456789012345678901234.0,
        -0.0, 0.0, 1e-7, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 9.995, 0.0001, 0.00001,
        1e15, 1e16, 123.456, 9.5, 99.5, 125.0, 0.05, 1e-5, 9.999999e-5, math.inf, -math.inf, math.nan]


def doubles(count: int = 1500, seed: int = 11) -> list[float]:
    """The edge values, with their negatives, and random doubles from 1e-30 to 1e30, some of them whole."""
    rng = random.Random(seed)
    values = TIES + [-v for v in TIES]
    values += [rng.uniform(-1, 1) * 10 ** rng.uniform(-30, 30) for _ in range(count)]
    values += [float(rng.randrange(-10 ** 6, 10 ** 6)) / 8 for _ in range(200)]  # exact halves, quarters, eighths
    return values


def cases() -> list[tuple[str, float, int, str]]:
    """(helper, x, digits, Python's string) for every value: .Nf for N in 0..6, .Ng for N in 1..5, and str."""
    table = []
    for x in doubles():
        table += [("fixed", x, n, f"{x:.{n}f}") for n in range(7)]
        table += [("general", x, n, f"{x:.{n}g}") for n in range(1, 6)]
        table.append(("pyFloat", x, 0, str(x)))
    return table


def run_javascript(table) -> list[str]:
    sent = json.dumps([[helper, repr(x), digits] for helper, x, digits, _ in table])
    done = subprocess.run(["node", str(SCRIPT)], input=sent, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout)


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node")
def test_the_site_writes_every_number_as_python_does():
    table = cases()
    got = run_javascript(table)
    wrong = [(helper, repr(x), digits, want, js) for (helper, x, digits, want), js in zip(table, got) if js != want]
    assert len(got) == len(table)
    assert not wrong, f"{len(wrong)} of {len(table)} differ, e.g. {wrong[:10]}"


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node")
@pytest.mark.parametrize("helper, x, digits, want", [
    ("fixed", 1e21, 2, "1000000000000000000000.00"),
    ("fixed", 0.125, 2, "0.12"),
    ("fixed", 0.375, 2, "0.38"),
    ("fixed", -0.0, 1, "-0.0"),
    ("general", 125.0, 2, "1.2e+02"),
    ("general", 1e-5, 2, "1e-05"),
    ("pyFloat", 1e16, 0, "1e+16"),
    ("pyFloat", 1.0, 0, "1.0"),
])
def test_the_cases_a_review_named(helper, x, digits, want):
    assert want == (f"{x:.{digits}f}" if helper == "fixed" else f"{x:.{digits}g}" if helper == "general" else str(x))
    assert run_javascript([(helper, x, digits, want)]) == [want]
