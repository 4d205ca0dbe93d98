"""Generate the student edition: the book's notebooks with every solution taken out.

Usage: python tools/make_student.py [OUT]   (default: _build/student, plus OUT.zip beside it)

The chapter notebooks are the teacher's edition. In the student edition:
- a code cell tagged ``solution`` becomes a stub: each function in it keeps its signature and
  docstring, and its body raises ``NotImplementedError`` with a one-line hint (the cell's
  ``hint`` metadata, or a default); imports stay, any other solution code goes;
- sphinx-exercise solutions go: ``{solution}`` blocks and the ``{solution-start}`` /
  ``{solution-end}`` markers that wrap a solution cell;
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
    cells = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = SOLUTION_BLOCK.sub("", cell.source).strip()
            if not cell.source:
                continue
        elif cell.cell_type == "code":
            if SOLUTION_TAG in cell.metadata.get("tags", []):
                cell.source = stub(cell.source, cell.metadata.get("hint", DEFAULT_HINT))
                cell.metadata["tags"] = [t for t in cell.metadata["tags"] if t != SOLUTION_TAG] + ["exercise"]
            cell.outputs, cell.execution_count = [], None
        cells.append(cell)
    notebook.cells = cells
    notebook.metadata.pop("widgets", None)
    return notebook


def make_student_edition(out: Path, book: Path = ROOT / "book") -> list[Path]:
    """Write the student edition of every notebook in ``book`` to ``out``, and ``out``.zip."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    written = []
    for source in sorted(book.glob("*.ipynb")):
        target = out / source.name
        nbformat.write(student_notebook(nbformat.read(source, as_version=4)), target)
        written.append(target)
    shutil.make_archive(str(out), "zip", root_dir=out.parent, base_dir=out.name)
    return written


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "_build" / "student"
    for path in make_student_edition(out.resolve()):
        print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    print(f"wrote {out}.zip")
