"""Build the book strictly: any Sphinx warning, broken reference or failing cell is an error.

Usage: python tools/build_book.py [BOOK_ROOT]   (default: the repository root)

`make book`, the test suite and the benchmark all build through this one script.

Before building, it makes sure the files the site serves itself are in place: MathJax and uPlot,
pinned in web/package-lock.json, are installed from the npm registry with `npm ci` (only when the
files needed are missing or at another version) and copied into the book's _build/site_extra,
which _config.yml lists in html_extra_path, with the live explorers (web/live/, bundled by
tools/build_js.py into live/).
Nothing fetched is committed.

Where the time goes, and what this script does about it (README, "The strict build"):
- executing the notebooks: those not in the execution cache are run side by side, one per core,
  and their results stored in the cache before jupyter-book starts, so the build finds them
  there. One that fails is not stored: the build runs it again and reports the failure.
- re-reading every page (`--all`): only after a build that did not finish cleanly, or when the
  configuration, the tools or the requirements changed. Otherwise Sphinx re-reads only the
  pages that changed, and every page is written again, so every reference is checked again.
- looking notebooks up in the execution cache: skipped when no notebook changed since the last
  clean build, which ran or found every one of them;
- importing rfc3987_syntax, which compiles 39 grammars (about 1.7 s) for a check of URI formats
  that neither jupyter-book's validation of _config.yml nor nbformat's of a notebook uses.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STRICT = ["--warningiserror", "--nitpick", "--keep-going"]
FRESH = "--all"  # jupyter-book's name for Sphinx's fresh environment: every page is read again
# Written after a build that finished cleanly; holds the fingerprint of what the pages cannot
# tell Sphinx themselves (see fingerprint()). Without it, or with another fingerprint, the next
# build reads every page again.
CLEAN_STAMP = Path("_build") / ".strict-build-clean"
# The helpers/ source the execution cache was filled with (see clear_stale_execution_cache).
HELPERS_STAMP = Path("_build") / ".helpers-executed"

WEB = ROOT / "web"
NO_NPM = """make book needs Node.js and npm to fetch the site's JavaScript packages (MathJax and uPlot)
from the npm registry, at the versions pinned in web/package-lock.json, so that the site needs no
CDN. npm was not found on PATH.
Install Node.js 18 or newer with npm, then run the build again:
  Debian/Ubuntu: sudo apt-get install nodejs npm     macOS: brew install node
  Windows: the installer from https://nodejs.org"""
NPM_FAILED = """`npm ci` in web/ failed (npm's own message is above), so the JavaScript packages the site
serves itself (MathJax, uPlot) could not be installed from the npm registry. Check the network connection and npm's
registry setting (`npm config get registry`), then run the build again."""
# MathJax's es5 folder holds one combined file per input and output format. The site's math is
# typeset at build time (typeset_math); a page loads tex-chtml.js only for a formula's menu
# (tools/site_theme/static/math_menu.js), with the components that menu loads on demand
# (output/svg too: a reader can choose SVG in it) and CommonHTML's fonts. Not the other files.
MATHJAX_UNUSED = ["tex-chtml-*.js", "tex-mml-*.js", "tex-svg*.js", "mml-*.js", "node-main.js"]
MATHJAX_NEEDED = ["es5/tex-chtml.js", "es5/output/chtml.js", "es5/output/svg.js",
                  "es5/output/svg/fonts/tex.js",
                  "es5/output/chtml/fonts/woff-v2/MathJax_Main-Regular.woff"]


def _installed_version(name: str) -> str | None:
    """The version of web/node_modules/NAME, read from its own package.json, if it is there."""
    package = WEB / "node_modules" / name / "package.json"
    try:
        return json.loads(package.read_text())["version"]
    except (OSError, ValueError, KeyError):
        return None


NPM_OS = {"linux": "linux", "darwin": "darwin", "win32": "win32"}.get(sys.platform, sys.platform)
NPM_CPU = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}.get(
    platform.machine().lower(), platform.machine().lower())


