"""Grade a class's returned chapter notebooks with nbgrader: `make grade SUBMISSIONS=folder`.

Usage: python tools/grade.py SUBMISSIONS [--timeout 30] [--jobs 2] [--out _build/grades]

SUBMISSIONS holds one folder per student with their returned notebooks, named as the student
edition names them (05_training.ipynb) or as the nbgrader release does (ch05_training.ipynb):
``SUBMISSIONS/<student>/05_training.ipynb``. nbgrader's own layout,
``SUBMISSIONS/submitted/<student>/ch05/ch05_training.ipynb``, works too.

In a temporary course directory (the source written by ``tools/editions.py nbgrader``, then
``nbgrader generate_assignment``), each student's notebooks are put in ``submitted/`` and run
by ``nbgrader autograde`` (each cell stopped after --timeout seconds, the whole command after
20 × --timeout + 120 seconds: "chNN: stopped after N s" for that student), then
``nbgrader generate_feedback``; the scores are read from nbgrader's gradebook. Written to OUT:

- grades.csv: one row per student, one column per graded exercise (its points in the header),
  the total; a written answer the teacher has still to mark is left empty;
- feedback/<student>/<chNN>.html: nbgrader's feedback, to hand back;
- answers/<exercise>.md: every student's answer to each written exercise, one after another.

Before nbgrader sees a notebook, its graded cells are matched with the assignment's by
nbgrader's grade_id: a deleted graded cell is put back from the assignment (a deleted answer
cell as a comment only, never the stub, which could redefine a function written elsewhere), a duplicated one
keeps its nbgrader metadata only once (on the copy that differs from the release), and cells out of order are noted. nbgrader itself puts
back a locked check cell the student edited, and a check cell loads helpers/checks.py afresh,
so a replaced or patched check does not count.

Before autograde, each notebook's answer (not locked) code cells are read with ``ast``, not
run: a notebook that sets or deletes an attribute of a module (numpy/np, helpers, importlib,
builtins, sys, checks, network, or any name it imports), calls setattr/delattr, writes to
sys.modules, uses __builtins__, or opens or writes (open, Path(...).write_text/write_bytes) a
path naming helpers gets a problem line naming the cell and the code, and 0 automatic points
for that chapter (its written answers still wait for a mark). Code that this scan does not see
(built at run time with exec or getattr, for instance) can still fool a check: it is not a
sandbox.

This runs the students' code. The timeouts stop loops, not harm: on a shared machine run it
in a container or as an unprivileged user.
"""

from __future__ import annotations

import argparse
import ast
import csv
import os
import re
import signal
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

import nbformat

from editions import ROOT, make_nbgrader, notebook_labels

CHAPTER = re.compile(r"^(?:ch)?(\d\d)(?:_|\.ipynb$)")
TIMED_OUT = {"CellTimeoutError", "KeyboardInterrupt", "TimeoutError"}


class UsageError(ValueError):
    """A bad argument: the message names it."""


# --- finding the submissions ----------------------------------------------------------------


