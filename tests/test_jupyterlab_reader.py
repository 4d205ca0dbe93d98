"""A reader's chapter as JupyterLab shows it: no raw MyST markup in the rendered Markdown.

The project's own JupyterLab (the pinned one in .venv) serves a temporary folder holding the
reader's edition (tools/editions.py) and, beside it, a copy of the book's authoring source of
the same chapter. Debian's Chromium, driven by Playwright as in test_site_in_browser.py, opens
the chapter with notebook windowing off, so that every cell is rendered, and reads the text of
every rendered Markdown cell. JupyterLab's settings, workspaces and runtime files live in the
temporary folder too; every request to a host other than 127.0.0.1 is blocked.

The same check run on the authoring source must find the raw roles there: that shows it can
fail. A screenshot of the reader's chapter is kept in _build/screenshots/.
"""

import contextlib
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest
from editions import GLUE_ROLE, glued_values, make_edition
from myst_nb.core.variables import format_plain_text

from tests.test_site_in_browser import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS

ROOT = Path(__file__).resolve().parent.parent

CHAPTER = "01_tanh.ipynb"
# MyST that Jupyter cannot read and would show as text.
RAW = ["{glue", "{cite", "{doc}", "```{", ":label:", ":class:", "{exercise}", "{solution"]
MARKDOWN = ".jp-Notebook .jp-MarkdownCell .jp-RenderedMarkdown"
PLACEHOLDER = ".jp-Notebook .jp-MarkdownCell .jp-InputPlaceholder .jp-Placeholder-content"  # a collapsed cell
LOADING = 120_000  # ms: how long JupyterLab may take to show the notebook (a wait, not a check)
RENDERED = """selector => [...document.querySelectorAll(selector)].map(el => ({
  text: el.innerText,
  headings: [...el.querySelectorAll("h1, h2, h3, h4, h5, h6")].map(h => [h.tagName, h.textContent.replace(/¶$/, "").trim()]),
}))"""
# Settings for this server only: every cell rendered (no windowing), no news prompt.
SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
}