def _for_another_platform(info: dict) -> bool:
    """Whether a locked package is an optional one for another system (esbuild's binary for each)."""
    def excluded(allowed, here):
        return bool(allowed) and here not in allowed
    return bool(info.get("optional")) and (excluded(info.get("os"), NPM_OS)
                                           or excluded(info.get("cpu"), NPM_CPU))


def site_packages_are_installed() -> bool:
    """Whether every package web/package-lock.json pins for the site is installed at its locked version.

    Development packages (``"dev": true``: Lighthouse and the Nu Html Checker, which only
    `make bench` runs) are not needed for a build; benchmarks/bench.py installs them itself.

    Checked on the files themselves, not on npm's record (node_modules/.package-lock.json),
    which stays behind when a package's folder is deleted.
    """
    wanted = json.loads((WEB / "package-lock.json").read_text())["packages"]
    for key, info in wanted.items():
        if not key or info.get("dev") or _for_another_platform(info):
            continue
        if _installed_version(key.removeprefix("node_modules/")) != info.get("version"):
            return False
    return all((WEB / "node_modules" / "mathjax" / path).is_file() for path in MATHJAX_NEEDED)


def install_site_packages() -> None:
    """Run `npm ci` in web/ unless web/node_modules already holds what web/package-lock.json pins."""
    if site_packages_are_installed():
        return
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit(NO_NPM)
    print("Installing the site's JavaScript packages (npm ci in web/) ...", flush=True)
    try:
        status = subprocess.run([npm, "ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=WEB).returncode
    except OSError as error:
        raise SystemExit(f"{NPM_FAILED}\n({error})") from None
    if status != 0 or not site_packages_are_installed():
        raise SystemExit(NPM_FAILED)


def copy_site_assets(book_root: Path) -> None:
    """Copy MathJax into ``book_root``/_build/site_extra/mathjax (html_extra_path), unless it is there already."""
    source = WEB / "node_modules" / "mathjax" / "es5"
    target = Path(book_root) / "_build" / "site_extra" / "mathjax"
    stamp = target.parent.parent / ".site_extra-mathjax"  # outside site_extra, so not copied to the site
    wanted = json.dumps([_installed_version("mathjax"), str(source), MATHJAX_UNUSED])
    shipped = all((target / path.removeprefix("es5/")).is_file() for path in MATHJAX_NEEDED)
    if shipped and stamp.is_file() and stamp.read_text() == wanted:
        return
    stamp.unlink(missing_ok=True)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(*MATHJAX_UNUSED))
    stamp.write_text(wanted)


def build_live_assets(book_root: Path) -> None:
    """Bundle the live explorers into ``book_root``/_build/site_extra/live (tools/build_js.py).

    On every build (esbuild takes a fraction of a second): web/live is not part of the build's
    fingerprint. A file whose content did not change is left alone; any other file there is removed.
    """
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import build_js
    finally:
        sys.path.pop(0)
    build_js.build_site(Path(book_root) / "_build" / "site_extra" / "live")


def write_icon_stylesheet(book_root: Path) -> None:
    """Draw the site's icons from the pinned Font Awesome package into _build/site_extra/icons
    (tools/site_icons.py), instead of the theme's 1.4 MB script: written only when it changed."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import site_icons
    finally:
        sys.path.pop(0)
    site_icons.write_stylesheet(WEB / "node_modules", Path(book_root) / "_build" / "site_extra")


def run_on_site(script: str, doing: str, book_root: Path) -> int:
    """Run the Node script tools/``script`` on the built site; its exit status (1, naming what
    it was ``doing``, without Node.js)."""
    node = shutil.which("node")
    if node is None:
        print(f"{doing} needs Node.js (node), not found on PATH", file=sys.stderr)
        return 1
    site = Path(book_root) / "_build" / "html"
    return subprocess.run([node, str(ROOT / "tools" / script), str(site)]).returncode


def typeset_math(book_root: Path) -> int:
    """Typeset every formula of the built site (tools/typeset_math.mjs): pages then ship math as
    HTML and CSS, not MathJax's 1 MB TeX engine, which loads only for a formula's menu. Its exit
    status: a TeX error, or TeX left untypeset, fails the build, naming the page and formula."""
    return run_on_site("typeset_math.mjs", "typesetting the math", book_root)


def trim_css(book_root: Path) -> int:
    """Trim the theme's stylesheets in the built site to the rules its pages and scripts can use
    (tools/trim_css.mjs, PurgeCSS): 533 KB of CSS becomes about 150 KB. Its exit status."""
    return run_on_site("trim_css.mjs", "trimming the stylesheets", book_root)


def toc_notebooks(book_root: Path) -> list[Path]:
    """The notebooks _toc.yml lists (only those are built: only_build_toc_files)."""
    import yaml

    files = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("root", "file") and isinstance(value, str):
                    files.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(yaml.safe_load((book_root / "_toc.yml").read_text()))
    paths = [book_root / (name if name.endswith(".ipynb") else f"{name}.ipynb") for name in files]
    return [path for path in paths if path.is_file()]


def _execute(path: Path, timeout, allow_errors: bool):
    """Run one notebook as myst-nb's cache mode would; its JSON and run time, or None if it failed."""
    import nbformat
    from jupyter_cache.executors.utils import single_nb_execution

    try:
        notebook = nbformat.read(path, as_version=4)
        result = single_nb_execution(notebook, cwd=str(path.parent), timeout=timeout,
                                     allow_errors=allow_errors, meta_override=True)
    except Exception:  # the build runs it again and reports what went wrong
        return None
    return None if result.err is not None else (nbformat.writes(notebook), result.time)


def execute_notebooks(book_root: Path) -> None:
    """Run the book's uncached notebooks side by side and store their results in its execution cache.

    Only a speed-up: what is not stored here (a failing notebook) the build executes itself.
    """
    import nbformat
    import yaml
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    config = (yaml.safe_load((book_root / "_config.yml").read_text()) or {}).get("execute", {})
    if config.get("execute_notebooks", "auto") != "cache":
        return
    cache = get_cache(str(book_root / config.get("cache", "_build/.jupyter_cache")))
    todo = []
    for path in toc_notebooks(book_root):
        try:
            cache.match_cache_notebook(nbformat.read(path, as_version=4))
        except KeyError:
            todo.append(path)
        except Exception:  # unreadable: the build reports it
            pass
    workers = min(len(todo), os.cpu_count() or 1)
    if workers < 2:
        return  # nothing to gain: the build executes it as fast
    print(f"Executing {len(todo)} notebooks, {workers} at a time ...", flush=True)
    start = time.perf_counter()
    run = functools.partial(_execute, timeout=config.get("timeout", 30), allow_errors=bool(config.get("allow_errors", False)))
    with ProcessPoolExecutor(workers) as pool:
        for path, done in zip(todo, pool.map(run, todo)):
            if done is not None:
                text, seconds = done
                record = cache.add_nb_to_project(str(path))
                cache.cache_notebook_bundle(CacheBundleIn(nbformat.reads(text, as_version=4), record.uri,
                                                          data={"execution_seconds": seconds}),
                                            check_validity=False, overwrite=True)
    print(f"... done in {time.perf_counter() - start:.1f} s", flush=True)


def fingerprint(book_root: Path) -> str:
    """What a page-by-page rebuild may not see: configuration, table of contents, bibliography,
    tools, helpers, Python and its packages."""
    digest = hashlib.sha256(f"{sys.executable} {sys.version}".encode())
    own = [*(book_root / "tools").glob("*.py"), *helpers_sources(book_root),
           *(book_root / "book").rglob("*.bib")]
    inputs = ["_config.yml", "_toc.yml", "requirements.txt", *sorted(str(p.relative_to(book_root)) for p in own)]
    for name in [*inputs, str(Path(__file__).resolve()), str(ROOT / "requirements.txt")]:
        path = book_root / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"-") + b"\0")
    return digest.hexdigest()


