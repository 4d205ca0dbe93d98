"""Generate the student edition: the book's notebooks with every solution taken out.

Usage: python tools/make_student.py [OUT]   (default: _build/student, plus OUT.zip beside it)

The chapter notebooks are the teacher's edition. In the student edition:
- a code cell tagged ``solution`` becomes a stub: each function in it keeps its signature and
  docstring, and its body raises ``NotImplementedError`` with a one-line hint (the cell's
  ``hint`` metadata, or a default); imports stay, any other solution code goes;
- sphinx-exercise solutions go: ``{solution}`` blocks, the ``{solution-start}`` /
  ``{solution-end}`` markers that wrap a solution cell, and any prose between those markers;
- every output and execution count is cleared, for the student to run.
"""

from __future__ import annotations

import ast
import re
import shutil
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
SOLUTION_TAG = "solution"
DEFAULT_HINT = "write this function, then run the check below"
GATE_START = re.compile(r"^(`{3,}|:{3,})\{solution-start\}", re.MULTILINE)
GATE_END = re.compile(r"^(`{3,}|:{3,})\{solution-end\}", re.MULTILINE)
SOLUTION_BLOCK = re.compile(
    r"^(?P<fence>`{3,}|:{3,})\{solution(?:-start|-end)?\}.*?^(?P=fence)[ \t]*$\n?",
    re.MULTILINE | re.DOTALL,
)


def stub(source: str, hint: str = DEFAULT_HINT) -> str:
    """The solution cell ``source`` with each function body replaced by a NotImplementedError."""
    tree = ast.parse(source)
    lines = source.splitlines()
    kept = []
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            kept.append("\n".join(lines[node.lineno - 1 : node.end_lineno]))
        elif isinstance(node, ast.FunctionDef):
            has_docstring = ast.get_docstring(node) is not None
            if has_docstring and len(node.body) == 1:
                raise ValueError(f"solution function {node.name!r} has a docstring but no body")
            first = node.body[1] if has_docstring else node.body[0]
            header = lines[node.lineno - 1 - len(node.decorator_list) : first.lineno - 1]
            indent = " " * first.col_offset
            kept.append("\n".join([*header, f"{indent}raise NotImplementedError({hint!r})"]))
    if not any(isinstance(node, ast.FunctionDef) for node in tree.body):
        raise ValueError("a solution cell must define at least one function to turn into a stub")
    return "\n\n\n".join(kept)


def student_notebook(notebook):
    """A copy of ``notebook`` with its solutions removed and its outputs cleared."""
    notebook = nbformat.from_dict(notebook)  # a deep copy
    cells, inside_solution = [], False
    for cell in notebook.cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "markdown":
            starts, ends = GATE_START.search(cell.source), GATE_END.search(cell.source)
            if inside_solution and not ends:
                continue  # prose inside a gated solution is part of the solution
            inside_solution = bool(starts) and not ends
            cell.source = SOLUTION_BLOCK.sub("", cell.source).strip()
            if not cell.source:
                continue
        elif cell.cell_type == "code":
            if inside_solution and SOLUTION_TAG not in tags:
                raise ValueError(f"a code cell inside a solution must be tagged {SOLUTION_TAG!r}: {cell.source[:60]!r}")
            if SOLUTION_TAG in tags:
                cell.source = stub(cell.source, cell.metadata.get("hint", DEFAULT_HINT))
                cell.metadata["tags"] = [t for t in tags if t != SOLUTION_TAG] + ["exercise"]
                cell.metadata.pop("hint", None)
            cell.outputs, cell.execution_count = [], None
            cell.metadata.pop("execution", None)
        cells.append(cell)
    if inside_solution:
        raise ValueError("a {solution-start} has no matching {solution-end}")
    notebook.cells = cells
    notebook.metadata.pop("widgets", None)
    return notebook


STUDENT_README = """# Student edition

The chapter notebooks of the book, with the answers to the coding exercises taken out.
Each coding exercise is a function that raises NotImplementedError until you write it;
the check in the cell after it tells you at once whether your function works.

The folder `helpers/` holds the code the notebooks import: keep it next to the notebooks.

To run the notebooks on your own machine (Python 3.11 or newer):

    python3 -m venv .venv
    .venv/bin/python -m pip install -r requirements.txt
    .venv/bin/jupyter lab

On Windows use `.venv\\Scripts\\python` and `.venv\\Scripts\\jupyter` instead.
"""


def make_student_edition(out: Path, book: Path = ROOT / "book") -> list[Path]:
    """Write the student edition of every notebook in ``book`` to ``out``, and ``out``.zip.

    Beside the notebooks go a copy of ``helpers/`` (which they import), the pinned
    requirements and a short README, so the zip runs on a machine without this repository.
    """
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    written = []
    for source in sorted(book.glob("*.ipynb")):
        target = out / source.name
        nbformat.write(student_notebook(nbformat.read(source, as_version=4)), target)
        written.append(target)
    shutil.copytree(ROOT / "helpers", out / "helpers", ignore=shutil.ignore_patterns("__pycache__"))
    pins = [line for line in (ROOT / "requirements.txt").read_text().splitlines() if line.strip() != "-e ."]
    (out / "requirements.txt").write_text("\n".join(pins) + "\n")
    (out / "README.md").write_text(STUDENT_README)
    shutil.make_archive(str(out), "zip", root_dir=out.parent, base_dir=out.name)
    return written


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "_build" / "student"
    for path in make_student_edition(out.resolve()):
        print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    print(f"wrote {out}.zip")