def find_submissions(folder: Path, assignments: dict[str, str]):
    """({student: {assignment: notebook path}}, problems) for the SUBMISSIONS folder.

    ``assignments`` maps each assignment ("ch05") to its notebook's name ("ch05_training")."""
    root = folder / "submitted" if (folder / "submitted").is_dir() else folder
    found, problems = {}, []
    # __MACOSX: the resource forks a Mac's zip adds, not a student.
    for student in sorted(p for p in root.iterdir() if not p.name.startswith(".") and p.name != "__MACOSX"):
        if not student.is_dir():
            problems.append(f"{student.name}: a file where a student's folder should be, skipped")
            continue
        files = sorted(p for p in student.rglob("*") if p.is_file() and ".ipynb_checkpoints" not in p.parts
                       and not p.name.startswith(".") and "helpers" not in p.relative_to(student).parts
                       and p.name != "timestamp.txt")  # nbgrader's submitted/ layout holds one
        mine = {}
        for path in files:
            shown = path.relative_to(root).as_posix()
            if path.suffix != ".ipynb":
                problems.append(f"{shown}: not a notebook, skipped")
                continue
            match = CHAPTER.match(path.name)
            assignment = f"ch{match.group(1)}" if match else None
            if assignment not in assignments:
                problems.append(f"{shown}: not a chapter notebook with exercises "
                                f"({', '.join(f'{a[2:]}_….ipynb' for a in assignments)}), skipped")
                continue
            if assignment in mine:
                problems.append(f"{shown}: a second {assignment} notebook, skipped (graded: "
                                f"{mine[assignment].relative_to(root).as_posix()})")
                continue
            try:
                nbformat.read(path, as_version=4)
            except Exception as error:  # noqa: BLE001 - any unreadable file is one problem line
                reason = " ".join(str(error).split())[:80]
                problems.append(f"{shown}: not a notebook ({type(error).__name__}: {reason}), skipped")
                continue
            mine[assignment] = path
        if not mine:
            problems.append(f"{student.name}: no chapter notebook to grade")
        found[student.name] = mine
    return found, problems


# --- matching a submission's graded cells with the assignment's -----------------------------


