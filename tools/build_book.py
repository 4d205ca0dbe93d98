"""Build the book strictly: any Sphinx warning, broken reference or failing cell is an error.

Usage: python tools/build_book.py [BOOK_ROOT]   (default: the repository root)

`make book`, the test suite and the benchmark all build through this one script.

Before building, it makes sure the files the site serves itself are in place: MathJax, pinned
in web/package-lock.json, is installed from the npm registry with `npm ci` (only when the lock
file changed) and copied into the book's _build/site_extra, which _config.yml lists in
html_extra_path. Nothing fetched is committed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# --all re-reads every page, so warnings of an unchanged page are reported again;
# notebooks are still not re-executed, thanks to the execution cache.
STRICT = ["--warningiserror", "--nitpick", "--keep-going", "--all"]


WEB = ROOT / "web"
NO_NPM = """make book needs Node.js and npm to fetch MathJax from the npm registry (the version is
pinned in web/package-lock.json), so that the site needs no CDN. npm was not found on PATH.
Install Node.js 18 or newer with npm, then run the build again:
  Debian/Ubuntu: sudo apt-get install nodejs npm     macOS: brew install node
  Windows: the installer from https://nodejs.org"""
# MathJax's es5 folder holds one combined file per input and output format; the site uses
# tex-mml-chtml.js and the components it loads on demand, not the other combinations.
MATHJAX_UNUSED = ["tex-chtml*.js", "tex-svg*.js", "tex-mml-svg.js", "mml-*.js", "node-main.js", "svg"]


def install_site_packages() -> None:
    """Run `npm ci` in web/ unless web/node_modules already matches web/package-lock.json."""
    lock = WEB / "package-lock.json"
    installed = WEB / "node_modules" / ".package-lock.json"  # written by npm at each install
    wanted = json.loads(lock.read_text())["packages"]
    if installed.exists():
        have = json.loads(installed.read_text())["packages"]
        if all(have.get(name, {}).get("version") == info.get("version") for name, info in wanted.items() if name):
            return
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit(NO_NPM)
    print("Installing the site's JavaScript packages (npm ci in web/) ...", flush=True)
    subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=WEB, check=True)


def copy_site_assets(book_root: Path) -> None:
    """Copy MathJax into ``book_root``/_build/site_extra/mathjax (html_extra_path)."""
    source = WEB / "node_modules" / "mathjax" / "es5"
    target = Path(book_root) / "_build" / "site_extra" / "mathjax"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(*MATHJAX_UNUSED))


def build(book_root: Path = ROOT, *extra: str) -> int:
    """Run jupyter-book on ``book_root``; return 0 only for a clean build with no failed cell."""
    install_site_packages()
    copy_site_assets(book_root)
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    command = [str(jupyter_book), "build", *STRICT, *extra, "."]
    # From the book's own folder, so that _config.yml's relative paths (the execution
    # cache in _build/.jupyter_cache) belong to this book and no other.
    status = subprocess.run(command, cwd=book_root).returncode
    # jupyter-book keeps a log for each notebook whose execution failed; a build with
    # such a log has failed, whatever the exit code says.
    reports = sorted((Path(book_root) / "_build" / "html" / "reports").glob("**/*.err.log"))
    for report in reports:
        print(f"notebook execution failed, see {report}", file=sys.stderr)
    return status or (1 if reports else 0)


if __name__ == "__main__":
    sys.exit(build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT))