def helpers_sources(book_root: Path) -> list[Path]:
    """The helpers package's source: its modules and its data (the explorers' sentences, which
    the snapshots' alt text is written from)."""
    return sorted([*(book_root / "helpers").glob("*.py"), *(book_root / "helpers").glob("*.json")])


def helpers_fingerprint(book_root: Path) -> str:
    """The helpers package's source: the notebooks' outputs depend on it as much as on their own."""
    digest = hashlib.sha256()
    for path in helpers_sources(book_root):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def clear_stale_execution_cache(book_root: Path) -> None:
    """Empty the execution cache when helpers/ changed since it was filled.

    jupyter-cache knows a notebook only by its own cells, so without this a change to helpers/
    (an explorer's site rendering, a plot) would leave the site showing outputs of the old code.
    """
    stamp = book_root / HELPERS_STAMP
    wanted = helpers_fingerprint(book_root)
    if stamp.is_file() and stamp.read_text() == wanted:
        return
    config = (yaml_load(book_root / "_config.yml") or {}).get("execute", {})
    shutil.rmtree(book_root / config.get("cache", "_build/.jupyter_cache"), ignore_errors=True)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(wanted)


def yaml_load(path: Path):
    import yaml

    return yaml.safe_load(path.read_text())


def run_jupyter_book(args: list[str]) -> None:
    """jupyter-book's own command line, with every page written on every build (Sphinx's -a)."""
    import jupyter_book.sphinx

    jupyter_book.sphinx.build_sphinx = functools.partial(jupyter_book.sphinx.build_sphinx, force_all=True)
    from jupyter_book.cli.main import main

    sys.argv = ["jupyter-book", *args]
    main()


