"""tools/build_book.py before the build: MathJax from npm, with one clear message when that fails."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import build_book

ROOT = Path(__file__).resolve().parent.parent

INSTALLED = ROOT / "web" / "node_modules"


@pytest.fixture
def web(tmp_path, monkeypatch):
    """A copy of web/ with nothing installed, which build_book then uses."""
    for name in ("package.json", "package-lock.json"):
        shutil.copy(ROOT / "web" / name, tmp_path / name)
    monkeypatch.setattr(build_book, "WEB", tmp_path)
    return tmp_path


def test_a_failed_npm_ci_is_one_message_not_a_traceback(web, tmp_path):
    """Offline: the registry cannot be reached and npm's cache is empty."""
    if shutil.which("npm") is None:
        pytest.fail("this test needs npm (make test installs it)")
    env = {**os.environ, "npm_config_registry": "http://127.0.0.1:9/", "npm_config_cache": str(tmp_path / "cache"),
           "npm_config_fetch_retries": "0", "npm_config_fetch_timeout": "5000", "npm_config_offline": "false"}
    code = (f"import sys; from pathlib import Path; sys.path.insert(0, {str(ROOT / 'tools')!r}); import build_book; "
            f"build_book.WEB = Path({str(web)!r}); build_book.install_site_packages()")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "`npm ci` in web/ failed" in result.stderr and "run the build again" in result.stderr
    assert "Traceback" not in result.stderr, result.stderr


def test_a_stale_npm_record_without_the_files_is_installed_again(web, monkeypatch):
    """web/node_modules/mathjax deleted, npm's record of it left behind: npm ci runs again."""
    (web / "node_modules").mkdir()
    shutil.copy(INSTALLED / ".package-lock.json", web / "node_modules" / ".package-lock.json")
    assert not build_book.site_packages_are_installed()
    runs = []

    def fake_npm(command, cwd, **kwargs):
        runs.append(command)
        shutil.copytree(INSTALLED, Path(cwd) / "node_modules", dirs_exist_ok=True)  # every locked package
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(build_book.shutil, "which", lambda name: "/usr/bin/npm")
    monkeypatch.setattr(build_book.subprocess, "run", fake_npm)
    build_book.install_site_packages()
    assert len(runs) == 1 and runs[0][1] == "ci"
    assert build_book.site_packages_are_installed()
    build_book.install_site_packages()
    assert len(runs) == 1, "nothing to do once the files are there"


def test_npm_reporting_success_without_the_files_is_a_failure_too(web, monkeypatch):
    monkeypatch.setattr(build_book.shutil, "which", lambda name: "/usr/bin/npm")
    monkeypatch.setattr(build_book.subprocess, "run", lambda command, **kwargs: subprocess.CompletedProcess(command, 0))
    with pytest.raises(SystemExit, match="npm ci` in web/ failed"):
        build_book.install_site_packages()


def test_a_missing_mathjax_file_counts_as_not_installed(web):
    shutil.copytree(INSTALLED, web / "node_modules")
    assert build_book.site_packages_are_installed()
    (web / "node_modules" / "mathjax" / "es5" / "output" / "svg.js").unlink()
    assert not build_book.site_packages_are_installed()


def test_the_site_gets_every_output_mathjax_offers_in_its_menu(tmp_path):
    build_book.copy_site_assets(tmp_path)
    shipped = tmp_path / "_build" / "site_extra" / "mathjax"
    for path in ("tex-chtml.js", "output/chtml.js", "output/svg.js", "output/svg/fonts/tex.js",
                 "output/chtml/fonts/woff-v2/MathJax_Zero.woff"):
        assert (shipped / path).is_file(), path
    for path in ("tex-svg.js", "tex-mml-chtml.js", "tex-chtml-full.js"):
        assert not (shipped / path).exists(), "combined files the site does not load are left out"


