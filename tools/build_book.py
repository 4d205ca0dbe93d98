"""Build the book strictly: any Sphinx warning, broken reference or failing cell is an error.

Usage: python tools/build_book.py [BOOK_ROOT]   (default: the repository root)

`make book`, the test suite and the benchmark all build through this one script.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# --all re-reads every page, so warnings of an unchanged page are reported again;
# notebooks are still not re-executed, thanks to the execution cache.
STRICT = ["--warningiserror", "--nitpick", "--keep-going", "--all"]


def build(book_root: Path = ROOT, *extra: str) -> int:
    """Run jupyter-book on ``book_root``; return 0 only for a clean build with no failed cell."""
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
