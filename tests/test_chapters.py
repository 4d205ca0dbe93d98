"""The chapters keep the book's rules: objectives, summary, exercises with hidden solutions,
citations, glued numbers, alt text, code lines of at most 79 characters; and the post's results
come from executed code."""

import re
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
    "07_scikit_learn",
]
POST_PREDICTIONS = ["0.99999874", "-0.01759575", "0.99999878"]
MAX_CODE_LINE = 79  # wider code scrolls sideways on the site, and on a 390 px phone


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


def test_the_toc_lists_the_intro_the_chapters_the_guide_and_the_references_in_order():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]] + [entry["file"] for entry in toc["chapters"]]
    assert files == ["book/intro"] + [f"book/{c}" for c in CHAPTERS] + ["book/teachers_guide", "book/references"]


def test_the_posts_predictions_are_printed_by_executed_code_not_typed():
    notebook = read("06_prediction")
    printed = stored_text(notebook)
    for number in POST_PREDICTIONS:
        assert number in printed, f"{number} is not in the executed outputs"
        assert number not in markdown(notebook), f"{number} is typed into the prose"


def test_scikit_learn_predicts_one_zero_one_in_the_executed_chapter():
    notebook = read("07_scikit_learn")
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


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_code_lines_are_at_most_79_characters(chapter):
    too_long = [
        f"{chapter}.ipynb cell {number} (In [{cell.execution_count}]) line {line_number} ({len(line)} characters): {line.strip()!r}"
        for number, cell in enumerate(read(chapter).cells) if cell.cell_type == "code"
        for line_number, line in enumerate(cell.source.splitlines(), start=1) if len(line) > MAX_CODE_LINE
    ]
    assert not too_long, f"{len(too_long)} code lines over {MAX_CODE_LINE} characters:\n" + "\n".join(too_long)


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
