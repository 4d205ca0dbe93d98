"""Write the sample class for chapter 5 that tests/test_grade.py grades: tests/fixtures/sample_class.

Run `python tests/make_sample_class.py` again after chapter 5's exercises change, then check
tests/fixtures/sample_class/expected_grades.csv by hand (it is derived from what each student
below did, not from a run of tools/grade.py).

Each student starts from nbgrader's release of ch05 (tools/editions.py nbgrader, then the real
`nbgrader generate_assignment`), which is what a student opens in class, and the right answers
are the teacher's solutions in book/05_training.ipynb.
"""

import shutil
import sys
import tempfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))  # run as a script: python tests/make_sample_class.py

from editions import make_nbgrader  # noqa: E402
from grade import nbgrader  # noqa: E402
OUT = ROOT / "tests" / "fixtures" / "sample_class" / "submissions"
BOOK = ROOT / "book" / "05_training.ipynb"

WRONG_GRADIENT = '''def gradient(X, targets, w, activation="tanh"):
    """dL/dw, with the wrong sign."""
    _, f, slope_from_output = helpers.get_activation(activation)
    y = f(X @ w)
    return X.T @ ((targets - y) * slope_from_output(y))'''
WRONG_RATE = '''def largest_stable_rate(X, targets):
    """2 / lambda, from every example."""
    return 2 / np.linalg.eigvalsh(X.T @ X).max()'''
LOOP = '''def train_until(X, targets, w, learning_rate, tolerance, max_iterations):
    """Never stops."""
    while True:
        pass'''
PATCH = '''helpers.checks.check_gradient = lambda f: helpers.checks.Verdict(
    True, "Well done: (patched)")'''
WARNS = '''


right_gradient = gradient


def gradient(X, targets, w, activation="tanh"):
    """The right gradient, with a NumPy RuntimeWarning on the way."""
    np.log(np.zeros(1))
    return right_gradient(X, targets, w, activation)'''
ANSWERS = {
    "ch05-ex-predict-step": "Never negative: rows 2 and 3 have target 1, so their deltas "
                            "are positive.",
    "ch05-ex-half-rate": "Shorter: the first step overshoots half as far, so there is less "
                         "to undo.",
    "ch05-ex-seed-rank": "Two values, one per phase of the swing; the rate decides the mean.",
}


def release_notebook(work: Path):
    make_nbgrader(work / "course")
    done = nbgrader(work / "course", "generate_assignment", "ch05")
    if done.returncode:
        raise SystemExit(done.stderr)
    return nbformat.read(next((work / "course" / "release" / "ch05").glob("*.ipynb")), as_version=4)


EXERCISE = {"gradient": "gradient", "largest_stable_rate": "rate", "train_until": "train-until"}


def solutions() -> dict[str, str]:
    book = nbformat.read(BOOK, as_version=4)
    found = {}
    for cell in book.cells:
        if "solution" in cell.metadata.get("tags", []):
            name = cell.source.split("def ", 1)[1].split("(", 1)[0]
            found[f"ch05-ex-{EXERCISE[name]}"] = cell.source
    return found


def at(notebook, grade_id: str) -> int:
    return next(i for i, c in enumerate(notebook.cells)
                if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def answered(release, right, coding=("ch05-ex-gradient", "ch05-ex-rate", "ch05-ex-train-until"), written=()):
    notebook = nbformat.from_dict(release)
    for grade_id in coding:
        notebook.cells[at(notebook, grade_id)].source = right[grade_id]
    for grade_id in written:
        notebook.cells[at(notebook, grade_id)].source = ANSWERS[grade_id]
    return notebook


def students(release, right) -> dict:
    """Each student's notebook (None: the student's folder holds something else)."""
    class_ = {}
    class_["ada"] = answered(release, right, written=tuple(ANSWERS))  # every answer right
    class_["ben"] = nbformat.from_dict(release)  # changed nothing
    cai = answered(release, right, coding=("ch05-ex-gradient",), written=("ch05-ex-half-rate",))
    cai.cells[at(cai, "ch05-ex-rate")].source = WRONG_RATE  # half right
    class_["cai"] = cai
    dee = answered(release, right)  # the rate cell crashes before its def
    dee.cells[at(dee, "ch05-ex-rate")].source = "raise RuntimeError('oops')\n\n" + right["ch05-ex-rate"]
    class_["dee"] = dee
    eve = answered(release, right)  # an infinite loop
    eve.cells[at(eve, "ch05-ex-train-until")].source = LOOP
    class_["eve"] = eve
    fay = answered(release, right)  # deleted the gradient's check and the rate's answer
    del fay.cells[at(fay, "ch05-ex-gradient-check")]
    del fay.cells[at(fay, "ch05-ex-rate")]
    class_["fay"] = fay
    gus = answered(release, right)  # duplicated the gradient's answer cell
    copy = nbformat.from_dict(gus.cells[at(gus, "ch05-ex-gradient")])
    gus.cells.insert(at(gus, "ch05-ex-gradient") + 1, copy)
    class_["gus"] = gus
    hal = answered(release, right)  # a wrong gradient, and its check edited to pass
    hal.cells[at(hal, "ch05-ex-gradient")].source = WRONG_GRADIENT
    hal.cells[at(hal, "ch05-ex-gradient-check")].source = 'print("all tests passed")'
    class_["hal"] = hal
    ivy = answered(release, right)  # a wrong gradient, and the check monkeypatched
    ivy.cells[at(ivy, "ch05-ex-gradient")].source = WRONG_GRADIENT + "\n\n\n" + PATCH
    class_["ivy"] = ivy
    kim = answered(release, right)  # moved the last exercise's answer above the first's
    kim.cells.insert(at(kim, "ch05-ex-gradient"), kim.cells.pop(at(kim, "ch05-ex-train-until")))
    class_["kim"] = kim
    mo = answered(release, right)  # every coding answer right; the gradient warns
    mo.cells[at(mo, "ch05-ex-gradient")].source += WARNS
    class_["mo"] = mo
    nia = answered(release, right)  # a wrong gradient; the check's reload and the check patched
    nia.cells[at(nia, "ch05-ex-gradient")].source = (WRONG_GRADIENT + "\n\n\nimport importlib\n\n"
                                                      "importlib.reload = lambda m: m\n" + PATCH)
    class_["nia"] = nia
    oli = answered(release, right)  # a wrong gradient, and NumPy's allclose patched
    oli.cells[at(oli, "ch05-ex-gradient")].source = (WRONG_GRADIENT + "\n\n\n"
                                                      "np.allclose = lambda *a, **k: True")
    class_["oli"] = oli
    class_["jon"] = None  # a file that is not a notebook, and a Word file
    class_["lee"] = None  # an empty folder
    return class_


def main(out: Path = OUT) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        release = release_notebook(Path(tmp))
    right = solutions()
    if out.exists():
        shutil.rmtree(out)
    for name, notebook in students(release, right).items():
        (out / name).mkdir(parents=True)
        if notebook is not None:
            for k, cell in enumerate(notebook.cells):  # the editions' ids are random: fixed here
                cell.id = f"{name}-{k:03d}"
            nbformat.write(notebook, out / name / "05_training.ipynb")
    (out / "jon" / "05_training.ipynb").write_text("I could not open the notebook, sorry.\n")
    (out / "jon" / "answers.docx").write_text("My answers.\n")
    (out / "lee" / ".gitkeep").write_text("")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
