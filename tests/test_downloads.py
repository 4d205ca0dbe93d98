"""Every route from the site into Jupyter opens a reader's edition, not the MyST source (#12).

The site's download menu (tools/downloads.py), Binder (postBuild) and `make lab` (Makefile).
"""

import json
import os
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest

import downloads
from editions import LAB_SETTINGS, markup_left, solution_count

ROOT = Path(__file__).resolve().parent.parent

CHAPTERS = sorted((ROOT / "book").glob("[0-9][0-9]_*.ipynb"))
HELPERS = sorted(p.name for p in (ROOT / "helpers").glob("*.py"))
ZIPS = {"reader": "tiny-network-reader", "student": "tiny-network-student"}


def solutions_in_book(chapter: Path) -> int:
    """The solutions of a chapter in book/: coding ones and written ones."""
    return solution_count(nbformat.read(chapter, as_version=4))


def solution_code(chapter: Path) -> list[str]:
    """The source of each cell of a chapter in book/ tagged ``solution``."""
    notebook = nbformat.read(chapter, as_version=4)
    return [c.source for c in notebook.cells
            if "solution" in c.metadata.get("tags", [])]


def check_edition(notebook, chapter: Path, kind: str):
    """Clean of MyST; the reader's keeps every solution, the student's none."""
    assert markup_left(notebook) == [], chapter.name
    code = {c.source for c in notebook.cells if c.cell_type == "code"}
    if kind == "reader":
        assert solution_count(notebook) == solutions_in_book(chapter)
        assert all(s in code for s in solution_code(chapter)), chapter.name
    else:
        assert solution_count(notebook) == 0, chapter.name
        assert not any(s in code for s in solution_code(chapter)), chapter


class Links(HTMLParser):
    """Every link's href, class and title on a page."""

    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs))


def links(page: Path) -> list[dict]:
    parser = Links()
    parser.feed(page.read_text())
    return parser.links


def edition_link(page: Path, kind: str) -> dict:
    [link] = [a for a in links(page)
              if f"btn-download-{kind}-edition-button" in a.get("class", "")]
    return link


def test_the_check_for_markup_finds_the_markup_of_the_authors_notebooks():
    """The checks below could fail: book/ holds MyST markup and solutions."""
    assert CHAPTERS and len(CHAPTERS) == 8
    assert all(markup_left(nbformat.read(c, as_version=4)) for c in CHAPTERS)
    assert all(solution_code(c) for c in CHAPTERS)
    assert all(solutions_in_book(c) >= len(solution_code(c)) for c in CHAPTERS)


# --- The site's download menu --------------------------------------------


@pytest.mark.build
@pytest.mark.parametrize("page", ["book/05_training.html", "book/intro.html"])
@pytest.mark.parametrize("kind, text", [("reader", "Reader's edition (.zip)"),
                                        ("student", "Student edition (.zip)")])
def test_the_download_menu_offers_both_editions(built_site, page, kind, text):
    link = edition_link(built_site / page, kind)
    assert link["href"] == f"../downloads/{ZIPS[kind]}.zip"
    assert (built_site / page).parent.joinpath(link["href"]).resolve().is_file()
    assert text in (built_site / page).read_text()


@pytest.mark.build
def test_a_chapters_notebook_link_says_it_is_the_readers_edition(built_site):
    page = built_site / "book" / "05_training.html"
    [link] = [a for a in links(page)
              if a.get("href") == "../_sources/book/05_training.ipynb"]
    assert "reader's edition of this chapter" in link["title"]


@pytest.mark.build
@pytest.mark.parametrize("kind", ZIPS)
def test_each_zip_holds_the_notebooks_helpers_requirements_and_readme(
        built_site, kind):
    top = ZIPS[kind]
    with zipfile.ZipFile(built_site / "downloads" / f"{top}.zip") as archive:
        files = {n for n in archive.namelist() if not n.endswith("/")}
    expected = {f"{top}/{c.name}" for c in CHAPTERS} | {f"{top}/notation.ipynb"}
    expected |= {f"{top}/helpers/{name}" for name in HELPERS}
    expected |= {f"{top}/requirements.txt", f"{top}/README.md", f"{top}/{LAB_SETTINGS}/overrides.json"}
    assert files == expected


@pytest.mark.build
@pytest.mark.parametrize("kind", ZIPS)
def test_every_notebook_in_a_zip_is_clean_and_keeps_its_solutions_or_none(
        built_site, kind):
    top = ZIPS[kind]
    with zipfile.ZipFile(built_site / "downloads" / f"{top}.zip") as archive:
        for chapter in CHAPTERS:
            notebook = nbformat.reads(
                archive.read(f"{top}/{chapter.name}"), as_version=4)
            check_edition(notebook, chapter, kind)


@pytest.mark.build
@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_a_chapters_notebook_download_is_its_readers_edition(built_site,
                                                             chapter):
    served = built_site / "_sources" / "book" / chapter.name
    check_edition(nbformat.read(served, as_version=4), chapter, "reader")


def fake_app(srcdir, builder="html", outdir=None):
    return SimpleNamespace(srcdir=str(srcdir), outdir=str(outdir),
                           builder=SimpleNamespace(name=builder))


def download_menu():
    notebook = {"type": "link", "url": "../_sources/book/01_tanh.ipynb",
                "label": "download-source-button",
                "tooltip": "Download source file"}
    return {"type": "group", "label": "download-buttons",
            "buttons": [notebook]}