def raw_markup(texts: list[str]) -> list[str]:
    """Each raw MyST token found in ``texts``, with a little of the text around it."""
    found = []
    for text in texts:
        for token in RAW:
            for match in re.finditer(re.escape(token), text):
                found.append(text[max(0, match.start() - 20):match.end() + 30].replace("\n", " "))
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def jupyterlab(tmp: Path, root: Path, extra: tuple = ()):
    """The pinned JupyterLab serving ``root``, with its settings, workspaces and runtime files in
    ``tmp``, and Chromium; yields {browser, base, token, root}. ``extra``: more server options."""
    from playwright.sync_api import sync_playwright

    settings = tmp / "user-settings"
    for name, values in SETTINGS.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(values))

    token, port = secrets.token_hex(16), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER_", "IPYTHON"))}
    env.update(JUPYTER_CONFIG_DIR=str(tmp / "config"), JUPYTER_DATA_DIR=str(tmp / "data"),
               JUPYTER_RUNTIME_DIR=str(tmp / "runtime"), IPYTHONDIR=str(tmp / "ipython"))
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
               f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={tmp / 'workspaces'}", *extra]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # JupyterLab refuses to start as root otherwise
    log = (tmp / "jupyterlab.log").open("w")
    server = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + LOADING / 1000  # a wait for the server, not a check of speed
        while True:
            assert server.poll() is None, f"JupyterLab stopped:\n{(tmp / 'jupyterlab.log').read_text()[-3000:]}"
            try:
                with urllib.request.urlopen(f"{base}api/status?token={token}", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, f"JupyterLab did not answer:\n{(tmp / 'jupyterlab.log').read_text()[-3000:]}"
            time.sleep(0.25)

        if not Path(CHROMIUM).exists():
            pytest.fail(f"this test needs Chromium, not found at {CHROMIUM}: `make test` installs it "
                        "(sudo apt-get install chromium), or set CHROMIUM to the path of a Chromium or Chrome executable")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                yield {"browser": browser, "base": base, "token": token, "root": root, "log": tmp / "jupyterlab.log"}
            finally:
                browser.close()
    finally:
        server.terminate()  # JupyterLab shuts its kernels down on SIGTERM
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab over {reader/: the reader's edition, authoring/: the source chapter}, and Chromium."""
    tmp = tmp_path_factory.mktemp("jupyterlab")
    root = tmp / "root"
    make_edition("reader", root / "reader")
    (root / "authoring").mkdir()
    shutil.copy(ROOT / "book" / CHAPTER, root / "authoring" / CHAPTER)
    with jupyterlab(tmp, root) as served:
        yield served


def open_chapter(lab, path: str, screenshot: Path | None = None) -> dict:
    """Open ``path`` (relative to the server's root) in a workspace of its own and read every
    rendered Markdown cell, first as opened, then with the collapsed cells (solutions) opened."""
    notebook = nbformat.read(lab["root"] / path, as_version=4)
    markdown = [cell for cell in notebook.cells if cell.cell_type == "markdown"]
    collapsed = sum(bool(cell.metadata.get("jupyter", {}).get("source_hidden")) for cell in markdown)
    blocked = []
    page = lab["browser"].new_page(viewport={"width": 1280, "height": 900})

    def only_this_server(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", only_this_server)
    count = f"n => document.querySelectorAll({MARKDOWN!r}).length >= n"
    try:
        workspace = re.sub(r"\W", "-", path)
        page.goto(f"{lab['base']}lab/workspaces/{workspace}/tree/{path}?reset&token={lab['token']}")
        page.wait_for_function(count, arg=len(markdown) - collapsed, timeout=LOADING)
        if any("$" in cell.source for cell in markdown):
            page.wait_for_function("() => document.querySelector('.jp-Notebook mjx-container')", timeout=LOADING)
        page.evaluate("() => document.fonts.ready")
        as_opened = page.evaluate(RENDERED, MARKDOWN)
        placeholders = page.locator(PLACEHOLDER).all_inner_texts()
        if screenshot:
            # JupyterLab scrolls the notebook inside its own panel: make the window as tall as
            # the notebook, so that the screenshot shows the whole chapter.
            height = page.evaluate("""() => { const s = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');
                                       return s ? s.scrollHeight - s.clientHeight : 0; }""")
            page.set_viewport_size({"width": 1280, "height": min(900 + height, 16_000)})
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=screenshot, full_page=True)
        for _ in range(collapsed):  # "Click to expand", as a reader would, one cell after the other
            page.locator(PLACEHOLDER).first.click()
        page.wait_for_function(count, arg=len(markdown), timeout=LOADING)
        cells = page.evaluate(RENDERED, MARKDOWN)
    finally:
        page.close()
    return {"cells": cells, "markdown_cells": len(markdown), "collapsed": collapsed, "as_opened": len(as_opened),
            "placeholders": placeholders, "blocked": blocked, "texts": [cell["text"] for cell in cells],
            "headings": [h for cell in cells for h in cell["headings"]]}


def glued_numbers(chapter: Path) -> list[str]:
    """The numbers the book glues into the chapter's prose, formatted as the book shows them;
    only those that cannot be mistaken for other text (not a lone digit)."""
    notebook = nbformat.read(chapter, as_version=4)
    values = glued_values(notebook)
    numbers = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for role in GLUE_ROLE.finditer(cell.source):
                key, _, fmt = role.group(1).partition(":")
                numbers.append(format_plain_text(values[key], fmt or "s"))
    return sorted({n for n in numbers if len(n) > 1})


def numbers_missing(texts: list[str], numbers: list[str]) -> list[str]:
    """The ``numbers`` that appear nowhere in ``texts`` as a number of their own."""
    prose = "\n".join(texts)
    return [n for n in numbers if not re.search(rf"(?<![\w.]){re.escape(n)}(?![\w])", prose)]


def solution_headings(headings: list[list[str]]) -> list[list[str]]:
    return [h for h in headings if h[1] == "Solution"]


def test_the_readers_chapter_in_jupyterlab_shows_no_raw_markup(lab):
    shown = open_chapter(lab, f"reader/{CHAPTER}", screenshot=SCREENSHOTS / f"jupyterlab-reader-{CHAPTER[:-6]}.png")
    assert shown["as_opened"] == shown["markdown_cells"] - shown["collapsed"]
    assert len(shown["cells"]) == shown["markdown_cells"]
    assert raw_markup(shown["texts"] + shown["placeholders"]) == []
    title = nbformat.read(ROOT / "book" / CHAPTER, as_version=4).cells[0].source.splitlines()[0].removeprefix("# ")
    assert ["H1", title] in shown["headings"]
    assert solution_headings(shown["headings"]), shown["headings"]
    numbers = glued_numbers(ROOT / "book" / CHAPTER)
    assert numbers and all(re.fullmatch(r"-?\d[\d,]*(\.\d+)?(e[+-]?\d+)?", n) for n in numbers), numbers
    assert numbers_missing(shown["texts"], numbers) == []
    assert shown["blocked"] == []


def test_the_same_checks_fail_on_the_authoring_source(lab):
    """The book's source of the chapter, opened the same way, shows its raw roles: the checks see them."""
    shown = open_chapter(lab, f"authoring/{CHAPTER}")
    assert len(shown["cells"]) == shown["markdown_cells"]
    found = raw_markup(shown["texts"])
    assert any("{glue:text}" in hit for hit in found), found
    assert any(":class:" in hit for hit in found), found
    assert numbers_missing(shown["texts"], glued_numbers(ROOT / "book" / CHAPTER))
    assert not solution_headings(shown["headings"])
