"""The explorers' sentences: one set of templates (helpers/explorer_text.json), filled the same way by
Python (helpers/explorer_text.py) and by the JavaScript renderer (web/live/texts.js).

Python fills each case; tests/texts_cases.mjs fills the same cases with the JavaScript, and every
string must match, including which cases are refused.
"""

from __future__ import annotations

import json
import random
import shutil
import string
import subprocess
from pathlib import Path

import pytest

from helpers.explorer_text import TEXT, fill

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tests" / "texts_cases.mjs"
needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="needs node")

SAMPLE = {
    "seed": 12, "iterations": 300, "last_step": 10_000, "n_hidden": 3, "learning_rate": 0.25,
    "activation": "tanh", "scheme": "glorot", "mse": 0.0012345, "weights": [7.156, -0.0176, -0.0495],
    "outputs": [0.99999874, -0.01759575, 0.5, 0.125], "z": -1.25, "y": -0.8482836, "slope": 0.28040,
    "x1": 1.0, "x2": -0.5, "x3": 2.0, "label": "post's network", "output": 0.99999878,
    "parts": "the first; the second", "units": "3 hidden units", "wrong": "[0, 0, 1], [1, 1, 1]",
    "labels": ["[0, 0, 1]", "[0, 1, 1]"], "targets": [0, 1, 1, 0], "verdict": "Solves XOR.",
    "message": "the weights overflowed at step 12",
    # the step-through explorers (chapters 5 and 7)
    "iteration": 41, "line": 3, "lines": 4, "row": 2, "t": 1.0, "said": "Line 3 of 4: ...",
    "spoken": "delta = ...", "slope_name": "post", "slope_code": "1 - y**2", "slope_value": 0.7195,
    "slope_formula": "1 - y[2]**2 = 0.7195", "delta": 0.0116, "error": 0.0123,
    "x0": 1.0, "x1": 0.0, "x2": 1.0, "w0": -0.1657, "w1": 0.4406, "w2": -0.9998,
    "w": [-0.1657, 0.4406, -0.9998], "update": [0.01, 0.0, 0.02], "new_w": [-0.15, 0.44, -0.97],
    "H": 2, "H1": 3, "h": [0.25, -0.5], "z1": [0.26, -0.55], "z2": 0.3, "delta2": 0.02,
    "slope2": 0.9, "w2h": [0.5, -0.25], "back": [0.01, -0.005], "slope1": [0.9, 0.75],
    "delta1": [0.009, -0.004], "dW2": [0.1, 0.2, 0.3], "W2": [0.5, -0.25, 0.1],
    "new_W2": [0.6, -0.05, 0.4], "dW1": [0.1] * 6, "W1": [0.2] * 6, "new_W1": [0.3] * 6,
}


def templates(tree=TEXT, path=()):
    """Every template string in the JSON, with its path."""
    for key, value in tree.items():
        if isinstance(value, dict):
            yield from templates(value, path + (key,))
        elif isinstance(value, str) and not key.startswith("_"):
            yield ".".join(path + (key,)), value
        elif isinstance(value, list):  # the step-through explorers' lines
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    yield from templates(item, path + (key, str(i)))


