"""The generated student edition runs, and its stubs and the teacher's solutions agree.

Each student notebook is executed once, top to bottom, from inside the edition's own folder
(so it imports the copy of ``helpers`` shipped in the zip). Then the same kernel runs the
exercise section again with every stub filled with the teacher's solution.
"""

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from helpers.checks import NOT_YET

from editions import make_edition

ROOT = Path(__file__).resolve().parent.parent

CHAPTERS = sorted(p.name for p in (ROOT / "book").glob("*.ipynb"))
CHECK = re.compile(r"^helpers\.checks\.check_(\w+)\((\w+)\)$")


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("edition") / "student"
    make_edition("student", out)
    return out


def tagged(notebook, tag):
    return [i for i, c in enumerate(notebook.cells) if tag in c.metadata.get("tags", [])]


def function_name(source):
    return re.search(r"^def (\w+)\(", source, re.M).group(1)


def verdicts(cells):
    """The text each check cell showed, in order."""
    shown = []
    for cell in cells:
        if cell.cell_type == "code" and CHECK.match(cell.source.strip()):
            shown.append("".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs))
    return shown


def errors(cells):
    return [o for c in cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]


def test_every_stub_is_followed_by_its_check(edition):
    for chapter in CHAPTERS:
        student = nbformat.read(edition / chapter, as_version=4)
        code = [c for c in student.cells if c.cell_type == "code"]
        for k, cell in enumerate(code):
            if "exercise" in cell.metadata.get("tags", []):
                name = function_name(cell.source)
                assert k + 1 < len(code) and code[k + 1].source.strip() == f"helpers.checks.check_{name}({name})", (
                    f"{chapter}: the cell after the exercise {name} should run its check"
                )


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_student_notebook_runs_and_the_solutions_pass_its_checks(edition, chapter):
    student = nbformat.read(edition / chapter, as_version=4)
    teacher = nbformat.read(ROOT / "book" / chapter, as_version=4)
    stubs, solutions = tagged(student, "exercise"), tagged(teacher, "solution")
    assert stubs and len(stubs) == len(solutions)

    answers = iter(teacher.cells[i].source for i in solutions)
    filled = []
    for cell in student.cells[stubs[0]:]:
        if cell.cell_type == "code":
            cell = nbformat.from_dict(cell)  # a copy
            if "exercise" in cell.metadata.get("tags", []):
                cell.source = next(answers)
            filled.append(cell)
    unsolved = len(student.cells)
    student.cells += filled

    NotebookClient(student, timeout=600, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(edition)}}).execute()

    before, after = student.cells[:unsolved], student.cells[unsolved:]
    assert {e.ename for e in errors(before)} <= {"NotImplementedError"}, [e.evalue for e in errors(before)]
    assert verdicts(before) == [NOT_YET] * len(stubs)
    assert not errors(after), [f"{e.ename}: {e.evalue}" for e in errors(after)]
    assert len(verdicts(after)) == len(stubs)
    assert all(v.startswith("Well done:") for v in verdicts(after)), verdicts(after)


def test_the_zip_runs_without_the_repository(edition):
    shipped = sorted(p.name for p in (edition / "helpers").glob("*.py"))
    assert shipped == sorted(p.name for p in (ROOT / "helpers").glob("*.py"))
    pins = (edition / "requirements.txt").read_text().splitlines()
    assert "-e ." not in pins and any(line.startswith("numpy==") for line in pins)
    assert "helpers/" in (edition / "README.md").read_text()


@pytest.mark.parametrize("chapter, explorer, exercise", [
    ("05_training.ipynb", "StepExplorer", "Predict, then step: the first weight's push"),
    ("07_hidden_layer.ipynb", "HiddenStepExplorer", "Predict, then step: the error goes back"),
])
def test_the_student_edition_keeps_the_step_through_explorer_after_its_prompt(
        edition, chapter, explorer, exercise):
    """Issue #21: the predict-then-reveal exercise is answered with the explorer, so the student
    edition keeps the explorer's cell, after the exercise's prompt, and drops only the answer."""
    student = nbformat.read(edition / chapter, as_version=4)
    sources = [cell.source for cell in student.cells]
    prompt = next(i for i, text in enumerate(sources) if exercise in text)
    view = sources.index(f"helpers.explorers.{explorer}()")
    assert prompt < view, "the prompt comes before the explorer that answers it"
    assert not any("can only grow" in text or "sign flipped" in text for text in sources)