def build(book_root: Path = ROOT, *extra: str) -> int:
    """Run jupyter-book on ``book_root``; return 0 only for a clean build with no failed cell."""
    book_root = Path(book_root).resolve()
    install_site_packages()
    copy_site_assets(book_root)
    build_live_assets(book_root)
    write_icon_stylesheet(book_root)
    clear_stale_execution_cache(book_root)
    stamp = book_root / CLEAN_STAMP
    wanted = fingerprint(book_root)
    fresh = not (stamp.is_file() and stamp.read_text() == wanted)
    if fresh or any(path.stat().st_mtime_ns >= stamp.stat().st_mtime_ns for path in toc_notebooks(book_root)):
        execute_notebooks(book_root)
    stamp.unlink(missing_ok=True)
    if fresh:
        # Every page is written again anyway; a page the table of contents no longer lists (a
        # chapter renamed or removed) would otherwise stay on the site, stale.
        shutil.rmtree(book_root / "_build" / "html", ignore_errors=True)
    # sphinx-external-toc writes the redirect to the first page only when there is none, so a
    # redirect left by an older build would keep pointing at an old first page.
    (book_root / "_build" / "html" / "index.html").unlink(missing_ok=True)
    # Execution reports of an older build would fail this one (see below).
    shutil.rmtree(book_root / "_build" / "html" / "reports", ignore_errors=True)
    command = [sys.executable, str(Path(__file__).resolve()), "--jupyter-book", "build", *STRICT,
               *([FRESH] if fresh else []), *extra, "."]
    # From the book's own folder, so that _config.yml's relative paths (the execution
    # cache in _build/.jupyter_cache) belong to this book and no other.
    status = subprocess.run(command, cwd=book_root).returncode
    # jupyter-book keeps a log for each notebook whose execution failed; a build with
    # such a log has failed, whatever the exit code says.
    reports = sorted((book_root / "_build" / "html" / "reports").glob("**/*.err.log"))
    for report in reports:
        print(f"notebook execution failed, see {report}", file=sys.stderr)
    status = status or (1 if reports else 0)
    if status == 0:
        status = typeset_math(book_root)
    if status == 0:
        status = trim_css(book_root)
    if status == 0:
        stamp.write_text(wanted)
    return status


if __name__ == "__main__":
    sys.modules["rfc3987_syntax"] = None  # see the module's docstring: jsonschema then does without it
    if sys.argv[1:2] == ["--jupyter-book"]:
        run_jupyter_book(sys.argv[2:])
    else:
        sys.exit(build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT))
