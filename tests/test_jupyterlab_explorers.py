"""The explorers in JupyterLab: the one renderer (helpers/explorer.js) computing with helpers.

The pinned JupyterLab (as in test_jupyterlab_reader.py) serves the reader's edition. Chromium runs
the reader's chapter 1 from the top, and a notebook of the other chapters' explorer cells, taken
from their reader's editions as they are. For each explorer, one control is moved with the
keyboard, as a reader would; the explorer's sentence must then be the one Python writes for the
new settings (``explorer.alt``, from helpers' numbers), and its chart must have been redrawn.
Moving the seed slider of the training explorer makes the kernel train a new run: the text shows
helpers' numbers for it, not a number computed in the browser.

The step-through explorers (chapters 5 and 7) are shown from a notebook of their own: the keys
``n`` and ``b`` and the arrows step them, and JupyterLab's own single keys (``b`` inserts a cell
in command mode) must not reach the notebook (the explorer's ``data-lm-suppress-shortcuts``).
Each line they show is checked against ``explorer.alt`` and ``explorer.step_arrays`` for the same
settings, computed here with helpers; a block of ten iterations ends at 9, so Next from there asks
the kernel for the next block.
"""

from __future__ import annotations

import contextlib
import re
import statistics
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import numpy as np
import pytest

import helpers.explorers as explorers
from editions import make_edition
from helpers.explorer_text import TEXT
from tests.test_jupyterlab_reader import LOADING, jupyterlab

CHAPTERS = {  # explorer name: the chapter whose reader's edition shows it
    "activation": "01_tanh.ipynb", "seed": "03_seeding.ipynb", "training": "05_training.ipynb",
    "prediction": "06_prediction.ipynb", "hidden": "07_hidden_layer.ipynb",
    "step": "05_training.ipynb", "hidden_step": "07_hidden_layer.ipynb",
}
CLASSES = {"activation": explorers.ActivationExplorer, "seed": explorers.SeedExplorer,
           "training": explorers.TrainingExplorer, "prediction": explorers.PredictionExplorer,
           "hidden": explorers.HiddenExplorer, "step": explorers.StepExplorer,
           "hidden_step": explorers.HiddenStepExplorer}
STEPS = ("step", "hidden_step")  # the step-through explorers: in steps.ipynb
# One keyboard move per explorer: (control, key, the settings it gives from the starting ones).
MOVES = {
    "activation": ("z", "ArrowRight", {"z": 0.6}),
    "seed": ("seed", "ArrowRight", {"seed": 2}),
    "training": ("seed", "ArrowRight", {"seed": 2}),
    "prediction": ("x1", "ArrowLeft", {"x1": 0.9}),
    "hidden": ("n_hidden", "ArrowLeft", {"n_hidden": 3}),
}
EXPLORER = ".jp-OutputArea-output .live-explorer[aria-label='{name} explorer']"


def explorer_cells(notebook, name: str) -> list:
    """The cells a reader runs to see the chapter's explorer ``name``: the first code cell (it
    imports helpers) and the cell that shows the explorer (chapters 5 and 7 show two)."""
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    shows = rf"helpers\.explorers\.{CLASSES[name].__name__}\(\)\s*$"
    shown = [cell for cell in code if re.search(shows, cell.source)]
    assert len(shown) == 1, [cell.source for cell in shown]
    return [code[0], shown[0]]


def explorers_notebook(root: Path, names, path: str = "explorers.ipynb") -> None:
    """``path`` in the reader's edition at ``root``: the explorer cells of the chapters that show
    ``names``, in that order."""
    cells = []
    for name in names:
        cells += explorer_cells(nbformat.read(root / CHAPTERS[name], as_version=4), name)
    for number, cell in enumerate(cells):  # the chapters' first cells may share their id
        cell["id"] = f"explorers-{number}"
    metadata = nbformat.read(root / CHAPTERS["seed"], as_version=4).metadata
    together = nbformat.v4.new_notebook(cells=[nbformat.from_dict(cell) for cell in cells],
                                        metadata=metadata)
    nbformat.write(together, root / path)


