"""Generate the student edition: the book's notebooks with every solution taken out.

Usage: python tools/make_student.py [OUT]   (default: _build/student, plus OUT.zip beside it)

The chapter notebooks are the teacher's edition. In the student edition:
- a code cell tagged ``solution`` becomes a stub: each function in it keeps its signature and
  docstring, and its body raises ``NotImplementedError`` with a one-line hint (the cell's
  ``hint`` metadata, or a default); imports stay, any other solution code goes;
- sphinx-exercise solutions go: ``{solution}`` blocks, the ``{solution-start}`` /
  ``{solution-end}`` markers that wrap a solution cell, and any prose between those markers;
- the edition is made for Jupyter, which does not read the book's MyST markup: numbers glued
  into the prose with ``{glue:text}`` are filled in from the teacher's stored outputs, the
  ``glue(...)`` calls that publish them go, and exercise and admonition boxes become plain
  Markdown headings;
- a code cell tagged ``remove-cell`` goes: the site does not show it either, and it only hands
  numbers to the prose, which are filled in already;
- every output and execution count is cleared, for the student to run;
- ``requirements.txt`` pins only what the notebooks need (not the book's build and test tools).
"""

from __future__ import annotations

import ast
import re
import shutil
import sys
import textwrap
from importlib import metadata
from pathlib import Path

import nbformat
from myst_nb.core.variables import format_plain_text
from packaging.requirements import Requirement
from pybtex.database import parse_file

ROOT = Path(__file__).resolve().parent.parent
SOLUTION_TAG = "solution"
REMOVED_TAG = "remove-cell"  # myst-nb runs such a cell and shows nothing of it
DEFAULT_HINT = "write this function, then run the check below"
GATE_START = re.compile(r"^(`{3,}|:{3,})\{solution-start\}", re.MULTILINE)
GATE_END = re.compile(r"^(`{3,}|:{3,})\{solution-end\}", re.MULTILINE)
SOLUTION_BLOCK = re.compile(
    r"^(?P<fence>`{3,}|:{3,})\{solution(?:-start|-end)?\}.*?^(?P=fence)[ \t]*$\n?",
    re.MULTILINE | re.DOTALL,
)


