"""Shared fixtures: the book is built strictly once per test run, for every test that reads it."""

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
