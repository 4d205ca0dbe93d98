"""Bundle the explorers' JavaScript and CSS with esbuild (pinned in web/package-lock.json).

Usage: python tools/build_js.py            (writes helpers/explorer.js and helpers/explorer.css)
       python tools/build_js.py --site DIR (writes DIR/explorers.js and DIR/explorers.css too)

One renderer (web/live/widget.js and the modules it imports, with uPlot and the explorers' text,
helpers/explorer_text.json) runs in both hosts:
- Jupyter: helpers/explorer.js is the anywidget's ``_esm`` and helpers/explorer.css its ``_css``.
  Both are committed, since Binder, the downloaded zips and ``pip install`` have no npm; a test
  (tests/test_bundle.py) checks that they equal a fresh build.
- the site: web/live/site.js (the renderer with the site's engine, web/live/engine.js, which
  computes with network.js and hidden.js) becomes live/explorers.js; tools/build_book.py writes it
  into _build/site_extra/live on every build. Pages do not load it up front: web/live/loader.js,
  bundled by ``loader()`` and written into each page with an explorer by
  tools/live_explorers.py, imports it when an explorer nears the screen.

The output is deterministic: esbuild runs from web/, so the paths in its comments are relative
(live/charts.js), and it is not minified, so a reader can step through it in a browser.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "web"
LIVE = WEB / "live"
ESBUILD = WEB / "node_modules" / ".bin" / "esbuild"
HEADER = "generated from web/live by tools/build_js.py; do not edit"
UPLOT_CSS = WEB / "node_modules" / "uplot" / "dist" / "uPlot.min.css"
STYLESHEETS = [UPLOT_CSS, LIVE / "explorers.css", LIVE / "features.css"]
"""The explorers' styles, in this order; features.css only once it exists."""
JUPYTER = ROOT / "helpers"
NO_ESBUILD = """{path} is missing: the explorers are bundled by esbuild, pinned in
web/package-lock.json. Install it with `npm ci` in web/ (tools/build_book.py does that), then run
this again."""


def bundle(entry: str, global_name: str | None = None) -> str:
    """``web/live/ENTRY`` and everything it imports, as one ES module; or, given ``global_name``,
    as a script that defines that variable (its exports) where it runs."""
    if not ESBUILD.is_file():
        raise SystemExit(NO_ESBUILD.format(path=ESBUILD))
    form = ["--format=esm"]
    if global_name is not None:
        form = ["--format=iife", f"--global-name={global_name}"]
    command = [str(ESBUILD), f"live/{entry}", "--bundle", *form, "--target=es2022",
               "--charset=utf8", "--log-level=warning",
               "--preserve-symlinks",  # the same bytes when web/node_modules is a symbolic link
               f"--banner:js=// {HEADER}"]
    result = subprocess.run(command, cwd=WEB, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"esbuild failed to bundle web/live/{entry}:\n{result.stderr}")
    if result.stderr.strip():
        print(result.stderr, file=sys.stderr)
    return result.stdout


LOADER_NAME = "liveLoader"


def loader() -> str:
    """web/live/loader.js (with the one function of share.js it uses) as a script defining
    ``liveLoader``; tools/live_explorers.py writes it into each page that has an explorer."""
    return bundle("loader.js", global_name=LOADER_NAME)


def stylesheet() -> str:
    """uPlot's styles and the explorers' own, as one stylesheet."""
    parts = [f"/* {HEADER} */\n"]
    for path in STYLESHEETS:
        if path.is_file():
            name = path.relative_to(WEB).as_posix()
            parts.append(f"\n/* {name} */\n{path.read_text().strip()}\n")
        elif path == UPLOT_CSS:
            raise SystemExit(NO_ESBUILD.format(path=UPLOT_CSS))
    return "".join(parts)


def write(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` unless it holds it already (mtimes stay put); whether it did."""
    if path.is_file() and path.read_text() == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return True


def build_jupyter(folder: Path | None = None) -> list[Path]:
    """helpers/explorer.js and helpers/explorer.css (or the same two files in ``folder``)."""
    folder = JUPYTER if folder is None else folder
    outputs = {folder / "explorer.js": bundle("widget.js"), folder / "explorer.css": stylesheet()}
    return [path for path, text in outputs.items() if write(path, text)]


def build_site(folder: Path) -> list[Path]:
    """``folder``/explorers.js and explorers.css, the site's live explorers; any other file there
    is removed."""
    outputs = {folder / "explorers.js": bundle("site.js"), folder / "explorers.css": stylesheet()}
    if folder.is_dir():
        for stale in set(folder.iterdir()) - set(outputs):
            stale.unlink()
    return [path for path, text in outputs.items() if write(path, text)]


def main(argv: list[str]) -> int:
    written = build_jupyter()
    if argv[:1] == ["--site"] and len(argv) == 2:
        written += build_site(Path(argv[1]))
    elif argv:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