GLUE_ROLE = re.compile(r"\{glue:text\}`([^`]+)`")
BOX = re.compile(
    r"^(?P<fence>`{3,}|:{3,})\{(?P<kind>exercise|admonition)\}[ \t]*(?P<title>[^\n]*)\n(?P<body>.*?)^(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
# What the student notebooks and helpers import, plus the kernel and JupyterLab to run them.
STUDENT_PACKAGES = ["numpy", "matplotlib", "ipywidgets", "scikit-learn", "ipykernel", "jupyterlab"]


def glued_values(notebook) -> dict[str, str]:
    """The text/plain value of every ``glue(name, ...)`` stored in a notebook's outputs."""
    values = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            scrap = output.get("metadata", {}).get("scrapbook")
            if scrap:
                values[scrap["name"]] = output["data"][scrap["mime_prefix"] + "text/plain"]
    return values


def fill_glue(text: str, values: dict[str, str]) -> str:
    """Replace each {glue:text}`name[:format]` with its value, formatted as the book does."""

    def value(match):
        key, _, fmt = match.group(1).partition(":")
        if key not in values:
            raise ValueError(f"{{glue:text}}`{match.group(1)}` has no stored value: run `make notebooks`")
        return format_plain_text(values[key], fmt or "s")

    return GLUE_ROLE.sub(value, text)


def plain_boxes(text: str) -> str:
    """Exercise and admonition boxes as plain Markdown: a title, then the body without options."""

    def box(match):
        body = re.sub(r"\A(?::\w[\w-]*:[^\n]*\n)*\n*", "", match.group("body")).rstrip()
        title = match.group("title").strip()
        heading = f"### Exercise: {title}" if match.group("kind") == "exercise" else f"**{title}**"
        return f"{heading}\n\n{body}"

    return BOX.sub(box, text)


def author_year(bibfile: Path) -> dict[str, tuple[str, str]]:
    """Each citation key of ``bibfile`` with its first author's last name ("... et al.") and year."""
    found = {}
    for key, entry in parse_file(str(bibfile)).entries.items():
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        name = " ".join(people[0].last_names).replace("{", "").replace("}", "") if people else key
        found[key] = (name + (" et al." if len(people) > 2 else f" and {' '.join(people[1].last_names)}"
                              if len(people) == 2 else ""), entry.fields.get("year", ""))
    return found


def plain_roles(text: str, citations: dict[str, tuple[str, str]]) -> str:
    """{cite:p}/{cite:t} as "(Author Year)" / "Author (Year)", and {doc} as a link to the notebook."""

    def cite(match):
        keys = [k.strip() for k in match.group(2).split(",")]
        if match.group(1) == "t":
            return "; ".join(f"{citations[k][0]} ({citations[k][1]})" for k in keys)
        return "(" + "; ".join(f"{citations[k][0]} {citations[k][1]}" for k in keys) + ")"

    def doc(match):
        label, _, target = match.group(1).rpartition(" <")
        target = target.rstrip(">") if label else match.group(1)
        return f"[{label or target}]({target}.ipynb)"

    text = re.sub(r"\{cite:([pt])\}`([^`]+)`", cite, text)
    return re.sub(r"\{doc\}`([^`]+)`", doc, text)


def _is_glue(node) -> bool:
    if isinstance(node, ast.ImportFrom):
        return node.module == "myst_nb" and [a.name for a in node.names] == ["glue"]
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and getattr(node.value.func, "id", "") == "glue":
        if not any(k.arg == "display" and getattr(k.value, "value", True) is False for k in node.value.keywords):
            raise ValueError(f"glue() without display=False shows an output; keep it out of the notebook: line {node.lineno}")
        return True
    if isinstance(node, (ast.For, ast.If, ast.With)):  # a block that only glues
        return all(_is_glue(n) for n in [*node.body, *getattr(node, "orelse", [])])
    return False


def _glue_lines(body) -> set[int]:
    lines = set()
    for node in body:
        if _is_glue(node):
            lines.update(range(node.lineno, node.end_lineno + 1))
        else:
            for field in ("body", "orelse", "finalbody"):
                lines |= _glue_lines(getattr(node, field, []))
    return lines


def without_glue(source: str) -> str:
    """``source`` without the myst_nb glue import and the glue(...) calls that feed the web pages."""
    parsable = re.sub(r"^([ \t]*)([%!])", r"\1#\2", source, flags=re.MULTILINE)  # IPython magics
    drop = _glue_lines(ast.parse(parsable).body)
    kept = [line for number, line in enumerate(source.splitlines(), start=1) if number not in drop]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def student_requirements(pins: list[str], roots=STUDENT_PACKAGES) -> list[str]:
    """The lines of ``pins`` that ``roots`` need, found from the installed packages' metadata."""

    def norm(name):
        return re.sub(r"[-_.]+", "-", name).lower()

    needed, todo = set(), [norm(r) for r in roots]
    while todo:
        name = todo.pop()
        if name in needed:
            continue
        needed.add(name)
        for line in metadata.requires(name) or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(norm(requirement.name))
    pinned = {norm(line.split("==")[0]): line for line in pins if "==" in line}
    missing = needed - set(pinned)
    if missing:
        raise ValueError(f"not pinned in requirements.txt: {sorted(missing)}")
    return sorted((pinned[n] for n in needed), key=str.lower)


def raise_not_implemented(hint: str, indent: str, width: int = 79) -> str:
    """``raise NotImplementedError(hint)``, the hint split over lines so that none passes ``width``."""
    line = f"{indent}raise NotImplementedError({hint!r})"
    if len(line) <= width:
        return line
    inner = indent + " " * 4
    parts = textwrap.wrap(hint, width - len(inner) - 2, drop_whitespace=False, break_long_words=False)
    if "".join(parts) != hint:  # a hint textwrap cannot cut exactly: keep it whole
        return line
    return "\n".join([f"{indent}raise NotImplementedError(", *(inner + repr(part) for part in parts), f"{indent})"])


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
            kept.append("\n".join([*header, raise_not_implemented(hint, indent)]))
    if not any(isinstance(node, ast.FunctionDef) for node in tree.body):
        raise ValueError("a solution cell must define at least one function to turn into a stub")
    return "\n\n\n".join(kept)


def student_notebook(notebook, citations: dict[str, tuple[str, str]] | None = None):
    """A copy of ``notebook`` with its solutions removed and its outputs cleared."""
    notebook = nbformat.from_dict(notebook)  # a deep copy
    citations = author_year(ROOT / "book" / "references.bib") if citations is None else citations
    values = glued_values(notebook)
    cells, inside_solution = [], False
    for cell in notebook.cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "markdown":
            starts, ends = GATE_START.search(cell.source), GATE_END.search(cell.source)
            if inside_solution and not ends:
                continue  # prose inside a gated solution is part of the solution
            inside_solution = bool(starts) and not ends
            text = fill_glue(SOLUTION_BLOCK.sub("", cell.source), values)
            cell.source = plain_roles(plain_boxes(text), citations).strip()
            if not cell.source:
                continue
        elif cell.cell_type == "code":
            if inside_solution and SOLUTION_TAG not in tags:
                raise ValueError(f"a code cell inside a solution must be tagged {SOLUTION_TAG!r}: {cell.source[:60]!r}")
            if REMOVED_TAG in tags:
                continue
            if SOLUTION_TAG in tags:
                cell.source = stub(cell.source, cell.metadata.get("hint", DEFAULT_HINT))
                cell.metadata["tags"] = [t for t in tags if t != SOLUTION_TAG] + ["exercise"]
                cell.metadata.pop("hint", None)
            else:
                cell.source = without_glue(cell.source)
                if not cell.source:
                    continue
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
    pins = student_requirements((ROOT / "requirements.txt").read_text().splitlines())
    header = "# What the student notebooks need, pinned as in the book's requirements.txt.\n"
    (out / "requirements.txt").write_text(header + "\n".join(pins) + "\n")
    (out / "README.md").write_text(STUDENT_README)
    shutil.make_archive(str(out), "zip", root_dir=out.parent, base_dir=out.name)
    return written


if __name__ == "__main__":
    out = (Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "_build" / "student").resolve()

    def shown(path: Path) -> Path:
        return path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path

    for path in make_student_edition(out):
        print(f"wrote {shown(path)}")
    print(f"wrote {shown(out.with_suffix('.zip'))}, with helpers/, requirements.txt and README.md")
