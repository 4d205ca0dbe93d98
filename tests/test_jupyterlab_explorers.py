"""The explorers in JupyterLab: the one renderer (helpers/explorer.js) computing with helpers.

The pinned JupyterLab (as in test_jupyterlab_reader.py) serves the reader's edition. Chromium runs
the reader's chapter 1 from the top, and a notebook of the other chapters' explorer cells, taken
from their reader's editions as they are. For each explorer, one control is moved with the
keyboard, as a reader would; the explorer's sentence must then be the one Python writes for the
new settings (``explorer.alt``, from helpers' numbers), and its chart must have been redrawn.
Moving the seed slider of the training explorer makes the kernel train a new run: the text shows
helpers' numbers for it, not a number computed in the browser.
"""

from __future__ import annotations

import contextlib
import re
import statistics
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest

import helpers.explorers as explorers
from editions import make_edition
from tests.test_jupyterlab_reader import LOADING, jupyterlab

CHAPTERS = {  # explorer name: the chapter whose reader's edition shows it
    "activation": "01_tanh.ipynb", "seed": "03_seeding.ipynb", "training": "05_training.ipynb",
    "prediction": "06_prediction.ipynb", "hidden": "07_hidden_layer.ipynb",
}
CLASSES = {"activation": explorers.ActivationExplorer, "seed": explorers.SeedExplorer,
           "training": explorers.TrainingExplorer, "prediction": explorers.PredictionExplorer,
           "hidden": explorers.HiddenExplorer}
# One keyboard move per explorer: (control, key, the settings it gives from the starting ones).
MOVES = {
    "activation": ("z", "ArrowRight", {"z": 0.6}),
    "seed": ("seed", "ArrowRight", {"seed": 2}),
    "training": ("seed", "ArrowRight", {"seed": 2}),
    "prediction": ("x1", "ArrowLeft", {"x1": 0.9}),
    "hidden": ("n_hidden", "ArrowLeft", {"n_hidden": 3}),
}
EXPLORER = ".jp-OutputArea-output .live-explorer[aria-label='{name} explorer']"


def explorer_cells(notebook) -> list:
    """The cells a reader runs to see the chapter's explorer: the first code cell (it imports
    helpers) and the cell that shows the explorer."""
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    shown = [cell for cell in code if re.search(r"helpers\.explorers\.\w+Explorer\(\)\s*$", cell.source)]
    assert len(shown) == 1, [cell.source for cell in shown]
    return [code[0], shown[0]]


def reader_with_explorers(root: Path, names=tuple(CHAPTERS)) -> None:
    """The reader's edition in ``root``, and explorers.ipynb beside it: the explorer cells of the
    chapters that show ``names``, in that order (also used by benchmarks/bench.py)."""
    make_edition("reader", root)
    cells = []
    for name in names:
        cells += explorer_cells(nbformat.read(root / CHAPTERS[name], as_version=4))
    together = nbformat.v4.new_notebook(cells=[nbformat.from_dict(cell) for cell in cells],
                                        metadata=nbformat.read(root / CHAPTERS["seed"], as_version=4).metadata)
    nbformat.write(together, root / "explorers.ipynb")


@contextlib.contextmanager
def lab_with_explorers(tmp: Path, names=tuple(CHAPTERS)):
    """JupyterLab (its app reachable from the page) over :func:`reader_with_explorers`."""
    reader_with_explorers(tmp / "root", names)
    with jupyterlab(tmp, tmp / "root", ("--LabApp.expose_app_in_browser=True",)) as served:
        yield served


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    names = [name for name in CHAPTERS if name != "activation"]  # chapter 1 is run whole
    with lab_with_explorers(tmp_path_factory.mktemp("jupyterlab-explorers"), names) as served:
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
    names = [name for name in CHAPTERS if name != "activation"]
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


def move_ms(page, name: str, control: str, key: str, repeats: int = 9, alternate: bool = True) -> float:
    """Median time from a key press on a control to the explorer's sentence redrawn (for make bench).
    With ``alternate``, the key alternates with its opposite: the control goes back and forth
    between two values (a run trained once); without, every press is a new value."""
    selector = EXPLORER.format(name=name) + " .live-text"
    back = {"ArrowRight": "ArrowLeft", "ArrowLeft": "ArrowRight"}
    page.locator(EXPLORER.format(name=name) + f" [id$='-{control}']").focus()
    times = []
    for i in range(repeats):
        page.evaluate("""selector => {
            const shown = document.querySelector(selector), before = shown.textContent;
            window.__moved = new Promise(resolve => {
                document.addEventListener("keydown", () => {
                    const start = performance.now();
                    const seen = new MutationObserver(() => {
                        if (shown.textContent !== before) { seen.disconnect(); resolve(performance.now() - start); }
                    });
                    seen.observe(shown, {childList: true, characterData: true, subtree: true});
                }, {capture: true, once: true});
            });
        }""", selector)
        page.keyboard.press(key if i % 2 == 0 or not alternate else back[key])
        times.append(page.evaluate("() => window.__moved"))
    return statistics.median(times)