def test_what_pages_cannot_tell_sphinx_makes_the_next_build_read_every_page(tmp_path):
    """The fingerprint kept after a clean build changes with the configuration, toc, bibliography and tools."""
    for name in ("_config.yml", "_toc.yml", "tools/offline_site.py", "book/references.bib"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("one")
    (tmp_path / "book" / "page.md").write_text("# A page")
    before = build_book.fingerprint(tmp_path)
    (tmp_path / "book" / "page.md").write_text("# A page, changed: Sphinx sees that itself")
    assert build_book.fingerprint(tmp_path) == before
    for name in ("_config.yml", "_toc.yml", "tools/offline_site.py", "book/references.bib"):
        (tmp_path / name).write_text("two")
        assert build_book.fingerprint(tmp_path) != before, name
        before = build_book.fingerprint(tmp_path)


def test_a_change_to_helpers_empties_the_execution_cache_once(tmp_path):
    """jupyter-cache knows a notebook by its cells only: outputs made with older helpers must go."""
    (tmp_path / "_config.yml").write_text("execute:\n  cache: _build/.jupyter_cache\n")
    (tmp_path / "helpers").mkdir()
    source = tmp_path / "helpers" / "network.py"
    source.write_text("A = 1\n")
    cache = tmp_path / "_build" / ".jupyter_cache"

    def fill_and_build():
        cache.mkdir(parents=True, exist_ok=True)
        (cache / "entry").write_text("an executed notebook")
        build_book.clear_stale_execution_cache(tmp_path)

    fill_and_build()  # a first build: nothing says what the cache was filled with
    assert not cache.exists()
    fill_and_build()
    assert (cache / "entry").is_file(), "unchanged helpers must keep the cache"
    source.write_text("A = 2\n")
    fill_and_build()
    assert not cache.exists(), "changed helpers must empty the cache"
    fill_and_build()
    assert (cache / "entry").is_file()
    (tmp_path / "helpers" / "explorer_text.json").write_text('{"alt": "another sentence"}')
    fill_and_build()
    assert not cache.exists(), "the explorers' sentences are part of helpers: the snapshots' alt text"


def test_helpers_are_part_of_what_makes_the_next_build_read_every_page(tmp_path):
    (tmp_path / "helpers").mkdir()
    source = tmp_path / "helpers" / "plotting.py"
    source.write_text("A = 1\n")
    before = build_book.fingerprint(tmp_path)
    source.write_text("A = 2\n")
    assert build_book.fingerprint(tmp_path) != before
    before = build_book.fingerprint(tmp_path)
    (tmp_path / "helpers" / "explorer_text.json").write_text("{}")
    assert build_book.fingerprint(tmp_path) != before


# --- the Makefile's .venv -------------------------------------------------------


def venv_is_up_to_date(repo: Path) -> bool:
    """`make -q` on the .venv's stamp: whether make would build .venv again."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    result = subprocess.run(["make", "-q", ".venv/.installed"], cwd=repo, env=env, capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return result.returncode == 0


def test_only_requirements_txt_makes_the_venv_again(tmp_path):
    """The editable install (`-e .`) reads helpers/ in place, so pyproject.toml's settings of pytest,
    mutmut or ruff need no new .venv (some minutes); new pins in requirements.txt do."""
    assert (ROOT / "requirements.txt").read_text().splitlines()[-1] == "-e ."
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / ".venv").mkdir()
    stamp = tmp_path / ".venv" / ".installed"
    stamp.touch()
    made = stamp.stat().st_mtime
    assert venv_is_up_to_date(tmp_path)
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('addopts = "', 'addopts = "-v '))
    os.utime(pyproject, (made + 10, made + 10))
    assert venv_is_up_to_date(tmp_path), "a pytest setting changed: .venv stays"
    os.utime(tmp_path / "requirements.txt", (made + 20, made + 20))
    assert not venv_is_up_to_date(tmp_path), "requirements.txt changed: .venv is made again"