def _grade_id(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def fix_up(notebook, release, assignment: str):
    """``notebook`` with its graded cells matched to ``release``'s by grade_id, and a note for
    each change: a duplicated id keeps its nbgrader metadata on one cell only (the first copy
    that differs from the release, else the first), a missing
    one is put back from the release (after the graded cell before it; an answer cell as a
    comment only, with its nbgrader metadata, never the stub), an order that differs
    is noted (nbgrader grades by grade_id, so the rest is graded as usual)."""
    notebook = nbformat.from_dict(notebook)
    wanted = [_grade_id(c) for c in release.cells if _grade_id(c)]
    locked = {_grade_id(c): c.source for c in release.cells
              if _grade_id(c) and c.metadata["nbgrader"].get("locked")}
    given = {_grade_id(c): c.source.strip() for c in release.cells if _grade_id(c)}
    keep = {}  # of a duplicated answer, the copy that differs from the release is graded
    for k, cell in enumerate(notebook.cells):
        grade_id = _grade_id(cell)
        if grade_id and (grade_id not in keep or (grade_id not in locked and grade_id in given
                         and notebook.cells[keep[grade_id]].source.strip() == given[grade_id]
                         and cell.source.strip() != given[grade_id])):
            keep[grade_id] = k
    notes, seen = [], set()
    for k, cell in enumerate(notebook.cells):
        grade_id = _grade_id(cell)
        if grade_id in locked and grade_id not in seen and cell.source != locked[grade_id]:
            notes.append(f"{assignment} {grade_id}: edited locked cell, graded as the assignment has it")
        if grade_id and keep[grade_id] != k:
            del cell.metadata["nbgrader"]
            notes.append(f"{assignment} {grade_id}: duplicated cell; the copy is run, not graded")
        elif grade_id:
            seen.add(grade_id)
    for k, grade_id in enumerate(wanted):
        if grade_id in seen:
            continue
        cell = nbformat.from_dict(next(c for c in release.cells if _grade_id(c) == grade_id))
        answer = cell.cell_type == "code" and cell.metadata["nbgrader"].get("solution")
        if answer:  # never the stub: it could redefine a function the student wrote elsewhere
            cell.source = "# (an answer cell the student deleted, put back empty for grading)"
            cell.outputs, cell.execution_count = [], None
        before = [i for i, c in enumerate(notebook.cells) if _grade_id(c) in wanted[:k]]
        after = [i for i, c in enumerate(notebook.cells) if _grade_id(c) in wanted[k + 1:]]
        at = before[-1] + 1 if before else after[0] if after else len(notebook.cells)
        notebook.cells.insert(at, cell)
        seen.add(grade_id)
        notes.append(f"{assignment} {grade_id}: deleted answer cell, put back empty" if answer
                     else f"{assignment} {grade_id}: deleted cell, put back from the assignment")
    order = [_grade_id(c) for c in notebook.cells if _grade_id(c) in wanted]
    moved = [(a, b) for a, b in zip(order, order[1:]) if wanted.index(a) > wanted.index(b)]
    if moved:
        notes.append(f"{assignment}: cells out of order ({moved[0][0]} before {moved[0][1]}); graded as placed")
    return notebook, notes


# --- a static scan for answers that change the modules the checks use ------------------------

# Names whose attributes an answer cell must not set, whatever the notebook imported.
GUARDED = {"numpy", "np", "helpers", "importlib", "builtins", "sys", "checks", "network"}


def _root(node):
    """The name an attribute or subscript chain starts from (``np`` in ``np.linalg.norm``)."""
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _changes(target, modules: set[str]) -> bool:
    if isinstance(target, (ast.Tuple, ast.List)):
        return any(_changes(t, modules) for t in target.elts)
    if isinstance(target, ast.Starred):
        return _changes(target.value, modules)
    if isinstance(target, ast.Name):
        return target.id == "__builtins__"
    if isinstance(target, ast.Attribute):
        return _root(target) in modules | {"__builtins__"}
    if isinstance(target, ast.Subscript):  # sys.modules[...], np.__dict__[...], __builtins__[...]
        return (ast.unparse(target.value) == "sys.modules" or _root(target) in GUARDED | {"__builtins__"})
    return False


def tampering(source: str, modules: set[str]) -> list[str]:
    """The statements of one code cell that change a module the checks use: an assignment,
    augmented assignment or del of an attribute of ``modules`` (the notebook's imports and
    GUARDED), a write to sys.modules, any use of __builtins__, setattr/delattr, and open() or
    Path(...).write_text/write_bytes on a path that names helpers. A cell that does not parse is
    not flagged (it raises when run). Code built at run time (exec, getattr) is not seen."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    found = []
    for node in ast.walk(tree):
        targets = (node.targets if isinstance(node, (ast.Assign, ast.Delete))
                   else [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else [])
        hit = any(_changes(t, modules) for t in targets)
        if isinstance(node, ast.Name) and node.id == "__builtins__":
            hit = True
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            if name in ("setattr", "delattr"):
                hit = True
            elif name == "open" or (isinstance(node.func, ast.Attribute)
                                    and node.func.attr in ("write_text", "write_bytes")):
                hit = "helpers" in (ast.unparse(node) if name == "open" else ast.unparse(node.func.value))
        if hit:
            found.append(ast.get_source_segment(source, node) or ast.unparse(node))
    if any(code != "__builtins__" and "__builtins__" in code for code in found):
        found = [code for code in found if code != "__builtins__"]  # named in its statement
    return list(dict.fromkeys(found))


def imported_names(notebook) -> set[str]:
    """Every name the notebook's code cells bind by import, with GUARDED."""
    names = set(GUARDED)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names |= {a.asname or a.name.split(".")[0] for a in node.names}
    return names


def scan(notebook, assignment: str) -> list[str]:
    """A line for each answer (not locked) code cell that changes a module the checks use."""
    modules, lines = imported_names(notebook), []
    for number, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type != "code" or cell.metadata.get("nbgrader", {}).get("locked"):
            continue
        for code in tampering(cell.source, modules):
            shown = " ".join(code.split())
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            lines.append(f"{assignment} cell {number}: an answer cell changes a module: {shown} "
                         "(no automatic points for this notebook; read it)")
    return lines


# --- running nbgrader -----------------------------------------------------------------------


NBGRADER = [sys.executable, "-m", "nbgrader"]


def wall_clock(timeout: int) -> int:
    """The longest one nbgrader command may take, in seconds: generous (20 cells at the limit and
    two minutes more), to stop one that hangs outside a cell."""
    return 20 * timeout + 120


def nbgrader_env() -> dict[str, str]:
    """The environment nbgrader needs: this Python's own bin/ first on PATH. nbgrader runs the
    program `alembic` by name (nbgrader.api, to set up a gradebook), installed beside this Python
    in .venv/bin, which is not on PATH when make runs .venv/bin/python directly."""
    here = str(Path(sys.executable).parent)
    path = os.environ.get("PATH", "")
    return {**os.environ, "PATH": path if path.split(os.pathsep)[:1] == [here] else here + os.pathsep + path}


def nbgrader(course: Path, *args: str, timeout: float | None = None) -> subprocess.CompletedProcess:
    """Run one nbgrader command in ``course``. After ``timeout`` seconds it is killed with its
    kernel (its own process group) and subprocess.TimeoutExpired is raised."""
    command = [*NBGRADER, *args]
    with subprocess.Popen(command, cwd=course, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          start_new_session=True, env=nbgrader_env()) as process:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def base_course(course: Path, assignments: list[str], timeout: int) -> Path:
    """Complete the course directory ``course`` (make_nbgrader's): its config gets ``timeout``,
    and nbgrader releases ``assignments``."""
    with (course / "nbgrader_config.py").open("a") as config:
        config.write(f"c.Execute.timeout = {timeout}\nc.ExecutePreprocessor.timeout = {timeout}\n")
    for assignment in assignments:
        done = nbgrader(course, "generate_assignment", assignment, "--force")
        if done.returncode:
            raise RuntimeError(f"nbgrader generate_assignment {assignment} failed:\n{done.stderr[-2000:]}")
    return course


def released(course: Path) -> dict[str, Path]:
    """Each assignment's released notebook (none before the first release)."""
    if not (course / "release").is_dir():
        return {}
    return {folder.name: next(folder.glob("*.ipynb")) for folder in sorted((course / "release").iterdir())}


def grade_student(base: Path, work: Path, student: str, notebooks: dict[str, Path], timeout: int):
    """Autograde one student's notebooks in a copy of ``base``; return their results. Whatever
    goes wrong with one notebook is a note, and the others are graded."""
    # A folder of its own for each student, whatever their name (王伟 and 李娜 would make the
    # same ASCII name).
    course = Path(tempfile.mkdtemp(prefix="student-", dir=work)) / "course"
    shutil.copytree(base, course)
    result = {"student": student, "scores": {}, "notes": [], "answers": {}, "feedback": {}}
    for assignment, path in sorted(notebooks.items()):
        try:
            _grade_notebook(course, student, assignment, path, timeout, result)
        except Exception as error:  # noqa: BLE001 - one notebook's failure is one problem line
            result["notes"].append(f"{student}: {assignment} could not be graded ({type(error).__name__}: "
                                   f"{' '.join(str(error).split())[:100]})")
    return result


def _grade_notebook(course: Path, student: str, assignment: str, path: Path, timeout: int, result: dict):
    """Fix up, autograde and give feedback on one notebook; add what it gives to ``result``."""
    releases = released(course)
    release = nbformat.read(releases[assignment], as_version=4)
    notebook, notes = fix_up(nbformat.read(path, as_version=4), release, assignment)
    result["notes"] += [f"{student}: {note}" for note in notes]
    tampered = scan(notebook, assignment)
    result["notes"] += [f"{student}: {line}" for line in tampered]
    target = course / "submitted" / student / assignment / releases[assignment].name
    target.parent.mkdir(parents=True)
    nbformat.write(notebook, target)
    for cell in notebook.cells:
        info = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "markdown" and info.get("solution") and info.get("grade"):
            result["answers"][info["grade_id"]] = cell.source.strip()
    try:
        done = nbgrader(course, "autograde", assignment, "--student", student, "--create", "--force",
                        timeout=wall_clock(timeout))
    except subprocess.TimeoutExpired:
        result["notes"].append(f"{student}: {assignment}: stopped after {wall_clock(timeout)} s")
        return
    graded = course / "autograded" / student / assignment / releases[assignment].name
    if done.returncode or not graded.is_file():
        last = [line for line in done.stderr.splitlines() if line.strip()][-1:] or ["no message"]
        result["notes"].append(f"{student}: {assignment} could not be graded ({last[0][:100]})")
        return
    result["notes"] += [f"{student}: {line}" for line in stopped_cells(graded, assignment, timeout)]
    try:
        nbgrader(course, "generate_feedback", assignment, "--student", student, "--force",
                 timeout=wall_clock(timeout))
    except subprocess.TimeoutExpired:
        result["notes"].append(f"{student}: {assignment}: no feedback, stopped after {wall_clock(timeout)} s")
    feedback = course / "feedback" / student / assignment / releases[assignment].with_suffix(".html").name
    if feedback.is_file():
        result["feedback"][assignment] = feedback.read_text()
    scores = gradebook_scores(course, assignment, releases[assignment].stem, student)
    if tampered:  # written answers stay to be marked
        scores = {gid: None if score is None else 0.0 for gid, score in scores.items()}
    result["scores"].update(scores)


def stopped_cells(graded: Path, assignment: str, timeout: int) -> list[str]:
    """A line for each graded or answer cell of the autograded notebook that timed out, or whose
    answer cell raised (its exercise is lost, the others are graded)."""
    lines = []
    for number, cell in enumerate(nbformat.read(graded, as_version=4).cells, start=1):
        grade_id = _grade_id(cell)
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if not grade_id and any(o.get("ename") in TIMED_OUT for o in errors):
            lines.append(f"{assignment} cell {number} (not graded): stopped after {timeout} s")
        if not grade_id or not errors:
            continue
        exercise = grade_id.removesuffix("-check")
        if any(o.get("ename") in TIMED_OUT for o in errors):
            lines.append(f"{assignment} {exercise}: stopped after {timeout} s")
        elif not cell.metadata["nbgrader"].get("grade"):
            lines.append(f"{assignment} {exercise}: the answer cell raised {errors[0].get('ename')}")
    return list(dict.fromkeys(lines))


def gradebook_scores(course: Path, assignment: str, notebook: str, student: str) -> dict:
    """{grade_id: score or None (a written answer to mark)} from nbgrader's gradebook."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        submitted = gradebook.find_submission_notebook(notebook, assignment, student)
        return {grade.name: None if grade.needs_manual_grade else grade.score for grade in submitted.grades}


def graded_cells(course: Path) -> list[tuple[str, str, float, str]]:
    """(assignment, grade_id, points, cell type) of every graded cell of the releases, in order."""
    cells = []
    for assignment, path in released(course).items():
        for cell in nbformat.read(path, as_version=4).cells:
            info = cell.metadata.get("nbgrader", {})
            if info.get("grade"):
                cells.append((assignment, info["grade_id"], float(info["points"]), cell.cell_type))
    return cells


# --- what is written ------------------------------------------------------------------------


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def write_grades(out: Path, students: list[str], columns, results: dict, submitted: dict) -> None:
    """grades.csv: a row per student, a column per graded cell ("<exercise> (<points>)"), the total."""
    header = ["student", *(f"{gid.removesuffix('-check')} ({_number(p)})" for _, gid, p, _ in columns),
              f"total ({_number(sum(p for *_, p, _ in columns))})"]
    with (out / "grades.csv").open("w", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(header)
        for student in students:
            scores = results.get(student, {}).get("scores", {})
            row = []
            for assignment, gid, _, _ in columns:
                value = scores.get(gid, 0.0) if assignment in submitted.get(student, {}) else 0.0
                row.append("" if value is None else _number(value))
            total = sum(float(v) for v in row if v)
            writer.writerow([student, *row, _number(total)])


def write_answers(out: Path, students: list[str], columns, results: dict, release_text: dict) -> list[Path]:
    """answers/<exercise>.md for each written exercise: every student's answer, one after another."""
    folder = out / "answers"
    folder.mkdir()
    titles = notebook_labels(ROOT / "book")
    written = []
    for _, gid, points, kind in columns:
        if kind != "markdown":
            continue
        title = titles.get(gid, ("", gid))[1].removeprefix("Exercise: ")
        parts = [f"# {gid}: {title} ({_number(points)} {'point' if points == 1 else 'points'})", ""]
        for student in students:
            text = results.get(student, {}).get("answers", {}).get(gid, "").strip()
            shown = text if text and text != release_text.get(gid, "") else "*(no answer)*"
            parts += [f"## {student}", "", shown, ""]
        path = folder / f"{gid}.md"
        path.write_text("\n".join(parts))
        written.append(path)
    return written


def missing_notebooks(found: dict) -> list[str]:
    """A line for each assignment that some students returned and another, with notebooks of
    their own, did not (a student with none has a line already)."""
    wanted = sorted({a for notebooks in found.values() for a in notebooks})
    return [f"{student}: no {assignment} notebook, 0 points"
            for student in sorted(found) if found[student] for assignment in wanted if assignment not in found[student]]


def progress(done: int, total: int, width: int = 30) -> None:
    filled = width * done // max(total, 1)
    end = "\n" if done == total else ""
    print(f"\rgrading [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end=end, file=sys.stderr, flush=True)


def check_out(out: Path) -> None:
    """Refuse an --out that is a file, or a folder that holds other files and no grades.csv (it
    is emptied before writing: `--out .` would wipe the repository)."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out: {str(out)!r} is a file; give a folder for the grades")
    if out.is_dir() and any(out.iterdir()) and not (out / "grades.csv").is_file():
        raise UsageError(f"--out: {str(out)!r} holds other files and is not a previous output of "
                         "make grade (no grades.csv); give a new or empty folder")


def grade(submissions: Path, out: Path, timeout: int = 30, jobs: int = 2) -> dict:
    """Grade every notebook under ``submissions`` into ``out``; return the summary's numbers.
    ``out`` is emptied first, if check_out allows it (UsageError otherwise)."""
    check_out(out)
    # Once, before the threads: nbgrader's Gradebook (gradebook_scores) runs alembic too.
    os.environ["PATH"] = nbgrader_env()["PATH"]
    with tempfile.TemporaryDirectory(prefix="grade-") as tmp:
        work = Path(tmp)
        make_nbgrader(work / "course")
        assignments = {f.name: next(f.glob("*.ipynb")).stem for f in sorted((work / "course" / "source").iterdir())}
        found, problems = find_submissions(submissions, assignments)
        wanted = sorted({a for notebooks in found.values() for a in notebooks})
        base = base_course(work / "course", wanted, timeout)
        columns = graded_cells(base)
        release_text = {_grade_id(c): c.source.strip() for path in released(base).values()
                        for c in nbformat.read(path, as_version=4).cells if _grade_id(c)}
        results, todo = {}, {s: n for s, n in found.items() if n}
        progress(0, len(todo))
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(grade_student, base, work, s, n, timeout) for s, n in todo.items()]
            for k, future in enumerate(as_completed(futures), start=1):
                result = future.result()
                results[result["student"]] = result
                progress(k, len(todo))
    check_out(out)  # again: it could have changed while grading
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    students = sorted(found)
    write_grades(out, students, columns, results, found)
    for student, result in results.items():
        for assignment, html in result["feedback"].items():
            (out / "feedback" / student).mkdir(parents=True, exist_ok=True)
            (out / "feedback" / student / f"{assignment}.html").write_text(html)
    answers = write_answers(out, students, columns, results, release_text)
    problems += missing_notebooks(found)
    problems += [note for s in students for note in results.get(s, {}).get("notes", [])]
    summary = {"students": len(students), "notebooks": sum(len(n) for n in found.values()),
               "problems": problems, "answers": answers, "means": {}}
    for _, gid, points, kind in columns:
        marks = [results[s]["scores"][gid] for s in results if results[s]["scores"].get(gid) is not None]
        to_mark = sum(gid in results[s]["scores"] and results[s]["scores"][gid] is None for s in results)
        mean = None if kind == "markdown" or not marks else sum(marks) / len(marks)
        summary["means"][gid.removesuffix("-check")] = (mean, points, to_mark if kind == "markdown" else None)
    return summary


def report(summary: dict, out: Path) -> str:
    """The summary printed at the end."""
    lines = [f"Graded {summary['students']} students, {summary['notebooks']} notebooks.",
             "Per exercise: the mean score, or for a written one the answers waiting for your mark:"]
    width = max((len(k) for k in summary["means"]), default=0)
    for exercise, (mean, points, to_mark) in summary["means"].items():
        if to_mark is not None:  # a written exercise: blanks are 0, the rest wait for a mark
            shown = f"to mark: {to_mark} answer{'' if to_mark == 1 else 's'}" if to_mark else "no answers"
        else:
            shown = f"{mean:.2f} / {_number(points)}" if mean is not None else f"no score / {_number(points)}"
        lines.append(f"  {exercise:<{width}}  {shown}")
    lines.append(f"Problems ({len(summary['problems'])}):" if summary["problems"] else "Problems: none")
    lines += [f"  {line}" for line in summary["problems"]]
    lines.append(f"Wrote {out / 'grades.csv'}, {out / 'feedback'}/, {out / 'answers'}/ "
                 f"({len(summary['answers'])} written exercises to read).")
    return "\n".join(lines)


def _whole(what: str):
    def parse(text: str) -> int:
        if not re.fullmatch(r"\d+", text or "") or int(text) < 1:
            raise argparse.ArgumentTypeError(f"must be a whole number of {what} above 0; got {text!r}")
        return int(text)
    return parse


MAKE_NAMES = {"--timeout": "TIMEOUT=", "--jobs": "JOBS="}


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        match = re.match(r"argument (--\w+)(?:/\S+)?: (.*)", message, re.DOTALL)
        if match and match.group(1) in ("--timeout", "--jobs"):  # make grade TIMEOUT=x
            option = match.group(1)
            message = f"{option} ({MAKE_NAMES[option]}) {match.group(2)}"
        raise UsageError(message)


def main(argv: list[str]) -> int:
    parser = _Parser(prog="tools/grade.py", description=__doc__.split("\n")[0])
    parser.add_argument("submissions", metavar="SUBMISSIONS")
    # make grade's TIMEOUT= and JOBS= reach these: the message names both spellings.
    parser.add_argument("--timeout", type=_whole("seconds per cell"), default=30, metavar="SECONDS")
    parser.add_argument("--jobs", type=_whole("notebooks graded at once"), default=2, metavar="N")
    parser.add_argument("--out", default=str(ROOT / "_build" / "grades"))
    try:
        args = parser.parse_args(argv)
        folder = Path(args.submissions)
        if not args.submissions.strip():
            raise UsageError("SUBMISSIONS: say which folder holds the returned notebooks: "
                             "make grade SUBMISSIONS=path/to/folder")
        if not folder.is_dir():
            raise UsageError(f"SUBMISSIONS: {args.submissions!r} is not a folder (one subfolder per student)")
        check_out(Path(args.out))
    except UsageError as error:
        print(f"grade.py: {error}", file=sys.stderr)
        return 2
    out = Path(args.out)
    summary = grade(folder, out, args.timeout, args.jobs)
    print(report(summary, out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
