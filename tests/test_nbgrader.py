"""The nbgrader course (tools/editions.py nbgrader): the real `nbgrader generate_assignment` turns
it into a release with the student edition's exercises, stubs and checks, and no solution."""

import ast
import os
import re
import sys
from pathlib import Path

import nbformat
import pytest

import helpers.checks
from editions import (
    CHECK_CALL,
    GRADED_CHECK,
    SOLUTION_TAG,
    assignment_name,
    main,
    make_edition,
    make_nbgrader,
    notebook_labels,
    points,
)
from grade import nbgrader, nbgrader_env

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted(p.name for p in (ROOT / "book").glob("*.ipynb"))
GRADED = re.compile(r"^ *verdict = checks\.(check_\w+)\((\w+)\)$", re.MULTILINE)


def generate(course: Path, assignment: str) -> Path:
    done = nbgrader(course, "generate_assignment", assignment)
    assert done.returncode == 0, done.stderr[-2000:]
    return next((course / "release" / assignment).glob("*.ipynb"))


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """The book's course and its releases, made by the real nbgrader, beside the student edition."""
    tmp = tmp_path_factory.mktemp("nbgrader")
    make_nbgrader(tmp / "course")
    make_edition("student", tmp / "student")
    releases = {chapter: generate(tmp / "course", assignment_name(chapter)) for chapter in CHAPTERS}
    return tmp, releases


def lines(source: str) -> list[str]:
    """A cell's lines without those holding only whitespace: nbgrader leaves one where the
    solution was (its code stub is set to nothing)."""
    return [line for line in source.splitlines() if line.strip()]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_release_has_the_student_editions_exercises_stubs_and_checks(course, chapter):
    tmp, releases = course
    release = nbformat.read(releases[chapter], as_version=4)
    student = nbformat.read(tmp / "student" / chapter, as_version=4)
    assert [c.cell_type for c in release.cells] == [c.cell_type for c in student.cells]
    checks = 0
    for ours, theirs in zip(release.cells, student.cells):
        call = CHECK_CALL.match(theirs.source.strip())
        if call:
            checks += 1
            assert GRADED.findall(ours.source) == [call.groups()], "the same check on the same function"
            assert ours.metadata["nbgrader"]["locked"] and ours.metadata["nbgrader"]["grade"]
        elif "exercise" in theirs.metadata.get("tags", []):
            assert lines(ours.source) == lines(theirs.source), "the student edition's stub"
            assert ast.dump(ast.parse(ours.source)) == ast.dump(ast.parse(theirs.source))
        else:
            assert ours.source == theirs.source
    assert checks, f"{chapter} has a check"
    assert re.sub(r"\s", "", (tmp / "course" / "nbgrader_config.py").read_text()).count("code_stub") == 1


def test_no_code_line_of_the_course_or_its_release_passes_79_characters(course):
    tmp, releases = course
    sources = sorted((tmp / "course" / "source").glob("*/*.ipynb"))
    assert len(sources) == len(releases)
    for path in [*sources, *releases.values()]:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                wide = [line for line in cell.source.splitlines() if len(line) > 79]
                assert not wide, f"{path.name}: {wide[0]!r}"


def test_points_follow_the_stars_and_grade_ids_are_the_labels(course):
    _, releases = course
    labels = notebook_labels(ROOT / "book")
    for chapter, path in releases.items():
        graded = [c.metadata["nbgrader"] for c in nbformat.read(path, as_version=4).cells if "nbgrader" in c.metadata]
        ids = [g["grade_id"] for g in graded]
        assert len(ids) == len(set(ids)), f"{chapter}: grade_ids are unique"
        for info in graded:
            assert info["schema_version"] == 3
            label = info["grade_id"].removesuffix("-check")
            title = labels[label][1].removeprefix("Exercise: ")
            if info["grade"]:
                assert info["points"] == len(title) - len(title.lstrip("★")), info
    assert [points(t) for t in ("★ a", "★★ b", "★★★ c")] == [1, 2, 3]
    with pytest.raises(ValueError, match="rating"):
        points("No stars")


