"""Shared fixtures: the book, built strictly once per test run for every test that reads it, and
Node.js for the tests of the site's JavaScript engines."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD = [sys.executable, str(ROOT / "tools" / "build_book.py")]


@pytest.fixture(scope="session")
def built_site():
    """The book's site, built strictly into _build/html (cached notebooks are not re-run)."""
    result = subprocess.run(BUILD, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-5000:]
    return ROOT / "_build" / "html"


@pytest.fixture(scope="session")
def node():
    """The path of Node.js 18 or newer, which runs web/test/ and the parity scripts of tests/."""
    path = shutil.which("node")
    if path is None:
        pytest.fail("node (Node.js) is not installed: `make test` installs it (tools/system_deps.py), "
                    "or install it yourself, e.g. `sudo apt-get install nodejs`")
    version = subprocess.run([path, "--version"], check=True, capture_output=True, text=True).stdout.strip()
    major, minor = (int(part) for part in re.match(r"v(\d+)\.(\d+)", version).groups())
    if (major, minor) < (18, 0):
        pytest.fail(f"node {version} is too old: the engine's tests use node's own test runner (node --test) "
                    "and ES modules (web/package.json says \"type\": \"module\"), both there from Node.js 18 on")
    return path
