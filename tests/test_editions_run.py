"""Each edition runs top to bottom from a fresh kernel with only its own requirements.txt installed.

Both editions (tools/editions.py) are written into a temporary folder. For each distinct
requirements.txt a fresh virtual environment is made there, as the editions' README tells a
reader to (``python3 -m venv``, then ``pip install -r requirements.txt`` and nothing else). Its
kernel is named in a kernelspec that lives in the temporary folder too, so nothing is
registered for the machine or the user, and no PYTHONPATH, user site or IPython profile leaks
in: a probe notebook, run first, reports which Python the kernel is and what it can import.

Then every notebook of an edition is executed by that environment's own nbclient, in the
edition's folder (so it imports the edition's copy of ``helpers``):
- a reader's notebook shows no error at all;
- a student's notebook shows only NotImplementedError (the stubs), and still runs to the end;
- a reader's notebook copied alone into an empty folder stops at its first code cell, whose
  only output is the one sentence HELPERS_MISSING, with no traceback around it.

The checks are functions of an executed notebook; the tests at the end feed them bad
notebooks to show that each one can fail.
"""

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from editions import HELPERS_MISSING, make_edition

ROOT = Path(__file__).resolve().parent.parent

KINDS = ["reader", "student"]
CHAPTERS = sorted(p.name for p in (ROOT / "book").glob("*.ipynb"))
ALONE = CHAPTERS[0]  # the notebook copied alone into an empty folder
# Variables that would let the kernel see more than its own environment, or a profile.
LEAKS = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV", "JUPYTER_PATH", "JUPYTER_DATA_DIR",
         "JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTER_PLATFORM_DIRS", "IPYTHONDIR", "MPLCONFIGDIR",
         "MPLBACKEND")
# What `python -m venv` puts in an environment besides the requirements.
VENV_OWN = {"pip", "setuptools", "wheel"}

# Run by the fresh environment's Python: its own nbclient executes each notebook with the
# kernelspec "python3" (found through JUPYTER_PATH) in the folder `cwd`, and writes it to `out`.
# allow_errors=False stops at the first error, as Jupyter's "Run All" does.
RUNNER = r'''
import json, sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

job = json.loads(sys.argv[1])
stopped = {}
for name in job["notebooks"]:
    for attempt in (1, 2, 3):
        notebook = nbformat.read(name, as_version=4)
        client = NotebookClient(notebook, kernel_name="python3", allow_errors=job["allow_errors"], timeout=1800,
                                resources={"metadata": {"path": job["cwd"]}})
        try:
            client.execute()
            stopped[Path(name).name] = False
        except CellExecutionError:
            stopped[Path(name).name] = True
        except RuntimeError as error:
            # jupyter_client picks the kernel's ports before the kernel binds them, so another
            # process may take one first: the kernel then dies before it runs any cell.
            if attempt == 3 or "before replying to kernel_info" not in str(error):
                raise
            print(f"{name}: the kernel did not start ({error}); starting another", file=sys.stderr)
            continue
        break
    nbformat.write(notebook, str(Path(job["out"]) / Path(name).name))
print(json.dumps(stopped))
'''

PROBE = new_notebook(cells=[new_code_cell(r'''import importlib.metadata, importlib.util, json, sys
import helpers
print(json.dumps({
    "prefix": sys.prefix, "base_prefix": sys.base_prefix, "executable": sys.executable,
    "helpers": helpers.__file__, "path": sys.path,
    "installed": sorted({(d.metadata["Name"], d.version) for d in importlib.metadata.distributions()}),
}))''')])


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(requirements: str) -> dict[str, str]:
    """name -> version of every ``name==version`` line."""
    found = {}
    for line in requirements.splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            found[normalise(name)] = version.strip()
    return found


def clean_env(**extra) -> dict[str, str]:
    """This process's environment without what could leak another Python's packages in."""
    env = {k: v for k, v in os.environ.items() if k not in LEAKS}
    env["PYTHONNOUSERSITE"] = "1"
    env.update(extra)
    return env


