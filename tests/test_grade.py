"""tools/grade.py (make grade): nbgrader's autograder on the sample class of chapter 5
(tests/fixtures/sample_class, written by tests/make_sample_class.py), and each error path."""

import csv
import shutil
import time
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import grade as grade_module
from editions import make_nbgrader
from tests import make_sample_class
from grade import (find_submissions, fix_up, grade, grade_student, main, missing_notebooks, report, scan,
                   stopped_cells, tampering, write_grades, UsageError)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "sample_class"
STUDENTS = sorted(p.name for p in (SAMPLE / "submissions").iterdir())
ASSIGNMENTS = {"ch05": "ch05_training", "ch06": "ch06_prediction"}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """make grade on the sample class, once: (output folder, what it printed)."""
    out = tmp_path_factory.mktemp("grades") / "grades"
    done = subprocess.run([sys.executable, "tools/grade.py", str(SAMPLE / "submissions"), "--timeout", "10",
                           "--jobs", "2", "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return out, done.stdout, done.stderr


def test_the_grades_are_exactly_the_expected_ones(graded):
    out, _, _ = graded
    assert (out / "grades.csv").read_bytes() == (SAMPLE / "expected_grades.csv").read_bytes()
    assert b"\r" not in (out / "grades.csv").read_bytes()
    rows = list(csv.reader((out / "grades.csv").read_text().splitlines()))
    assert [r[0] for r in rows[1:]] == STUDENTS, "one row per student"


def test_every_graded_student_gets_nbgraders_feedback(graded):
    out, _, _ = graded
    have = sorted(p.parent.name for p in (out / "feedback").glob("*/ch05.html"))
    assert have == [s for s in STUDENTS if s not in ("jon", "lee")]
    hal = (out / "feedback" / "hal" / "ch05.html").read_text()
    assert "Not yet right" in hal and "all tests passed" not in hal, "the edited check was put back"
    ada = (out / "feedback" / "ada" / "ch05.html").read_text()
    assert "Well done" in ada and "Not yet right" not in ada


def test_the_written_answers_are_collected_one_after_another(graded):
    out, _, _ = graded
    assert sorted(p.name for p in (out / "answers").iterdir()) == [
        "ch05-ex-half-rate.md", "ch05-ex-predict-step.md", "ch05-ex-seed-rank.md"]
    text = (out / "answers" / "ch05-ex-half-rate.md").read_text()
    assert text.startswith("# ch05-ex-half-rate: ★ The plateau at half the rate (1 point)")
    sections = text.split("\n## ")[1:]
    assert [s.split("\n")[0] for s in sections] == STUDENTS
    answered = {s.split("\n")[0] for s in sections if "*(no answer)*" not in s}
    assert answered == {"ada", "cai"} and "half as far" in text


def test_a_right_answer_that_warns_gets_its_points(graded):
    out, _, _ = graded
    rows = {r[0]: r for r in csv.reader((out / "grades.csv").read_text().splitlines())}
    assert rows["mo"][3] == "2", "nbgrader gave 0 to a check cell that wrote a warning to stderr"


def test_the_teachers_solutions_of_every_chapter_get_every_automatic_point(tmp_path):
    """The source course's notebooks (the teacher's solutions) as two students' submissions:
    every coding exercise of every chapter gets its full points."""
    make_nbgrader(tmp_path / "course")
    sources = sorted((tmp_path / "course" / "source").glob("ch*/ch*.ipynb"))
    for k, path in enumerate(sources):
        student = tmp_path / "class" / ("teacher-a" if k < len(sources) / 2 else "teacher-b")
        student.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, student / path.name)
    summary = grade(tmp_path / "class", tmp_path / "out", timeout=60, jobs=2)
    assert summary["notebooks"] == len(sources)
    assert [p for p in summary["problems"] if not p.endswith(" notebook, 0 points")] == []
    rows = list(csv.DictReader((tmp_path / "out" / "grades.csv").read_text().splitlines()))
    written = {path.stem for path in summary["answers"]}
    coding = [c for c in rows[0] if c.startswith("ch") and c.split(" (")[0] not in written]
    assert {c[:4] for c in coding} == {p.name[:4] for p in sources}, "each chapter has a coding exercise"
    for row in rows:
        mine = {p.name[:4] for p in (tmp_path / "class" / row["student"]).iterdir()}
        for column in coding:
            expected = column.rsplit("(", 1)[1].rstrip(")") if column[:4] in mine else "0"
            assert row[column] == expected, (row["student"], column)


def test_the_summary_names_each_problem_and_the_means(graded):
    _, stdout, stderr = graded
    assert "Graded 15 students, 13 notebooks." in stdout
    for line in [
        "jon/answers.docx: not a notebook, skipped",
        "jon: no chapter notebook to grade",
        "lee: no chapter notebook to grade",
        "dee: ch05 ch05-ex-rate: the answer cell raised RuntimeError",
        "eve: ch05 ch05-ex-train-until: stopped after 10 s",
        "fay: ch05 ch05-ex-gradient-check: deleted cell, put back from the assignment",
        "fay: ch05 ch05-ex-rate: deleted answer cell, put back empty",
        "gus: ch05 ch05-ex-gradient: duplicated cell; the copy is run, not graded",
        "hal: ch05 ch05-ex-gradient-check: edited locked cell, graded as the assignment has it",
        "kim: ch05: cells out of order (ch05-ex-train-until before ch05-ex-gradient); graded as placed",
    ]:
        assert f"  {line}\n" in stdout, line
    assert "jon/05_training.ipynb: not a notebook (NotJSONError" in stdout
    cell = {s: make_sample_class.at(nbformat.read(SAMPLE / "submissions" / s / "05_training.ipynb", as_version=4),
                                    "ch05-ex-gradient") + 1 for s in ("ivy", "nia", "oli")}
    read = "(no automatic points for this notebook; read it)"
    for line in [
        f"ivy: ch05 cell {cell['ivy']}: an answer cell changes a module: helpers.checks.check_gradient = "
        f"lambda f: helpers.checks.... {read}",
        f"nia: ch05 cell {cell['nia']}: an answer cell changes a module: importlib.reload = lambda m: m {read}",
        f"oli: ch05 cell {cell['oli']}: an answer cell changes a module: np.allclose = lambda *a, **k: True {read}",
    ]:
        assert f"  {line}\n" in stdout, line
    assert "Problems (15):" in stdout
    # ada, cai, dee, eve, fay, gus, kim and mo (whose right answer warns) of 13 graded notebooks
    assert "  ch05-ex-gradient      1.23 / 2\n" in stdout
    # written: ada answered all three, cai the half-rate one; the others left them blank
    assert "  ch05-ex-half-rate     to mark: 2 answers\n" in stdout
    assert "  ch05-ex-seed-rank     to mark: 1 answer\n" in stdout and "0.00" not in stdout
    assert "grading [" in stderr and "13/13" in stderr, "the progress bar"


# --- each error path with its own input -----------------------------------------------------


def notebook(*ids, locked=()):
    cells = []
    for grade_id in ids:
        cell = nbformat.v4.new_code_cell(f"# {grade_id}")
        cell.metadata["nbgrader"] = {"grade_id": grade_id, "locked": grade_id in locked, "grade": False,
                                     "solution": not grade_id.endswith("-check"), "schema_version": 3}
        cells.append(cell)
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Title"), *cells])


def test_an_unchanged_notebook_needs_no_note():
    release = notebook("a", "a-check", "b", locked=("a-check",))
    fixed, notes = fix_up(release, release, "ch05")
    assert notes == [] and fixed == release


def test_a_deleted_graded_cell_is_put_back_after_the_one_before_it():
    release = notebook("a", "a-check", "b", "b-check")
    student = notebook("a", "b", "b-check")
    fixed, notes = fix_up(student, release, "ch05")
    assert [c.metadata.get("nbgrader", {}).get("grade_id") for c in fixed.cells] == [None, "a", "a-check", "b",
                                                                                    "b-check"]
    assert notes == ["ch05 a-check: deleted cell, put back from the assignment"]
    fixed, _ = fix_up(notebook("b-check"), release, "ch05")  # nothing before: before the next one
    assert [c.metadata.get("nbgrader", {}).get("grade_id") for c in fixed.cells][1:] == ["a", "a-check", "b",
                                                                                        "b-check"]


def test_a_duplicated_graded_cell_keeps_its_id_once():
    release = notebook("a", "a-check")
    fixed, notes = fix_up(notebook("a", "a", "a-check"), release, "ch05")
    assert [c.metadata.get("nbgrader", {}).get("grade_id") for c in fixed.cells] == [None, "a", None, "a-check"]
    assert notes == ["ch05 a: duplicated cell; the copy is run, not graded"]


def test_of_a_duplicated_answer_the_copy_that_differs_from_the_release_is_graded():
    release = notebook("w")
    release.cells[1] = nbformat.v4.new_markdown_cell("", metadata=release.cells[1].metadata)
    student = nbformat.from_dict(release)
    student.cells.append(nbformat.from_dict(student.cells[1]))
    student.cells[2].source = "My written answer, typed into the second copy."
    fixed, notes = fix_up(student, release, "ch05")
    assert [c.metadata.get("nbgrader", {}).get("grade_id") for c in fixed.cells] == [None, None, "w"]
    assert notes == ["ch05 w: duplicated cell; the copy is run, not graded"]


def test_cells_out_of_order_are_noted_and_kept_where_they_are():
    fixed, notes = fix_up(notebook("b", "a"), notebook("a", "b"), "ch05")
    assert notes == ["ch05: cells out of order (b before a); graded as placed"]
    assert [c.metadata["nbgrader"]["grade_id"] for c in fixed.cells[1:]] == ["b", "a"]


def test_an_edited_locked_cell_is_noted():
    release = notebook("a", "a-check", locked=("a-check",))
    student = notebook("a", "a-check", locked=("a-check",))
    student.cells[2].source = "print('all tests passed')"
    assert fix_up(student, release, "ch05")[1] == ["ch05 a-check: edited locked cell, graded as the assignment has it"]


def test_the_submissions_are_found_in_both_layouts_and_each_bad_file_named(tmp_path):
    good = nbformat.writes(nbformat.v4.new_notebook())
    files = {
        "ann/05_training.ipynb": good,  # the student edition's name
        "bob/ch05_training.ipynb": good,  # the release's name
        "bob/06_prediction.ipynb": "{not json",
        "cy/notes.txt": "text",
        "cy/99_nothing.ipynb": good,
        "dot/05_a.ipynb": good,
        "dot/05_b.ipynb": good,
        "stray.ipynb": good,
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    (tmp_path / "ed").mkdir()
    found, problems = find_submissions(tmp_path, ASSIGNMENTS)
    assert {s: sorted(n) for s, n in found.items()} == {"ann": ["ch05"], "bob": ["ch05"], "cy": [],
                                                         "dot": ["ch05"], "ed": []}
    assert found["dot"]["ch05"].name == "05_a.ipynb"
    assert problems[0].startswith("bob/06_prediction.ipynb: not a notebook (NotJSONError")
    assert problems[1:] == [
        "cy/99_nothing.ipynb: not a chapter notebook with exercises (05_….ipynb, 06_….ipynb), skipped",
        "cy/notes.txt: not a notebook, skipped",
        "cy: no chapter notebook to grade",
        "dot/05_b.ipynb: a second ch05 notebook, skipped (graded: dot/05_a.ipynb)",
        "ed: no chapter notebook to grade",
        "stray.ipynb: a file where a student's folder should be, skipped",
    ]
    nbgraders = tmp_path / "course"
    (nbgraders / "submitted" / "fay" / "ch05").mkdir(parents=True)
    (nbgraders / "submitted" / "fay" / "ch05" / "ch05_training.ipynb").write_text(good)
    (nbgraders / "submitted" / "fay" / "ch05" / "timestamp.txt").write_text("2026-12-07 09:00:00.000000 UTC")
    (nbgraders / "submitted" / "__MACOSX" / "fay" / "ch05").mkdir(parents=True)  # a Mac's zip
    (nbgraders / "submitted" / "__MACOSX" / "fay" / "ch05" / "._ch05_training.ipynb").write_text("x")
    found, problems = find_submissions(nbgraders, ASSIGNMENTS)
    assert list(found) == ["fay"] and found["fay"]["ch05"].parent.name == "ch05" and problems == []


def test_a_timeout_and_a_crashing_answer_are_named_by_exercise(tmp_path):
    graded = notebook("ch05-ex-a", "ch05-ex-a-check", "ch05-ex-b", "ch05-ex-b-check")
    graded.cells[2].metadata["nbgrader"]["grade"] = True
    graded.cells[2].outputs = [nbformat.v4.new_output("error", ename="CellTimeoutError", evalue="", traceback=[])]
    graded.cells[3].outputs = [nbformat.v4.new_output("error", ename="ZeroDivisionError", evalue="", traceback=[])]
    graded.cells[4].metadata["nbgrader"]["grade"] = True  # a failed check is a score, not a problem
    graded.cells[4].outputs = [nbformat.v4.new_output("error", ename="AssertionError", evalue="", traceback=[])]
    graded.cells[0] = nbformat.v4.new_code_cell("while True:\n    pass")  # a cell of the student's own
    graded.cells[0].outputs = [nbformat.v4.new_output("error", ename="KeyboardInterrupt", evalue="", traceback=[])]
    nbformat.write(graded, tmp_path / "graded.ipynb")
    assert stopped_cells(tmp_path / "graded.ipynb", "ch05", 7) == [
        "ch05 cell 1 (not graded): stopped after 7 s", "ch05 ch05-ex-a: stopped after 7 s",
        "ch05 ch05-ex-b: the answer cell raised ZeroDivisionError"]


def test_the_csv_leaves_answers_to_mark_empty_and_counts_a_missing_notebook_as_0(tmp_path):
    columns = [("ch05", "w", 1.0, "markdown"), ("ch05", "c-check", 2.0, "code")]
    results = {"ann": {"scores": {"w": None, "c-check": 2.0}}, "bob": {"scores": {"w": 0.0, "c-check": 0.5}}}
    write_grades(tmp_path, ["ann", "bob", "cy"], columns, results, {"ann": {"ch05": 1}, "bob": {"ch05": 1}, "cy": {}})
    assert (tmp_path / "grades.csv").read_text() == (
        "student,w (1),c (2),total (3)\nann,,2,2\nbob,0,0.50,0.50\ncy,0,0,0\n")


@pytest.mark.parametrize("argv, message", [
    ([""], "SUBMISSIONS: say which folder holds the returned notebooks"),
    (["no/such/folder"], "SUBMISSIONS: 'no/such/folder' is not a folder"),
    ([], "the following arguments are required: SUBMISSIONS"),
    ([".", "--timeout", "0"], "--timeout (TIMEOUT=) must be a whole number of seconds per cell above 0; got '0'"),
    ([".", "--timeout", "ten"], "--timeout (TIMEOUT=) must be a whole number of seconds per cell above 0; got 'ten'"),
    ([".", "--jobs", "-1"], "--jobs (JOBS=) must be a whole number of notebooks graded at once above 0; got '-1'"),
    ([".", "--colour"], "unrecognized arguments: --colour"),
])
def test_each_bad_argument_is_named_in_one_line(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_a_notebook_that_others_returned_is_reported_missing():
    found = {"ann": {"ch05": 1, "ch06": 1}, "bob": {"ch06": 1}, "cy": {}}
    assert missing_notebooks(found) == ["bob: no ch05 notebook, 0 points"]


def test_the_committed_sample_class_is_what_its_script_writes(tmp_path):
    """Chapter 5's exercises changed? Run `python tests/make_sample_class.py`, then check
    expected_grades.csv by hand."""
    make_sample_class.main(tmp_path / "submissions")
    ours = sorted(p.relative_to(tmp_path / "submissions") for p in (tmp_path / "submissions").rglob("*"))
    committed = sorted(p.relative_to(SAMPLE / "submissions") for p in (SAMPLE / "submissions").rglob("*"))
    assert ours == committed
    for path in ours:
        if (tmp_path / "submissions" / path).is_file():
            assert (tmp_path / "submissions" / path).read_text() == (SAMPLE / "submissions" / path).read_text(), path


def test_a_class_without_a_notebook_is_reported_not_a_crash(tmp_path):
    (tmp_path / "class" / "zed").mkdir(parents=True)
    (tmp_path / "class" / "zed" / "answers.pdf").write_text("%PDF")
    summary = grade(tmp_path / "class", tmp_path / "out")
    assert summary["problems"] == ["zed/answers.pdf: not a notebook, skipped", "zed: no chapter notebook to grade"]
    assert (tmp_path / "out" / "grades.csv").read_text() == "student,total (0)\nzed,0\n"


def test_two_students_whose_names_look_alike_in_ascii_get_a_folder_each(tmp_path):
    base = tmp_path / "base"
    (base / "source").mkdir(parents=True)
    (base / "nbgrader_config.py").write_text("")
    for student in ("王伟", "李娜"):  # both were "student-__-2"
        result = grade_student(base, tmp_path, student, {}, 10)
        assert result["student"] == student and result["notes"] == []
    assert len(list(tmp_path.glob("student-*/course/nbgrader_config.py"))) == 2


@pytest.mark.parametrize("code", [
    "importlib.reload = lambda m: m",
    "np.allclose = lambda *a, **k: True",
    "helpers.network.train = train",
    "numpy.linalg.norm += 1",
    "del checks.check_gradient",
    "a, la.eigvalsh = 1, 2",  # an attribute of a module the notebook imported as la
    "sys.modules['helpers.checks'] = fake",
    "np.__dict__['allclose'] = ok",
    "__builtins__.print = p",
    "setattr(np, 'allclose', ok)",
    "delattr(helpers, 'checks')",
    "open('helpers/checks.py', 'w').write('')",
    "Path('helpers') .joinpath('checks.py').write_text('')",
    "pathlib.Path('../helpers/checks.py').write_bytes(b'')",
])
def test_each_change_to_a_module_is_found(code):
    assert tampering(code, {"np", "numpy", "helpers", "checks", "sys", "importlib", "la", "pathlib"}) == [
        code.split(".write(")[0]]


@pytest.mark.parametrize("code", [
    "w = np.zeros(3)\nw[0] = 1\nw.shape = (3,)",  # the student's own arrays
    "plt.rcParams['figure.dpi'] = 80",
    "text = open('data.csv').read()",
    "Path('notes.txt').write_text('ok')",
    "def f(:",  # does not parse: it raises when run
])
def test_ordinary_answers_are_not_flagged(code):
    assert tampering(code, {"np", "plt", "helpers"}) == []


def test_a_flagged_notebook_names_the_cell_and_the_code_and_skips_locked_cells():
    flagged = notebook("a", "a-check", locked=("a-check",))
    flagged.cells.insert(1, nbformat.v4.new_code_cell("import numpy.linalg as la"))
    flagged.cells[2].source = "la.norm = abs"
    flagged.cells[3].source = "np.allclose = all"  # a locked cell: nbgrader puts it back
    assert scan(flagged, "ch05") == [
        "ch05 cell 3: an answer cell changes a module: la.norm = abs (no automatic points for this "
        "notebook; read it)"]


def test_a_deleted_answer_cell_is_put_back_empty_not_as_the_stub():
    """The stub would redefine (and break) a function the student wrote in another cell."""
    release = notebook("a", "a-check", locked=("a-check",))
    release.cells[1].source = "def f():\n    raise NotImplementedError('hint')"
    release.cells[1].metadata["nbgrader"]["solution"] = True
    student = notebook("a-check", locked=("a-check",))
    student.cells.insert(1, nbformat.v4.new_code_cell("def f():\n    return 1"))  # the answer, moved
    fixed, notes = fix_up(student, release, "ch05")
    put_back = next(c for c in fixed.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "a")
    assert put_back.metadata["nbgrader"] == release.cells[1].metadata["nbgrader"]
    assert all(line.startswith("#") for line in put_back.source.splitlines()), put_back.source
    assert notes == ["ch05 a: deleted answer cell, put back empty"]


def test_the_summary_counts_written_answers_to_mark_instead_of_a_mean():
    summary = {"students": 3, "notebooks": 3, "problems": [], "answers": [],
               "means": {"w": (None, 1.0, 2), "v": (None, 2.0, 0), "c": (0.5, 2.0, None)}}
    text = report(summary, Path("out"))
    assert "  w  to mark: 2 answers\n  v  no answers\n  c  0.50 / 2\n" in text


def test_out_is_refused_when_it_holds_other_files_and_no_grades(tmp_path, capsys):
    (tmp_path / "class").mkdir()
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "README.md").write_text("mine")
    assert main([str(tmp_path / "class"), "--out", str(tmp_path / "repo")]) == 2
    err = capsys.readouterr().err
    assert f"--out: '{tmp_path / 'repo'}' holds other files and is not a previous output of make grade" in err
    assert len(err.strip().splitlines()) == 1 and (tmp_path / "repo" / "README.md").read_text() == "mine"
    (tmp_path / "a-file").write_text("mine")
    assert main([str(tmp_path / "class"), "--out", str(tmp_path / "a-file")]) == 2
    assert f"--out: '{tmp_path / 'a-file'}' is a file" in capsys.readouterr().err
    with pytest.raises(UsageError, match="--out: .* holds other files"):
        grade(tmp_path / "class", tmp_path / "repo")


def test_a_previous_output_and_an_empty_folder_are_written_over(tmp_path):
    (tmp_path / "class").mkdir()
    (tmp_path / "old" / "feedback").mkdir(parents=True)
    (tmp_path / "old" / "grades.csv").write_text("student,total (0)\n")
    (tmp_path / "empty").mkdir()
    for out in ("old", "empty"):
        grade(tmp_path / "class", tmp_path / out)
        assert sorted(p.name for p in (tmp_path / out).iterdir()) == ["answers", "grades.csv"]


def test_an_nbgrader_command_is_killed_after_its_wall_clock_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(grade_module, "NBGRADER", [sys.executable, "-c", "import time; time.sleep(60)"])
    start = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        grade_module.nbgrader(tmp_path, timeout=1)
    assert time.monotonic() - start < 10
    assert grade_module.wall_clock(30) == 720, "20 cells at the limit and two minutes"


def test_a_student_whose_nbgrader_hangs_is_named_and_the_others_graded(tmp_path, monkeypatch):
    base = tmp_path / "base"
    (base / "release" / "ch05").mkdir(parents=True)
    nbformat.write(notebook("a"), base / "release" / "ch05" / "ch05_training.ipynb")
    nbformat.write(notebook("a"), tmp_path / "05_training.ipynb")

    def fake(course, *args, timeout=None):
        assert timeout == 140  # 20 × 1 s + 120 s
        if "slow" in args:
            raise subprocess.TimeoutExpired(args, timeout)
        return subprocess.CompletedProcess(args, 1, "", "nbgrader: failed")

    monkeypatch.setattr(grade_module, "nbgrader", fake)
    slow = grade_student(base, tmp_path, "slow", {"ch05": tmp_path / "05_training.ipynb"}, 1)
    fast = grade_student(base, tmp_path, "fast", {"ch05": tmp_path / "05_training.ipynb"}, 1)
    assert slow["notes"] == ["slow: ch05: stopped after 140 s"]
    assert fast["notes"] == ["fast: ch05 could not be graded (nbgrader: failed)"]
