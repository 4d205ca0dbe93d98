"""The chapters keep the book's rules: objectives, summary, exercises with hidden solutions,
citations, glued numbers, alt text, code lines of at most 79 characters; and the post's results
come from executed code."""

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = [
    "01_tanh",
    "02_dataset",
    "03_seeding",
    "04_initialisation",
    "05_training",
    "06_prediction",
    "07_hidden_layer",
    "08_scikit_learn",
]
POST_PREDICTIONS = ["0.99999874", "-0.01759575", "0.99999878"]


def read(chapter):
    return nbformat.read(ROOT / "book" / f"{chapter}.ipynb", as_version=4)


def markdown(notebook):
    return "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")


def stored_text(notebook):
    """Everything the executed code cells printed or returned as text."""
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.append(output.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def test_the_toc_lists_the_intro_the_chapters_the_notation_the_guide_and_the_references_in_order():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]] + [entry["file"] for entry in toc["chapters"]]
    assert files == ["book/intro"] + [f"book/{c}" for c in CHAPTERS] + [
        "book/notation", "book/teachers_guide", "book/references"]


def test_the_posts_predictions_are_printed_by_executed_code_not_typed():
    notebook = read("06_prediction")
    printed = stored_text(notebook)
    for number in POST_PREDICTIONS:
        assert number in printed, f"{number} is not in the executed outputs"
        assert number not in markdown(notebook), f"{number} is typed into the prose"


def test_scikit_learn_predicts_one_zero_one_in_the_executed_chapter():
    notebook = read("08_scikit_learn")
    assert "[1 0 1]" in stored_text(notebook)
    assert "[1 0 1]" not in markdown(notebook)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_structure(chapter):
    notebook = read(chapter)
    text = markdown(notebook)
    assert notebook.cells[0].source.startswith("# "), "the first cell holds the title"
    assert "In this chapter you will" in notebook.cells[0].source, "learning objectives at the top"
    assert "## Summary" in text
    assert "{cite" in text, "at least one citation"
    assert "{glue" in text, "numbers in the prose are glued from executed cells"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_has_exercises_with_hidden_solutions(chapter):
    notebook = read(chapter)
    text = markdown(notebook)
    labels = re.findall(r"\{exercise\}[^\n]*\n:label: ([\w-]+)", text)
    assert len(labels) >= 2, "at least two exercises"
    solved = re.findall(r"\{solution(?:-start)?\} ([\w-]+)\n:class: dropdown", text)
    assert sorted(solved) == sorted(labels), "every exercise has one solution, in a dropdown"
    solution_cells = [c for c in notebook.cells if "solution" in c.metadata.get("tags", [])]
    assert solution_cells and all(c.cell_type == "code" for c in solution_cells), "a coding exercise"
    for cell in solution_cells:
        assert re.search(r'^def \w+\(.*\):\n    """', cell.source, re.M), "a function with a docstring"
        assert len(cell.metadata.get("hint", "")) > 20, "a hint for the student edition's stub"


def ruff(*paths):
    """`ruff check` with the book's settings (pyproject.toml, [tool.ruff]): code lines over 79 characters."""
    command = [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise",
               "--config", str(ROOT / "pyproject.toml"), *map(str, paths)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_no_code_line_over_79_characters_in_any_chapter():
    listed = ruff("--show-files")
    assert {f"book/{chapter}.ipynb" for chapter in CHAPTERS} <= {
        str(Path(line).relative_to(ROOT)) for line in listed.stdout.split()}, "ruff reads every chapter"
    result = ruff()
    assert result.returncode == 0, f"ruff check (see [tool.ruff] in pyproject.toml):\n{result.stdout}{result.stderr}"


def test_ruff_reports_a_code_line_of_80_characters(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("x = 1\n" + "y = " + "1" * 76),  # 80 characters
        nbformat.v4.new_code_cell("z = " + "2" * 75),  # 79: allowed
    ])
    path = tmp_path / "wide.ipynb"
    nbformat.write(notebook, path)
    result = ruff(path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "cell 1:2:80: E501" in result.stdout and "cell 2" not in result.stdout, result.stdout


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_figure_has_alt_text(chapter):
    for cell in read(chapter).cells:
        if any("image/png" in o.get("data", {}) for o in cell.get("outputs", [])):
            alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt", "")
            assert len(alt.strip()) > 20, f"no alt text for the figure of {cell.source[:50]!r}"


def test_the_teachers_guide_names_every_exercise_by_its_own_title():
    titles = {}
    for chapter in CHAPTERS:
        for title, label in re.findall(r"\{exercise\} ([^\n]*)\n:label: ([\w-]+)", markdown(read(chapter))):
            titles[label] = title
    guide = (ROOT / "book" / "teachers_guide.md").read_text()
    named = dict((label, title) for title, label in re.findall(r"\{ref\}`([^`<]+) <([\w-]+)>`", guide))
    assert set(named) == set(titles), "every exercise appears in the guide, and no other label"
    assert all(named[label] == titles[label] for label in titles), "link texts are the exercises' titles"
    for heading in ["## Who it is for", "## A 50-minute lesson", "## Two sessions", "## Common misconceptions",
                    "### With no installation", "### On machines without internet", "### The student edition"]:
        assert heading in guide


# The explorers work on the web page as in Jupyter, and say so in their own caption: the prose
# only says what to try. These sentences told readers that a page showed a dead snapshot.
STALE_EXPLORER_NOTES = ["On the web page you see", "when the chapter runs as a notebook",
                        "replays training without Python"]


def test_the_prose_leaves_the_note_on_live_controls_to_the_explorers():
    texts = {f"{chapter}.ipynb": markdown(read(chapter)) for chapter in CHAPTERS}
    texts |= {path.name: path.read_text() for path in (ROOT / "book").glob("*.md")}
    assert "teachers_guide.md" in texts and "intro.md" in texts
    found = [(name, note) for name, text in texts.items() for note in STALE_EXPLORER_NOTES if note in " ".join(text.split())]
    assert not found, f"prose that repeats or contradicts the explorers' caption: {found}"


NUMPY_REPR = re.compile(r"\b(?:np|numpy)\.\w+\(|^array\(")


def glued_reprs(notebook) -> dict[str, str]:
    """Each glued name whose stored text is a NumPy repr such as ``np.int64(2)``, which
    {glue:text} would paste into the prose as it is."""
    found = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            scrap = output.get("metadata", {}).get("scrapbook")
            if scrap:
                text = output["data"][scrap["mime_prefix"] + "text/plain"]
                if NUMPY_REPR.search(text):
                    found[scrap["name"]] = text
    return found


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_glued_number_reaches_the_prose_as_a_numpy_repr(chapter):
    assert glued_reprs(read(chapter)) == {}


def test_a_glued_numpy_scalar_is_caught():
    out = nbformat.v4.new_output(
        "display_data", data={"application/papermill.record/text/plain": "np.int64(2)"},
        metadata={"scrapbook": {"name": "count", "mime_prefix": "application/papermill.record/"}})
    cell = nbformat.v4.new_code_cell("glue('count', n)", outputs=[out])
    assert glued_reprs(nbformat.v4.new_notebook(cells=[cell])) == {"count": "np.int64(2)"}