def reader_with_explorers(root: Path, names=tuple(CHAPTERS)) -> None:
    """The reader's edition in ``root``, and explorers.ipynb beside it: the explorer cells of the
    chapters that show ``names``, in that order (also used by benchmarks/bench.py)."""
    make_edition("reader", root)
    explorers_notebook(root, names)


@contextlib.contextmanager
def lab_with_explorers(tmp: Path, names=tuple(CHAPTERS)):
    """JupyterLab (its app reachable from the page) over :func:`reader_with_explorers`."""
    reader_with_explorers(tmp / "root", names)
    with jupyterlab(tmp, tmp / "root", ("--LabApp.expose_app_in_browser=True",)) as served:
        yield served


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    names = [name for name in MOVES if name != "activation"]  # chapter 1 is run whole
    with lab_with_explorers(tmp_path_factory.mktemp("jupyterlab-explorers"), names) as served:
        explorers_notebook(served["root"], STEPS, "steps.ipynb")
        yield served


def run_notebook(lab, path: str, names: list[str]):
    """Open ``path``, run every cell and wait for the explorers ``names`` to be drawn; the page."""
    page = lab["browser"].new_page(viewport={"width": 1280, "height": 900})
    page.route("**/*", lambda route: route.continue_() if urlparse(route.request.url).hostname == "127.0.0.1"
               else route.abort())
    workspace = re.sub(r"\W", "-", path)
    page.goto(f"{lab['base']}lab/workspaces/{workspace}/tree/{path}?reset&token={lab['token']}")
    page.wait_for_function("() => window.jupyterapp && document.querySelector('.jp-Notebook')", timeout=LOADING)
    # Run once the notebook's kernel is up: asked earlier, JupyterLab would ask which kernel to start.
    page.evaluate("""async () => {
        const panel = window.jupyterapp.shell.currentWidget;
        await panel.context.ready;
        await panel.sessionContext.ready;
        await window.jupyterapp.commands.execute('notebook:run-all-cells');
    }""")  # resolves once every cell has run: until then JupyterLab moves the focus from cell to cell
    for name in names:
        page.wait_for_selector(EXPLORER.format(name=name) + " .live-text:not(:empty)", timeout=LOADING)
    return page


def text_of(page, name: str) -> str:
    return page.locator(EXPLORER.format(name=name) + " .live-text").inner_text()


def charts_picture(page, name: str) -> list[str]:
    """Every chart canvas of the explorer, as image data: changes when a chart is redrawn differently."""
    return page.eval_on_selector_all(EXPLORER.format(name=name) + " canvas", "cs => cs.map(c => c.toDataURL())")


def move(page, name: str, control: str, key: str) -> None:
    """Focus the control's slider (or menu) and press ``key``, as a reader would."""
    target = page.locator(EXPLORER.format(name=name) + f" [id$='-{control}']")
    target.focus()
    target.press(key)


def expected(name: str, **changes) -> str:
    """The sentence Python writes for the explorer's starting settings with ``changes``."""
    widget = CLASSES[name]()
    widget.set(**changes)
    return widget.alt


def check_move(page, name: str) -> None:
    control, key, changes = MOVES[name]
    before_text, before_charts = text_of(page, name), charts_picture(page, name)
    assert before_text == expected(name)
    move(page, name, control, key)
    want = expected(name, **changes)
    assert want != before_text
    page.wait_for_function("([selector, want]) => document.querySelector(selector).textContent === want",
                           arg=[EXPLORER.format(name=name) + " .live-text", want], timeout=LOADING)
    assert charts_picture(page, name) != before_charts


def test_chapter_1_run_from_the_top_has_a_live_explorer(lab):
    page = run_notebook(lab, CHAPTERS["activation"], ["activation"])
    try:
        check_move(page, "activation")
        assert page.locator(".jp-OutputArea-output .live-status:not([hidden])").count() == 0
    finally:
        page.close()