def test_the_source_holds_the_solutions_and_the_release_none_of_them(course):
    tmp, releases = course
    for chapter, path in releases.items():
        book = nbformat.read(ROOT / "book" / chapter, as_version=4)
        source = next((tmp / "course" / "source" / assignment_name(chapter)).glob("*.ipynb")).read_text()
        released = path.read_text()
        for cell in book.cells:
            if SOLUTION_TAG in cell.metadata.get("tags", []):
                body = [line.strip() for line in cell.source.splitlines()[2:] if line.strip()]
                assert body and all(line.replace('"', '\\"') in source for line in body)
                leaked = [line for line in body if line.replace('"', '\\"') in released and len(line) > 12]
                assert not leaked, f"{chapter}: the release shows the solution line {leaked[0]!r}"


def test_a_monkeypatched_check_does_not_pass_a_wrong_answer():
    namespace = {"helpers": helpers}
    exec("def gradient(X, targets, w, activation='tanh'):\n    return 0 * w", namespace)
    exec("helpers.checks.check_gradient = lambda f: helpers.checks.Verdict(True, 'ok')", namespace)
    with pytest.raises(AssertionError, match="Not yet right"):
        exec(GRADED_CHECK.format(check="check_gradient", name="gradient"), namespace)
    assert helpers.checks.check_gradient.__module__ == "helpers.checks", "the reload put the check back"


def test_a_right_answer_that_warns_writes_nothing_to_stderr_and_passes(capfd):
    """nbgrader gives 0 to a check cell with any stderr output: a NumPy RuntimeWarning raised
    by a right answer must not reach it."""
    namespace = {"helpers": helpers}
    exec("import numpy as np\nimport warnings\n" + RIGHT_GRADIENT + "\n"
         "def gradient(X, targets, w, activation='tanh'):\n"
         "    np.log(np.zeros(1))  # RuntimeWarning: divide by zero\n"
         "    warnings.warn('mine')\n"
         "    return right(X, targets, w, activation)", namespace)
    exec(GRADED_CHECK.format(check="check_gradient", name="gradient"), namespace)
    assert capfd.readouterr().err == ""


RIGHT_GRADIENT = """import helpers
def right(X, targets, w, activation="tanh"):
    _, f, slope_from_output = helpers.get_activation(activation)
    y = f(X @ w)
    return X.T @ ((y - targets) * slope_from_output(y))
"""


def test_solution_cells_with_other_tags_are_dropped_from_both_editions(tmp_path):
    """Solution cells that carry other tags too (remove-output, hide-input) lose their solution
    in the student edition and in nbgrader's release."""
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    book = tmp_path / "book"
    book.mkdir()
    (book / "references.bib").write_text("")
    solution = '''def tanh_slope_from_output(y):
    """tanh's slope, from its output."""
    secret_square = y * y
    return 1 - secret_square'''
    cells = [md("# A throwaway chapter"), code("import helpers")]
    for n, tags in enumerate([["solution", "remove-output"], ["hide-input", "solution", "remove-output"]]):
        cells += [
            md(f"````{{exercise}} ★★ Slope {n}\n:label: ex-slope-{n}\n\nWrite it.\n````"),
            md(f"````{{solution-start}} ex-slope-{n}\n:class: dropdown\n````"),
            code(solution, metadata={"tags": tags, "hint": "the slope is one minus y squared"}),
            md("````{solution-end}\n````"),
            code("helpers.checks.check_tanh_slope_from_output(tanh_slope_from_output)"),
        ]
    cells.append(md("````{exercise} ★ Why\n:label: ex-why\n\nSay why.\n````\n\n"
                    "````{solution} ex-why\n:class: dropdown\n\nBecause of the hidden_reason.\n````"))
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {
        "name": "python3", "display_name": "Python 3", "language": "python"}}), book / "01_throwaway.ipynb")
    make_edition("student", tmp_path / "student", book=book)
    make_nbgrader(tmp_path / "course", book=book)
    release = generate(tmp_path / "course", "ch01")
    source = (tmp_path / "course" / "source" / "ch01" / "ch01_throwaway.ipynb").read_text()
    assert source.count("secret_square = y * y") == 2 and "hidden_reason" in source
    for path in (tmp_path / "student" / "01_throwaway.ipynb", release):
        text = path.read_text()
        assert "secret_square" not in text and "hidden_reason" not in text, path
        assert text.count("NotImplementedError(") == 2, path
    graded = [c.metadata["nbgrader"] for c in nbformat.read(release, as_version=4).cells if "nbgrader" in c.metadata]
    assert [(g["grade_id"], g.get("points")) for g in graded] == [
        ("ex-slope-0", None), ("ex-slope-0-check", 2), ("ex-slope-1", None), ("ex-slope-1-check", 2), ("ex-why", 1)]