def test_the_menu_gains_both_zips_and_the_notebook_link_its_tooltip():
    context = {"header_buttons": [download_menu()],
               "pathto": lambda name, resource: f"../{name}"}
    downloads.add_edition_links(fake_app(ROOT), "book/01_tanh", "page.html",
                                context, None)
    notebook, *zips = context["header_buttons"][0]["buttons"]
    assert notebook["tooltip"] == downloads.NOTEBOOK_TOOLTIP
    assert [b["url"] for b in zips] == [f"../downloads/{ZIPS[k]}.zip"
                                        for k in ("reader", "student")]


def test_a_page_without_a_download_menu_gets_no_links():
    context = {"header_buttons": [{"type": "link", "label": "other"}],
               "pathto": lambda name, resource: name}
    before = [dict(b) for b in context["header_buttons"]]
    downloads.add_edition_links(fake_app(ROOT), "x", "page.html", context,
                                None)
    assert context["header_buttons"] == before


def test_a_book_without_chapters_gets_no_links(tmp_path):
    context = {"header_buttons": [download_menu()],
               "pathto": lambda name, resource: name}
    downloads.add_edition_links(fake_app(tmp_path), "x", "page.html",
                                context, None)
    assert len(context["header_buttons"][0]["buttons"]) == 1


@pytest.mark.parametrize("builder, exception", [("linkcheck", None),
                                                ("html", RuntimeError("x"))])
def test_no_editions_after_a_failed_or_non_html_build(tmp_path, builder,
                                                      exception):
    app = fake_app(ROOT, builder, tmp_path)
    downloads.write_editions(app, exception)
    assert list(tmp_path.iterdir()) == []


def test_a_chapter_missing_from_the_readers_edition_fails_the_build(
        tmp_path, monkeypatch):
    def make_edition(kind, out, book):
        out.mkdir(parents=True)
        shutil.make_archive(str(out), "zip", out.parent, out.name)
        return []  # no notebooks written

    monkeypatch.setattr(downloads, "make_edition", make_edition)
    with pytest.raises(RuntimeError, match="reader's edition has no 01_"):
        downloads.write_editions(fake_app(ROOT, "html", tmp_path), None)


# --- Binder ---------------------------------------------------------------


def tracked_copy(target: Path) -> Path:
    """The repository's tracked files (what Binder clones) copied into ``target``."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout
    for name in filter(None, files.split("\0")):
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    return target


def test_binder_opens_the_readers_edition_of_book(tmp_path):
    """repo2docker runs postBuild after the requirements; book/ is then the reader's edition."""
    repo = tracked_copy(tmp_path)
    assert not (repo / "binder").exists(), "a binder/ folder hides the root files"
    settings = tmp_path / "lab-settings"  # in Binder: the image's <prefix>/share/jupyter/lab/settings
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
           "LAB_SETTINGS_DIR": str(settings)}
    result = subprocess.run(["bash", "postBuild"], cwd=repo, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    overrides = json.loads((settings / "overrides.json").read_text())
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    assert sorted(p.name for p in (repo / "book").glob("*.ipynb")) == [c.name for c in CHAPTERS] + ["notation.ipynb"]
    for chapter in CHAPTERS:
        check_edition(nbformat.read(repo / "book" / chapter.name, as_version=4),
                      chapter, "reader")


# --- make lab -------------------------------------------------------------


def make_lab(repo: Path) -> subprocess.CompletedProcess:
    """`make lab` in ``repo``, with JupyterLab replaced by echo, which prints what it would open."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    return subprocess.run(["make", "--no-print-directory", "lab", "JUPYTER_LAB=echo"],
                          cwd=repo, env=env, capture_output=True, text=True)


def test_make_lab_writes_the_readers_edition_when_the_book_changes_and_opens_it(tmp_path):
    repo = tracked_copy(tmp_path)
    # A ready .venv whose python is the one running the tests (make would build one otherwise).
    (repo / ".venv" / "bin").mkdir(parents=True)
    (repo / ".venv" / "bin" / "python").write_text(f'#!/bin/sh\nexec {sys.executable} "$@"\n')
    (repo / ".venv" / "bin" / "python").chmod(0o755)
    (repo / ".venv" / ".installed").touch()
    first = make_lab(repo)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "tools/editions.py reader _build/reader" in first.stdout
    assert first.stdout.splitlines()[-1].split()[-1] == "_build/reader", "what lab opens"
    assert f"--LabApp.app_settings_dir=_build/reader/{LAB_SETTINGS}" in first.stdout.splitlines()[-1].split()
    assert (repo / "_build" / "reader" / LAB_SETTINGS / "overrides.json").is_file(), "no news prompt"
    for chapter in CHAPTERS:
        check_edition(nbformat.read(repo / "_build" / "reader" / chapter.name, as_version=4),
                      chapter, "reader")

    again = make_lab(repo)
    assert "editions.py" not in again.stdout, "nothing changed: not written again"
    assert again.stdout.splitlines()[-1].split()[-1] == "_build/reader"

    written = repo / "_build" / "reader" / ".written"
    for changed in ["book/03_seeding.ipynb", "helpers/network.py", "tools/editions.py",
                    "requirements.txt", "README.md"]:
        stamp = written.stat().st_mtime
        os.utime(repo / changed, (stamp + 10, stamp + 10))
        if changed == "requirements.txt":  # the .venv is made again first
            os.utime(repo / ".venv" / ".installed", (stamp + 20, stamp + 20))
        result = make_lab(repo)
        assert result.returncode == 0, result.stdout + result.stderr
        rewritten = "tools/editions.py reader _build/reader" in result.stdout
        assert rewritten == (changed != "README.md"), changed
        os.utime(repo / changed, (stamp - 10, stamp - 10))
        assert "editions.py" not in make_lab(repo).stdout, changed