def test_every_other_explorer_moves_by_keyboard_to_helpers_numbers(lab):
    names = [name for name in MOVES if name != "activation"]
    page = run_notebook(lab, "explorers.ipynb", names)
    try:
        for name in names:
            check_move(page, name)
    finally:
        page.close()


def test_a_bad_typed_seed_is_named_and_python_is_not_asked(lab):
    page = run_notebook(lab, "explorers.ipynb", ["seed"])
    try:
        box = page.locator(EXPLORER.format(name="seed") + " input[id$='-seed-box']")
        before = text_of(page, "seed")
        box.fill("12x")
        error = page.locator(EXPLORER.format(name="seed") + " .live-error")
        assert "seed must be a whole number" in error.inner_text()
        assert text_of(page, "seed") == before
        box.fill("123456")  # beyond the slider, typed: Python trains from it
        want = expected("seed", seed=123456)
        page.wait_for_function("([selector, want]) => document.querySelector(selector).textContent === want",
                               arg=[EXPLORER.format(name="seed") + " .live-text", want], timeout=LOADING)
    finally:
        page.close()


def timed(page, name: str, press) -> float:
    """Milliseconds from the next key pressed (``press()`` presses it) to the explorer's sentence
    changed: from the key's keydown, seen first, to the text written (for make bench)."""
    page.evaluate("""selector => {
        const shown = document.querySelector(selector), before = shown.textContent;
        window.__moved = new Promise(resolve => {
            document.addEventListener("keydown", () => {
                const start = performance.now();
                const seen = new MutationObserver(() => {
                    if (shown.textContent !== before) {
                        seen.disconnect();
                        resolve(performance.now() - start);
                    }
                });
                seen.observe(shown, {childList: true, characterData: true, subtree: true});
            }, {capture: true, once: true});
        });
    }""", EXPLORER.format(name=name) + " .live-text")
    press()
    return page.evaluate("() => window.__moved")


def move_ms(page, name: str, control: str, key: str, repeats: int = 9, alternate: bool = True,
            target: str | None = None) -> float:
    """Median time from a key press on a control to the explorer's sentence redrawn (for make bench).
    With ``alternate``, the key alternates with its opposite: the control goes back and forth
    between two values (a run trained once); without, every press is a new value. ``target``: the
    element to focus instead of the control's (a selector inside the explorer)."""
    back = {"ArrowRight": "ArrowLeft", "ArrowLeft": "ArrowRight", "n": "b", "b": "n"}
    page.locator(EXPLORER.format(name=name) + " " + (target or f"[id$='-{control}']")).focus()
    times = []
    for i in range(repeats):
        pressed = key if i % 2 == 0 or not alternate else back[key]
        times.append(timed(page, name, lambda: page.keyboard.press(pressed)))
    return statistics.median(times)


# --- the step-through explorers (chapters 5 and 7) ---------------------------------------------

def step_ms(page, name: str, repeats: int = 9) -> float:
    """Median time from ``n`` pressed on the code listing to the sentence redrawn, within a block
    of ten iterations (no new data): from iteration 0, line 0 (as shown)."""
    return move_ms(page, name, "line", "n", repeats, alternate=False, target=".live-code")


def type_iteration(page, name: str, iterations: int, want: str | None = None) -> None:
    """Type ``iterations`` in the explorer's box and wait for its sentence (``want``, if given)."""
    page.locator(EXPLORER.format(name=name) + " input[id$='-iterations-box']").fill(str(iterations))
    if want is not None:
        wait_for_text(page, name, want)


SETTLE = 300  # ms: the kernel's answers to the moves before a timed one all in (for make bench)