def test_a_check_before_any_exercise_and_an_unrated_exercise_are_refused(tmp_path):
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    book = tmp_path / "book"
    book.mkdir()
    (book / "references.bib").write_text("")
    nbformat.write(nbformat.v4.new_notebook(cells=[
        md("# Chapter"), code("helpers.checks.check_gradient(gradient)")]), book / "01_a.ipynb")
    with pytest.raises(ValueError, match="a self-check before any coding exercise"):
        make_nbgrader(tmp_path / "course", book=book)
    nbformat.write(nbformat.v4.new_notebook(cells=[
        md("# Chapter"), md("````{exercise} Why\n:label: ex-why\n\nSay.\n````\n\n"
                            "````{solution} ex-why\n:class: dropdown\n\nBecause.\n````")]), book / "01_a.ipynb")
    with pytest.raises(ValueError, match="starts with its rating"):
        make_nbgrader(tmp_path / "course", book=book)
    with pytest.raises(ValueError, match="starts with its number"):
        assignment_name(Path("training.ipynb"))


def test_the_command_line_writes_the_course(tmp_path, capsys):
    assert main(["nbgrader", str(tmp_path / "course")]) == 0
    assert "generate_assignment" in capsys.readouterr().out
    assert (tmp_path / "course" / "source" / "ch05" / "ch05_training.ipynb").is_file()
    assert (tmp_path / "course" / "source" / "ch05" / "helpers" / "checks.py").is_file()
    assert main(["nbgrader", "a", "b"]) == 2
    capsys.readouterr()
    assert main(["nbgrader", str(tmp_path / "course")]) == 0, "a previous course is written again"


def test_the_course_is_not_written_over_a_folder_of_other_files(tmp_path, capsys):
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "README.md").write_text("mine")
    assert main(["nbgrader", str(tmp_path / "repo")]) == 2
    err = capsys.readouterr().err
    assert f"editions.py: OUT: '{tmp_path / 'repo'}' holds other files and is not a course" in err
    assert len(err.strip().splitlines()) == 1 and (tmp_path / "repo" / "README.md").read_text() == "mine"
    (tmp_path / "file").write_text("mine")
    with pytest.raises(ValueError, match="OUT: .* is a file"):
        make_nbgrader(tmp_path / "file")
    (tmp_path / "empty").mkdir()
    make_nbgrader(tmp_path / "empty")
    assert (tmp_path / "empty" / "nbgrader_config.py").is_file()


def test_nbgrader_runs_with_its_own_programs_on_path(monkeypatch):
    """nbgrader runs `alembic` by name; make runs .venv/bin/python with .venv/bin off PATH (as CI
    does), so the environment nbgrader gets puts this Python's bin/ first."""
    import shutil

    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    env = nbgrader_env()
    assert env["PATH"].split(os.pathsep)[0] == str(Path(sys.executable).parent)
    assert shutil.which("alembic", path=env["PATH"]), "alembic is found"
    assert nbgrader_env()["PATH"].count(str(Path(sys.executable).parent)) == 1