def fields(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def python_fill(template: str, values: dict) -> str:
    try:
        return fill(template, **values)
    except (KeyError, ValueError, TypeError):
        return "error"


def javascript_fill(cases) -> list[str]:
    done = subprocess.run(["node", str(SCRIPT)], input=json.dumps(cases), capture_output=True, text=True,
                          check=True, cwd=ROOT)
    return ["error" if got.startswith("error: ") else got for got in json.loads(done.stdout)]


def random_cases(count: int = 400, seed: int = 3) -> list:
    """Numbers of every size through every format, lists of them, repr of numbers and names."""
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        x = rng.uniform(-1, 1) * 10 ** rng.uniform(-6, 6)
        spec = rng.choice(["!r", ":.0f", ":.1f", ":.2f", ":.3f", ":.1g", ":.2g", ":.3g", ":.4g"])
        many = [rng.uniform(-3, 3) for _ in range(rng.randrange(4))]
        cases.append((f"x{{a{spec}}} [{{b{spec}}}] {{{{literal}}}} {{n}} {{s!r}}",
                      {"a": x, "b": many, "n": rng.randrange(-10**6, 10**6), "s": rng.choice(["tanh", "post"])}))
    return cases


REFUSED = [
    ("{seed}", {}),                         # no value for a field
    ("{rate}", {"rate": 0.5}),              # a plain field with a fraction: ambiguous across hosts
    ("{rate} {", {"rate": 1}),              # a lone brace
    ("{rate:.2e}", {"rate": 1.0}),          # a format the hosts do not share
    ("{name:.2f}", {"name": "tanh"}),       # digits of a word
    ("{name!r}", {"name": "post's"}),       # a quote inside !r
    ("{name!r}", {"name": True}),           # !r of neither a word nor a number
    ("{a.real}", {"a": 1}),                 # attribute access
    ("{flag}", {"flag": True}),             # a bool is not a whole number here
]


def test_every_template_fills_with_the_fields_it_names():
    for path, template in templates():
        assert set(fields(template)) <= set(SAMPLE), f"{path} names a field the tests do not know"
        fill(template, **SAMPLE)


@pytest.mark.parametrize("template, values", REFUSED)
def test_python_refuses(template, values):
    with pytest.raises((KeyError, ValueError, TypeError)):
        fill(template, **values)


@needs_node
def test_javascript_writes_every_template_as_python_does():
    cases = [(template, SAMPLE) for _, template in templates()] + random_cases()
    want = [python_fill(template, values) for template, values in cases]
    assert "error" not in want
    assert javascript_fill(cases) == want


@needs_node
def test_javascript_refuses_what_python_refuses():
    assert javascript_fill(REFUSED) == ["error"] * len(REFUSED)


def test_the_rules_by_example():
    assert fill("{a!r} {b!r} {c!r}", a="tanh", b=1, c=0.1) == "'tanh' 1.0 0.1"
    assert fill("{w:.2f}", w=[0.5, -1, 2.345]) == "0.50, -1.00, 2.35"
    assert fill("{{x}} {n}", n=7) == "{x} 7"
    assert fill("{mse:.2g}", mse=0.0012345) == "0.0012"


def test_reproduce_code_stays_within_79_characters():
    long = {**SAMPLE, "seed": 4_294_967_295, "learning_rate": 0.03, "z": -3.9, "x1": -0.9, "x2": -0.9,
            "x3": -0.9, "activation": "post_tanh", "scheme": "uniform", "n_hidden": 8, "iterations": 10_000}
    for name, texts in TEXT.items():
        if isinstance(texts, dict) and "reproduce" in texts:
            for line in fill(texts["reproduce"], **long).splitlines():
                assert len(line) <= 79, f"{name}: {line}"


def _json_ready(value):
    """A field as JSON carries it to the renderer: NumPy numbers and arrays as Python's."""
    if isinstance(value, dict):
        return {key: _json_ready(item) for key, item in value.items()}
    if hasattr(value, "tolist"):
        return value.tolist()
    return value


def step_through_cases() -> list:
    """Every template of the step-through explorers (chapters 5 and 7), filled with the fields
    the Python host computes, at each line, at a few settings."""
    from helpers import explorers

    cases = []
    settings = [
        (explorers.StepExplorer, {"iterations": 0, "row": 2, "slope": "post"}),
        (explorers.StepExplorer, {"iterations": 9999, "row": 0, "slope": "true",
                                  "learning_rate": 0.03}),
        (explorers.HiddenStepExplorer, {"iterations": 0, "n_hidden": 1, "row": 1}),
        (explorers.HiddenStepExplorer, {"iterations": 10_000, "n_hidden": 3, "row": 3}),
    ]
    for kind, setting in settings:
        explorer = kind(**setting)
        text = TEXT[explorer.NAME]
        for line in range(len(text["lines"]) + 1):
            explorer.set(line=line)
            fields = _json_ready(explorer.fields(explorer.values, explorer._numbers))
            cases += [(text[key], fields) for key in ("heading", "alt", "before", "said")]
            cases += [(item[key], fields) for item in text["lines"]
                      for key in ("code", "formula", "spoken")]
            cases += [(slope["formula"], fields) for slope in text.get("slopes", {}).values()]
    return cases


@needs_node
def test_javascript_fills_the_step_through_templates_with_the_hosts_fields_as_python_does():
    cases = step_through_cases()
    want = [python_fill(template, values) for template, values in cases]
    assert "error" not in want and len(cases) > 200
    assert javascript_fill(cases) == want