def step_next_block_ms(page, name: str, repeats: int = 9) -> float:
    """Median time from ``n`` pressed at the last line of iteration 10k + 9 to the sentence of
    iteration 10k + 10, line 1: a new block of data, from the kernel (a run trained once)."""
    widget = CLASSES[name]()
    lines = len(TEXT[name]["lines"])
    listing = page.locator(EXPLORER.format(name=name) + " .live-code")
    times = []
    for k in range(repeats):
        first = 10 * (k + 1) + 9
        widget.set(iterations=first, line=current_line(page, name))
        type_iteration(page, name, first, widget.alt)  # its block drawn before a key builds on it
        listing.focus()
        for _ in range(lines - current_line(page, name)):  # to the last line: the same block
            page.keyboard.press("n")
        widget.set(line=lines)
        wait_for_text(page, name, widget.alt)
        # Each line's move is also sent to the kernel, and the widget manager sends a message only
        # once the kernel is idle after the one before: let those settle, then time the crossing.
        page.wait_for_timeout(SETTLE)
        times.append(timed(page, name, lambda: page.keyboard.press("n")))
        widget.set(iterations=first + 1, line=1)
        wait_for_text(page, name, widget.alt)
    return statistics.median(times)


def step_jump_ms(page, name: str, repeats: int = 9) -> float:
    """Median time from the last key of 10000 typed in the iteration box to the sentence of
    iteration 10,000 (its block from the kernel); between, 1000 is typed back and waited for."""
    widget = CLASSES[name]()
    box = page.locator(EXPLORER.format(name=name) + " input[id$='-iterations-box']")
    times = []
    for _ in range(repeats):
        type_iteration(page, name, 1000)
        widget.set(iterations=1000, line=current_line(page, name))
        wait_for_text(page, name, widget.alt)
        box.press("End")
        page.wait_for_timeout(SETTLE)
        times.append(timed(page, name, lambda: box.press("0")))
        widget.set(iterations=10_000)
        wait_for_text(page, name, widget.alt)
    return statistics.median(times)


def wait_for_text(page, name: str, want: str) -> None:
    """Wait for the explorer's sentence to be ``want``."""
    page.wait_for_function(
        "([selector, want]) => document.querySelector(selector).textContent === want",
        arg=[EXPLORER.format(name=name) + " .live-text", want], timeout=LOADING)


def current_line(page, name: str) -> int:
    """The line the listing marks as the current step (0: none, before line 1)."""
    return page.eval_on_selector(
        EXPLORER.format(name=name) + " .live-code",
        "list => [...list.children].findIndex(li => li.ariaCurrent === 'step') + 1")


NOTEBOOK_STATE = """() => {
    const notebook = window.jupyterapp.shell.currentWidget.content;
    const cells = notebook.widgets.map(cell => cell.model);
    return {cells: cells.map(cell => [cell.type, cell.sharedModel.getSource()]),
            active: notebook.activeCellIndex};
}"""
FOCUS_IN = "selector => document.activeElement?.closest(selector) !== null"
TABLES = """root => Object.fromEntries([...root.querySelectorAll('.live-array')].map(box => [
    box.dataset.array,
    {pending: box.classList.contains('live-pending'),
     cells: [...box.querySelectorAll('tbody tr')].map(
         tr => [...tr.cells].slice(1).map(td => td.textContent))},
]))"""


def expected_tables(name: str, values: dict) -> dict:
    """Each array's table as the explorer must show it at ``values``: helpers' ``step_arrays``
    at 4 decimals, or "?" for an array a later line writes; X and the targets whole."""
    widget = CLASSES[name]()
    widget.set(**values)
    step, constants = widget.step_arrays, widget.site_constants()
    written_at = {key: i + 1 for i, line in enumerate(TEXT[name]["lines"])
                  for key in line["writes"]}
    arrays = {"X": constants["inputs"], "targets": [[t] for t in constants["targets"]]}
    arrays.update({"w" if field == "weights" else field: getattr(step, field)
                   for field in step._fields})
    tables = {}
    for key, array in arrays.items():
        array = np.asarray(array, dtype=float)
        pending = written_at.get(key, 0) > values["line"]
        digits = 0 if key in ("X", "targets") else 4
        cells = [["?" if pending else f"{v:.{digits}f}" for v in row] for row in array]
        tables[key] = {"pending": pending, "cells": cells}
    return tables