class Environment:
    """A fresh virtual environment with one requirements.txt installed, and its own kernelspec."""

    def __init__(self, folder: Path, requirements: Path):
        self.folder, self.venv = folder, folder / "venv"
        self.python = self.venv / "bin" / "python"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "venv", str(self.venv)], check=True, env=clean_env())
        log = folder / "pip.log"
        with log.open("w") as out:
            result = subprocess.run([str(self.python), "-m", "pip", "install", "--no-input", "-r", str(requirements)],
                                    stdout=out, stderr=subprocess.STDOUT, env=clean_env())
        self.install_seconds = time.perf_counter() - started
        assert result.returncode == 0, f"pip install -r {requirements.name} failed:\n{log.read_text()[-4000:]}"
        print(f"\n{requirements.parent.name}: fresh venv made and requirements installed in {self.install_seconds:.0f} s")
        # The kernel this environment's own ipykernel starts, named where only this test looks.
        kernels = folder / "jupyter-path" / "kernels" / "python3"
        kernels.mkdir(parents=True)
        (kernels / "kernel.json").write_text(json.dumps({
            "argv": [str(self.python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3 (fresh edition venv)", "language": "python"}))
        (folder / "runner.py").write_text(RUNNER)

    def env(self) -> dict[str, str]:
        tmp = self.folder
        return clean_env(
            PATH=f"{self.venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
            JUPYTER_PATH=str(tmp / "jupyter-path"), JUPYTER_DATA_DIR=str(tmp / "jupyter-data"),
            JUPYTER_CONFIG_DIR=str(tmp / "jupyter-config"), JUPYTER_RUNTIME_DIR=str(tmp / "jupyter-runtime"),
            IPYTHONDIR=str(tmp / "ipython"), MPLCONFIGDIR=str(tmp / "matplotlib"))

    def start(self, notebooks: list[Path], cwd: Path, out: Path, allow_errors: bool) -> subprocess.Popen:
        """Execute ``notebooks`` in ``cwd`` (in the background); the executed copies go to ``out``."""
        out.mkdir(parents=True, exist_ok=True)
        job = {"notebooks": [str(n) for n in notebooks], "cwd": str(cwd), "out": str(out), "allow_errors": allow_errors}
        return subprocess.Popen([str(self.python), str(self.folder / "runner.py"), json.dumps(job)], cwd=cwd,
                                env=self.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen) -> dict[str, bool]:
    """Wait for a runner; which notebooks stopped at an error."""
    stdout, stderr = process.communicate()
    assert process.returncode == 0, stderr[-4000:]
    for line in stderr.splitlines():
        if "the kernel did not start" in line:
            print(line)  # a retried start, shown with -s
    return json.loads(stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Both editions made, installed into fresh venvs and executed; what each run recorded."""
    tmp = tmp_path_factory.mktemp("editions")
    editions = {}
    for kind in KINDS:
        make_edition(kind, tmp / kind)
        editions[kind] = tmp / kind
    requirements = {kind: (editions[kind] / "requirements.txt").read_text() for kind in KINDS}
    environments, by_content = {}, {}
    for kind in KINDS:
        if requirements[kind] not in by_content:
            by_content[requirements[kind]] = Environment(tmp / f"venv-for-{kind}", editions[kind] / "requirements.txt")
        environments[kind] = by_content[requirements[kind]]

    probe = tmp / "probe" / "probe.ipynb"
    probe.parent.mkdir()
    nbformat.write(PROBE, probe)
    alone = tmp / "alone"
    alone.mkdir()
    lone = nbformat.read(editions["reader"] / ALONE, as_version=4)
    for cell in code_cells(lone):  # the reader's edition keeps outputs: clear them to see what runs
        cell.outputs, cell.execution_count = [], None
    nbformat.write(lone, alone / ALONE)

    started = time.perf_counter()
    processes = {  # the two editions side by side (two cores); the lone notebook after the reader's
        kind: environments[kind].start([probe, *(editions[kind] / c for c in CHAPTERS)], editions[kind],
                                       tmp / f"ran-{kind}", allow_errors=True)
        for kind in KINDS
    }
    stopped = {kind: finish(process) for kind, process in processes.items()}
    lone = finish(environments["reader"].start([alone / ALONE], alone, tmp / "ran-alone", allow_errors=False))
    print(f"\nboth editions and the lone notebook executed in {time.perf_counter() - started:.0f} s")

    def ran(folder, name):
        return nbformat.read(tmp / folder / name, as_version=4)

    return {
        "editions": editions, "requirements": requirements, "environments": environments,
        "probe": {kind: json.loads(ran(f"ran-{kind}", "probe.ipynb").cells[0].outputs[0]["text"]) for kind in KINDS},
        "executed": {kind: {c: ran(f"ran-{kind}", c) for c in CHAPTERS} for kind in KINDS},
        "stopped": stopped, "alone": ran("ran-alone", ALONE), "alone_stopped": lone[ALONE],
    }


# --- the checks: each takes what a run recorded and lists what is wrong ---------------------


def code_cells(notebook):
    return [c for c in notebook.cells if c.cell_type == "code"]


def error_outputs(notebook):
    return [o for c in code_cells(notebook) for o in c.outputs if o.output_type == "error"]


def not_run(notebook) -> list[str]:
    """The code cells that never ran."""
    return [c.source[:60] for c in code_cells(notebook) if c.execution_count is None]


def reader_problems(notebook) -> list[str]:
    problems = [f"{e.ename}: {e.evalue}" for e in error_outputs(notebook)]
    return problems + [f"not run: {s!r}" for s in not_run(notebook)]


def student_problems(notebook) -> list[str]:
    problems = [f"{e.ename}: {e.evalue}" for e in error_outputs(notebook) if e.ename != "NotImplementedError"]
    return problems + [f"not run: {s!r}" for s in not_run(notebook)]


def probe_problems(probe: dict, venv: Path, edition: Path, requirements: str) -> list[str]:
    """Whether the kernel was the fresh venv's Python, with only the pinned packages."""
    problems = []
    if Path(probe["prefix"]).resolve() != venv.resolve():
        problems.append(f"the kernel ran in {probe['prefix']}, not in the fresh venv")
    if Path(probe["executable"]).parent.resolve() != (venv / "bin").resolve():  # bin/python links to the base
        problems.append(f"the kernel's Python is {probe['executable']}")
    if not Path(probe["helpers"]).resolve().is_relative_to(edition.resolve()):
        problems.append(f"helpers came from {probe['helpers']}, not from the edition")
    installed = {normalise(name): version for name, version in probe["installed"]}
    wanted = pins(requirements)
    extra = sorted(set(installed) - set(wanted) - VENV_OWN)
    if extra:
        problems.append(f"installed beyond requirements.txt: {extra}")
    wrong = sorted(f"{n} {installed.get(n)} (pinned {v})" for n, v in wanted.items() if installed.get(n) != v)
    if wrong:
        problems.append(f"not as pinned: {wrong}")
    return problems


def alone_problems(notebook, stopped: bool, message: str) -> list[str]:
    """A lone notebook must stop at its first code cell, whose one output is ``message`` alone."""
    first, *rest = code_cells(notebook)
    problems = []
    if not stopped:
        problems.append("the run did not stop at an error")
    errors = [o for o in first.outputs if o.output_type == "error"]
    if len(first.outputs) != 1 or len(errors) != 1:
        problems.append(f"the first code cell should show one error and nothing else: {first.outputs}")
    for error in errors:
        shown = "\n".join(error.traceback)
        if shown != message:
            problems.append(f"the error shows {shown!r}, not only {message!r}")
        for word in ("Traceback", "ModuleNotFoundError", "ImportError", "File "):
            if word in shown:
                problems.append(f"the error shows {word!r}")
    ran = [c.source[:60] for c in rest if c.execution_count is not None or c.outputs]
    if ran:
        problems.append(f"cells ran after the first: {ran}")
    return problems


# --- the editions in their fresh environments -----------------------------------------------


def test_the_two_editions_pin_the_same_requirements_so_one_venv_serves_both(runs):
    reader, student = (runs["requirements"][k] for k in KINDS)
    assert reader == student
    assert runs["environments"]["reader"] is runs["environments"]["student"]
    assert {"numpy", "ipykernel"} <= set(pins(reader)), "an edition must pin what its notebooks import and its kernel"


@pytest.mark.parametrize("kind", KINDS)
def test_the_kernel_is_the_fresh_venv_with_only_the_editions_requirements(runs, kind):
    environment = runs["environments"][kind]
    assert probe_problems(runs["probe"][kind], environment.venv, runs["editions"][kind],
                          runs["requirements"][kind]) == []


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_readers_notebook_runs_without_an_error(runs, chapter):
    assert not runs["stopped"]["reader"][chapter]
    assert reader_problems(runs["executed"]["reader"][chapter]) == []


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_students_notebook_runs_to_the_end_with_only_not_implemented_errors(runs, chapter):
    assert not runs["stopped"]["student"][chapter]
    assert student_problems(runs["executed"]["student"][chapter]) == []


def test_a_readers_notebook_alone_says_only_that_helpers_are_missing(runs):
    sentence = HELPERS_MISSING.format("helpers")  # {} names the module that is missing
    assert sentence.strip() and "\n" not in sentence
    assert alone_problems(runs["alone"], runs["alone_stopped"], sentence) == []


# --- each check can fail ----------------------------------------------------------------------


def executed(*cells):
    """A notebook of code cells, each given as (execution_count, outputs)."""
    notebook = new_notebook(cells=[new_markdown_cell("# A chapter")])
    for count, outputs in cells:
        cell = new_code_cell("x = 1")
        cell.execution_count, cell.outputs = count, outputs
        notebook.cells.append(cell)
    return nbformat.from_dict(notebook)


def error(ename, traceback):
    return new_output("error", ename=ename, evalue="", traceback=traceback)


PRINTED = new_output("stream", name="stdout", text="x\n")


def test_the_reader_and_student_checks_catch_errors_and_cells_not_run():
    assert reader_problems(executed((1, [PRINTED]), (2, []))) == []
    assert reader_problems(executed((1, []), (2, [error("NotImplementedError", ["x"])])))
    assert reader_problems(executed((1, []), (None, [])))
    assert student_problems(executed((1, [error("NotImplementedError", ["x"])]), (2, []))) == []
    assert student_problems(executed((1, [error("NameError", ["x"])])))
    assert student_problems(executed((1, []), (None, [])))


def test_the_probe_check_catches_another_python_stray_helpers_and_packages(tmp_path):
    venv, edition = tmp_path / "venv", tmp_path / "edition"
    good = {"prefix": str(venv), "executable": str(venv / "bin" / "python"), "helpers": str(edition / "helpers" / "__init__.py"),
            "installed": [["numpy", "2.0"], ["pip", "23"], ["setuptools", "65"]]}
    assert probe_problems(good, venv, edition, "# pins\nnumpy==2.0\n") == []
    for bad in ({"prefix": str(ROOT / ".venv")}, {"executable": "/usr/bin/python3"},
                {"helpers": str(ROOT / "helpers" / "__init__.py")},
                {"installed": good["installed"] + [["pytest", "9"]]}, {"installed": [["numpy", "1.0"]]}):
        assert probe_problems({**good, **bad}, venv, edition, "numpy==2.0\n"), bad


def test_the_lone_notebook_check_wants_one_sentence_and_a_stop():
    message = "Put helpers/ next to this notebook."
    shown = error("HelpersMissing", [message])
    assert alone_problems(executed((1, [shown]), (None, [])), True, message) == []
    tracebacks = ["Traceback (most recent call last):", f"ModuleNotFoundError: {message}"]
    cases = {
        "a full traceback": (executed((1, [error("ModuleNotFoundError", tracebacks)]), (None, [])), True),
        "a printed message, then more cells": (executed((1, [new_output("stream", name="stderr", text=message)]),
                                                        (2, [error("NameError", ["x"])])), False),
        "text before the error": (executed((1, [PRINTED, shown]), (None, [])), True),
        "another sentence": (executed((1, [error("HelpersMissing", ["Something else."])]), (None, [])), True),
        "a run that went on": (executed((1, [shown]), (2, [])), True),
        "no stop": (executed((1, [shown]), (None, [])), False),
    }
    for name, (notebook, stopped) in cases.items():
        assert alone_problems(notebook, stopped, message), name
