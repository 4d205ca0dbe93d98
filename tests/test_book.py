"""The book: notebooks stored executed and clean, and a strict build that really fails on errors."""

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from helpers.explorer_text import TEXT
import yaml

ROOT = Path(__file__).resolve().parent.parent
BUILD = [sys.executable, str(ROOT / "tools" / "build_book.py")]
NOTEBOOKS = sorted(p for p in (ROOT / "book").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def toc_files():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    return [toc["root"]] + [entry["file"] for entry in toc.get("chapters", [])]


def test_every_notebook_is_in_the_toc():
    listed = set(toc_files())
    for notebook in NOTEBOOKS:
        assert str(notebook.relative_to(ROOT).with_suffix("")) in listed, f"{notebook} is not in _toc.yml"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_executed_in_order_and_clean(path):
    notebook = nbformat.read(path, as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code" and c.source.strip()]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), "restart and run all"
    for cell in code:
        for output in cell.outputs:
            assert output.output_type != "error", f"stored error in {cell.source[:40]!r}"
            text = json.dumps(output)
            assert not re.search(r"/root/|/home/\w|/Users/\w|/tmp/|site-packages|\\\\Users", text)
            assert not re.search(r"0x[0-9a-f]{8,}", text), "a memory address in a stored output"


def write_book(root: Path, pages: dict[str, str]):
    """A throwaway book with this repository's _config.yml and the given pages."""
    shutil.copy(ROOT / "_config.yml", root / "_config.yml")
    shutil.copytree(ROOT / "tools", root / "tools", ignore=shutil.ignore_patterns("__pycache__"))  # local extension
    (root / "book").mkdir()
    shutil.copy(ROOT / "book" / "references.bib", root / "book" / "references.bib")  # named by _config.yml
    names = list(pages)
    toc = {"format": "jb-book", "root": names[0], "chapters": [{"file": n} for n in names[1:]]}
    (root / "_toc.yml").write_text(yaml.safe_dump(toc))
    for name, content in pages.items():
        if name.endswith("notebook"):
            nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Broken"), nbformat.v4.new_code_cell(content)])
            nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
            nbformat.write(nb, root / f"{name}.ipynb")
        else:
            (root / f"{name}.md").write_text(content)


@pytest.mark.build
def test_a_failing_cell_fails_the_build(tmp_path):
    write_book(tmp_path, {"intro": "# Intro\n\nFine.\n", "broken_notebook": "1 / 0"})
    assert subprocess.run([*BUILD, str(tmp_path)], capture_output=True).returncode != 0


@pytest.mark.build
def test_a_broken_reference_fails_the_build(tmp_path):
    write_book(tmp_path, {"intro": "# Intro\n\nSee {ref}`no-such-label`.\n", "chapter": "# Chapter\n\nFine.\n"})
    assert subprocess.run([*BUILD, str(tmp_path)], capture_output=True).returncode != 0


@pytest.mark.build
def test_a_failing_cell_fails_the_build_when_notebooks_run_side_by_side(tmp_path):
    """Two notebooks to run: build_book.py executes them in parallel before the build."""
    write_book(tmp_path, {"intro": "# Intro\n\nFine.\n", "fine_notebook": "print(1)", "broken_notebook": "1 / 0"})
    result = subprocess.run([*BUILD, str(tmp_path)], capture_output=True, text=True)
    assert "2 at a time" in result.stdout or (os.cpu_count() or 1) < 2
    assert result.returncode != 0


@pytest.mark.build
def test_a_failed_build_fails_again_when_nothing_changed(tmp_path):
    """A page's reading warning is reported again, though the page did not change."""
    write_book(tmp_path, {"intro": "# Intro\n\n```{no-such-directive}\n```\n", "chapter": "# Chapter\n\nFine.\n"})
    for _ in range(2):
        assert subprocess.run([*BUILD, str(tmp_path)], capture_output=True).returncode != 0


@pytest.mark.build
def test_a_reference_broken_by_another_page_fails_the_next_build(tmp_path):
    """Only the changed page is read again, but every page's references are checked again."""
    write_book(tmp_path, {"intro": "# Intro\n", "chapter": "# Chapter\n\nSee {ref}`the-label`.\n",
                          "other": "(the-label)=\n# Other\n"})
    first = subprocess.run([*BUILD, str(tmp_path)], capture_output=True, text=True)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    (tmp_path / "other.md").write_text("# Other\n\nThe label is gone.\n")
    assert subprocess.run([*BUILD, str(tmp_path)], capture_output=True).returncode != 0


@pytest.mark.build
def test_a_page_taken_out_of_the_book_leaves_the_site(tmp_path):
    """A chapter renamed (here: chapter to renamed) is not served any more under its old name."""
    write_book(tmp_path, {"intro": "# Intro\n", "chapter": "# Chapter\n\nFine.\n"})
    first = subprocess.run([*BUILD, str(tmp_path)], capture_output=True, text=True)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    assert (tmp_path / "_build" / "html" / "chapter.html").is_file()
    (tmp_path / "chapter.md").rename(tmp_path / "renamed.md")
    toc = yaml.safe_load((tmp_path / "_toc.yml").read_text())
    toc["chapters"] = [{"file": "renamed"}]
    (tmp_path / "_toc.yml").write_text(yaml.safe_dump(toc))
    second = subprocess.run([*BUILD, str(tmp_path)], capture_output=True, text=True)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    site = tmp_path / "_build" / "html"
    assert (site / "renamed.html").is_file() and not (site / "chapter.html").exists()


@pytest.mark.build
def test_the_same_good_throwaway_book_builds(tmp_path):
    """The two failures above come from the faults, not from the throwaway set-up."""
    write_book(tmp_path, {"intro": "# Intro\n\nFine.\n", "fine_notebook": "print(1 + 1)"})
    result = subprocess.run([*BUILD, str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


class ImageAlts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.alts = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.alts.append(dict(attrs).get("alt"))


@pytest.mark.build
def test_the_book_builds_strictly_and_every_image_has_alt_text(built_site):
    html = built_site
    for page in toc_files():
        built = html / f"{page}.html"
        assert built.exists(), f"{page} was not built"
        parser = ImageAlts()
        parser.feed(built.read_text())
        assert all(alt and alt.strip() for alt in parser.alts), f"an image without alt text in {built.name}"


@pytest.mark.build
@pytest.mark.parametrize("chapter", ["01_tanh", "03_seeding", "05_training", "06_prediction"])
def test_explorers_show_a_snapshot_not_dead_controls(built_site, chapter):
    page = (built_site / "book" / f"{chapter}.html").read_text()
    assert 'class="explorer-snapshot" data-live-explorer="' in page, "the explorer's snapshot is its mount point"
    assert f">{TEXT['caption']['snapshot']}</figcaption>" in page, "captioned as a snapshot, nothing site-only"
    assert "make lab" not in page
    # made live by the inline loader (tools/live_explorers.py), which imports the bundle when an
    # explorer nears the screen
    assert re.search(r'liveLoader\.watch\("\.\./live/explorers\.js\?v=\w+", '
                     r'"\.\./live/explorers\.css\?v=\w+"\);</script>', page), "made live"
    assert sorted(path.name for path in (built_site / "live").iterdir()) == ["explorers.css", "explorers.js"]
    # No widget view to render, and no saved widget state, which nothing on the page could use.
    assert "application/vnd.jupyter.widget-view+json" not in page, "no widget that cannot work"
    assert "application/vnd.jupyter.widget-state+json" not in page, "no dead weight"
    assert "@jupyter-widgets/html-manager" not in page and "require.min.js" not in page


@pytest.mark.build
def test_chapter_pages_offer_a_download_and_launch_buttons(built_site):
    page = (built_site / "book" / "05_training.html").read_text()
    repository = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"].removeprefix("https://github.com/")
    assert 'href="../_sources/book/05_training.ipynb"' in page
    assert f"https://mybinder.org/v2/gh/{repository}/main?urlpath=lab/tree/book/05_training.ipynb" in page
    assert "colab.research.google.com" not in page, "Colab would open a notebook without its helpers"
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.11", "Binder needs the Python the book needs"
    downloaded = nbformat.reads((built_site / "_sources" / "book" / "05_training.ipynb").read_text(), as_version=4)
    assert downloaded.cells[0].source.startswith("# ")


def test_a_missing_npm_is_explained_not_a_traceback(tmp_path, monkeypatch):
    import build_book

    (tmp_path / "package-lock.json").write_text((ROOT / "web" / "package-lock.json").read_text())
    monkeypatch.setattr(build_book, "WEB", tmp_path)  # nothing installed there yet
    monkeypatch.setattr(build_book.shutil, "which", lambda name: None)
    with pytest.raises(SystemExit, match="needs Node.js and npm"):
        build_book.install_site_packages()


def test_every_git_clone_in_the_book_and_readme_names_the_repository_in_config():
    """The one repository URL lives in _config.yml; a `git clone` a reader copies must name it."""
    url = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]
    clones = [line.strip() for path in [ROOT / "README.md", *sorted((ROOT / "book").glob("*.md"))]
              for line in path.read_text().splitlines() if line.strip().startswith("git clone")]
    assert clones, "the teacher's guide shows how to clone the repository"
    assert all(line.split()[2] == url for line in clones), clones