def check_step(page, name: str, values: dict) -> None:
    """The explorer shows ``values``: the sentence ``explorer.alt`` writes, the current line
    marked, and every array's table as :func:`expected_tables`."""
    widget = CLASSES[name]()
    widget.set(**values)
    wait_for_text(page, name, widget.alt)
    assert current_line(page, name) == values["line"]
    shown = page.eval_on_selector(EXPLORER.format(name=name), TABLES)
    want = expected_tables(name, values)
    assert {key: shown[key] for key in want} == want, values


def open_steps(lab):
    page = run_notebook(lab, "steps.ipynb", list(STEPS))
    page.wait_for_function("() => window.jupyterapp.shell.currentWidget.content.activeCell")
    return page


@pytest.mark.parametrize("name", STEPS)
def test_a_step_explorer_is_drawn_in_jupyterlab_not_its_snapshot(lab, name):
    page = open_steps(lab)
    try:
        root = EXPLORER.format(name=name)
        output = page.locator(".jp-OutputArea-output",
                              has=page.locator(f".live-explorer[aria-label='{name} explorer']"))
        assert output.count() == 1
        assert output.locator("img").count() == 0  # the widget, not the PNG beside it
        widget = CLASSES[name]()
        lines = page.locator(root + " .live-code > li > code").all_inner_texts()
        assert lines == widget.code_lines(widget.settings)
        posts = page.locator(root + " .live-code > li .live-post code").all_inner_texts()
        assert posts == [line["post"] for line in TEXT[name]["lines"] if line.get("post")]
        buttons = page.locator(root + " .live-stepper button").all_inner_texts()
        assert buttons == ["Back", "Next", "Next step", "Reset"]
        assert page.locator(root).get_attribute("data-lm-suppress-shortcuts") == "true"
        assert page.locator(root + " .live-status:not([hidden])").count() == 0
        check_step(page, name, widget.settings)
    finally:
        page.close()


def into_the_explorer(page, name: str):
    """Click the explorer's code listing, as a reader would; the notebook's state then (the
    explorer's cell the active one) and ``press(key, line)``: the key pressed, the explorer then
    at iteration 0, ``line``, the focus still in it and the notebook as it was."""
    root = EXPLORER.format(name=name)
    start = CLASSES[name]().settings
    page.locator(root + " .live-code").click()
    assert page.evaluate(FOCUS_IN, root)
    notebook = page.evaluate(NOTEBOOK_STATE)
    assert len(notebook["cells"]) == 4

    def press(key: str, line: int) -> None:
        page.keyboard.press(key)
        check_step(page, name, {**start, "line": line})
        assert page.evaluate(NOTEBOOK_STATE) == notebook, f"{key} changed the notebook"
        assert page.evaluate(FOCUS_IN, root), f"{key} took the focus out of the explorer"

    return notebook, press


@pytest.mark.parametrize("name", STEPS)
def test_n_b_and_the_arrows_step_the_explorer_not_the_notebook(lab, name):
    """JupyterLab's command mode binds single keys (``b``: insert a cell below, the arrows: the
    cell above or below); with the focus in the explorer, these are the explorer's."""
    page = open_steps(lab)
    try:
        root = EXPLORER.format(name=name)
        notebook, press = into_the_explorer(page, name)
        press("b", 0)  # at the start, Back goes nowhere: and the notebook gets no new cell
        page.wait_for_timeout(300)
        assert page.evaluate(NOTEBOOK_STATE) == notebook
        for key, line in [("n", 1), ("n", 2), ("b", 1), ("ArrowRight", 2), ("ArrowDown", 3),
                          ("ArrowUp", 2), ("ArrowLeft", 1)]:
            press(key, line)
        page.locator(root + " .live-stepper button", has_text="Next step").focus()
        press("n", 2)  # n and b anywhere in the explorer, not only on the listing
        press("b", 1)
        page.wait_for_timeout(300)  # nothing late either (a cell inserted after the redraw)
        assert page.evaluate(NOTEBOOK_STATE) == notebook
    finally:
        page.close()


OTHER_KEYS = ["a", "m", "1", "y", "j", "k", "x", "c", "v", "z", "d", "d", "Enter"]
"""Single keys JupyterLab's command mode binds and the explorer leaves alone (a: insert a cell
above, m: to Markdown, 1: heading, x: cut, d d: delete, z: undo...)."""


@pytest.mark.parametrize("name", STEPS)
def test_jupyterlabs_other_single_keys_stay_out_of_the_notebook(lab, name):
    """The explorer root's data-lm-suppress-shortcuts: JupyterLab's single keys pressed in the
    explorer (on the listing, and on a slider) change nothing, in the explorer or the notebook."""
    page = open_steps(lab)
    try:
        root = EXPLORER.format(name=name)
        notebook, press = into_the_explorer(page, name)
        press("n", 1)
        for target in [" .live-code", " input[type='range'][id$='-seed']"]:
            page.locator(root + target).focus()
            for key in OTHER_KEYS:
                press(key, 1)
        page.wait_for_timeout(300)
        assert page.evaluate(NOTEBOOK_STATE) == notebook
    finally:
        page.close()


@pytest.mark.parametrize("name", STEPS)
def test_every_line_by_keyboard_and_into_the_next_block_from_the_kernel(lab, name):
    """Iteration 9 line by line, then Next into iteration 10 (the next block of ten: new data from
    the kernel) and Back out of it: each line's sentence and arrays are helpers'."""
    page = open_steps(lab)
    try:
        values = CLASSES[name]().settings
        lines = len(TEXT[name]["lines"])
        type_iteration(page, name, 9)
        check_step(page, name, {**values, "iterations": 9})
        page.locator(EXPLORER.format(name=name) + " .live-code").focus()
        keys = ["ArrowRight", "n", "ArrowDown"]
        for line in range(1, lines + 1):
            page.keyboard.press(keys[line % len(keys)])
            check_step(page, name, {**values, "iterations": 9, "line": line})
        page.keyboard.press("n")  # the last line of iteration 9: on to line 1 of iteration 10
        check_step(page, name, {**values, "iterations": 10, "line": 1})
        page.keyboard.press("b")
        check_step(page, name, {**values, "iterations": 10, "line": 0})
        page.keyboard.press("ArrowUp")  # back into the block before, from the kernel again
        check_step(page, name, {**values, "iterations": 9, "line": lines})
    finally:
        page.close()


@pytest.mark.parametrize("name", STEPS)
def test_a_typed_iteration_is_computed_by_the_kernel_and_a_bad_one_named(lab, name):
    page = open_steps(lab)
    try:
        root = EXPLORER.format(name=name)
        values = CLASSES[name]().settings
        type_iteration(page, name, 10_000)
        check_step(page, name, {**values, "iterations": 10_000})
        lines = len(TEXT[name]["lines"])
        page.locator(root + " .live-code").focus()
        for line in range(1, lines + 1):
            page.keyboard.press("n")
            check_step(page, name, {**values, "iterations": 10_000, "line": line})
        assert page.locator(root + " .live-stepper button", has_text="Next step").is_disabled()
        before = text_of(page, name)
        error = page.locator(root + " .live-error[id$='-iterations-error']")
        for typed, message in [("10001", "iteration must be from 0 to 10000; got 10001"),
                               ("9x", "iteration must be a whole number from 0 to 10000; got 9x")]:
            type_iteration(page, name, typed)
            assert error.inner_text() == message
            page.wait_for_timeout(300)
            assert text_of(page, name) == before
    finally:
        page.close()
