"""Generate the two editions of the notebooks that readers open in Jupyter.

Usage: python tools/editions.py reader|student [OUT]   (default: _build/KIND, plus OUT.zip)
       python tools/editions.py reader --in-place BOOK  (rewrite BOOK/*.ipynb; Binder's postBuild)
       python tools/editions.py nbgrader [OUT]          (an nbgrader course; see make_nbgrader)

The chapter notebooks in book/ are the one source, written in MyST for the site. Jupyter does
not read MyST, so both editions are plain notebooks:
- numbers glued into the prose with ``{glue:text}`` are filled in from the stored outputs, and
  the ``glue(...)`` calls that publish them go, with any cell tagged ``remove-cell`` (the site
  does not show it either; it only hands numbers to the prose);
- exercise boxes become "### Exercise: title" headings, admonitions become quotes with a bold
  title, ``{cite:p}``/``{cite:t}`` become "(Author Year)" / "Author (Year)" with a References
  list at the end, ``{doc}`` links become links to the other notebook, titled, and ``{term}``
  links become links to the term in notation.ipynb, the notation page (book/notation.md) as a notebook;
- a code cell under the title checks that ``helpers`` (and what it imports) can be imported
  and, if not, fails with one sentence saying what to install (HELPERS_MISSING), not a
  traceback; its source is collapsed, so the reader sees a thin bar, not code.

The reader's edition (the teacher's edition too) keeps every solution, after its exercise,
under a "#### Solution" heading; the solution's own cells are collapsed
(``jupyter.source_hidden``), so JupyterLab shows them only when the reader opens them. The
stored outputs stay, so the notebook reads like the site before it is run.

The student edition takes every solution out: a code cell tagged ``solution`` becomes a stub
(signature and docstring kept, the body raises ``NotImplementedError`` with the cell's ``hint``),
sphinx-exercise ``{solution}`` blocks go and leave an empty Markdown cell for the written answer,
and every output is cleared.

Both are written with a copy of ``helpers/``, a ``requirements.txt`` that pins only what the
notebooks need (not the book's build and test tools), a three-line README, JupyterLab settings
that turn off its prompt to fetch news (``jupyterlab-settings/overrides.json``), and a zip.
"""

from __future__ import annotations

import ast
import json
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


NOTATION = "notation"  # book/notation.md: the symbols and the glossary, notation.ipynb in the editions
GLOSSARY = re.compile(r"^(?P<fence>`{3,}|:{3,})\{glossary\}[ \t]*\n(?P<body>.*?)^(?P=fence)[ \t]*$",
                      re.MULTILINE | re.DOTALL)
GLUE_ROLE = re.compile(r"\{glue:text\}`([^`]+)`")
BOX = re.compile(
    r"^(?P<fence>`{3,}|:{3,})\{(?P<kind>exercise|admonition)\}[ \t]*(?P<title>[^\n]*)\n(?P<body>.*?)^(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
# What the student notebooks and helpers import, plus the kernel and JupyterLab to run them.
STUDENT_PACKAGES = ["numpy", "matplotlib", "ipywidgets", "anywidget", "scikit-learn", "ipykernel", "jupyterlab"]


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
    """Exercise boxes as "### Exercise: title" headings, admonitions as quotes with a bold title."""

    def box(match):
        body = re.sub(r"\A(?::\w[\w-]*:[^\n]*\n)*\n*", "", match.group("body")).rstrip()
        title = match.group("title").strip()
        if match.group("kind") == "exercise":
            return f"### Exercise: {title}\n\n{body}"
        return "\n".join(f"> {line}".rstrip() for line in [f"**{title}**", "", *body.splitlines()])

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


def plain_roles(text: str, citations: dict[str, tuple[str, str]], titles: dict[str, str],
                labels: dict[str, tuple[str, str]] | None = None) -> str:
    """{cite:p}/{cite:t} as "(Author Year)" / "Author (Year)", {doc} and {ref} as titled links,
    {term} as a link to the term's heading in the notation notebook.

    ``titles`` maps each notebook's name (without .ipynb) to its title, ``labels`` each MyST
    label (a ``(label)=`` target or an exercise's ``:label:``) to its notebook and heading, and
    each glossary term, as ``term:<term in lower case>``, to the notation notebook and the term's
    heading there; a link to anything else is refused, since the editions hold the chapters and
    the notation page only.
    """
    labels = labels or {}

    def ref(match):
        label, _, target = match.group(1).rpartition(" <")
        target = target.rstrip(">") if label else match.group(1)
        if target not in labels:
            raise ValueError(f"{{ref}}`{match.group(1)}` links to {target!r}, which no chapter notebook defines")
        notebook, heading = labels[target]
        return f"[{label or heading}]({notebook}.ipynb#{heading.replace(' ', '-')})"

    def cite(match):
        keys = [k.strip() for k in match.group(2).split(",")]
        unknown = [k for k in keys if k not in citations]
        if unknown:
            raise ValueError(f"{{cite}} of {unknown}, which book/references.bib does not have")
        if match.group(1) == "t":
            return "; ".join(f"{citations[k][0]} ({citations[k][1]})" for k in keys)
        return "(" + "; ".join(f"{citations[k][0]} {citations[k][1]}" for k in keys) + ")"

    def doc(match):
        label, _, target = match.group(1).rpartition(" <")
        target = target.rstrip(">") if label else match.group(1)
        if target not in titles:
            raise ValueError(f"{{doc}}`{match.group(1)}` links to {target!r}, which is not a chapter notebook")
        return f"[{label or titles[target]}]({target}.ipynb)"

    def term(match):
        label, _, target = match.group(1).rpartition(" <")
        target = target.rstrip(">") if label else match.group(1)
        if f"term:{target.lower()}" not in labels:
            raise ValueError(f"{{term}}`{match.group(1)}` links to {target!r}, which the glossary of "
                             f"book/{NOTATION}.md does not define")
        notebook, heading = labels[f"term:{target.lower()}"]
        return f"[{label or target}]({notebook}.ipynb#{heading.replace(' ', '-')})"

    text = re.sub(r"\{term\}`([^`]+)`", term, text)
    text = re.sub(r"\{cite:([pt])\}`([^`]+)`", cite, text)
    text = re.sub(r"\{ref\}`([^`]+)`", ref, text)
    text = re.sub(r"^\([\w-]+\)=[ \t]*\n", "", text, flags=re.MULTILINE)  # the targets themselves
    return re.sub(r"\{doc\}`([^`]+)`", doc, text)


def cited_keys(text: str) -> list[str]:
    """The citation keys of every {cite:p}/{cite:t} role in ``text``, in order of first use."""
    keys = [k.strip() for group in re.findall(r"\{cite:[pt]\}`([^`]+)`", text) for k in group.split(",")]
    return list(dict.fromkeys(keys))


def reference_list(keys: list[str], bibfile: Path) -> str:
    """A Markdown "References" section: the entries ``keys`` of ``bibfile``, in the book's style."""
    from pybtex.plugin import find_plugin

    bibliography = parse_file(str(bibfile))
    style = find_plugin("pybtex.style.formatting", "plain")()
    entries = [bibliography.entries[k] for k in keys]
    for entry in entries:  # the few LaTeX commands the .bib uses, which pybtex leaves as text
        for name, value in entry.fields.items():
            entry.fields[name] = re.sub(r"\\(?:url|texttt|emph|textit)\{([^{}]*)\}", r"\1", value)
    formatted = style.format_entries(entries)
    lines = [" ".join(entry.text.render_as("markdown").split()) for entry in formatted]
    return "## References\n\n" + "\n".join(f"- {line}" for line in lines)


def notebook_labels(book: Path) -> dict[str, tuple[str, str]]:
    """Each MyST label in ``book``'s notebooks, with its notebook's name and the heading it names:
    a ``(label)=`` target names the heading after it, an exercise's ``:label:`` the exercise."""
    labels = {}
    for path in sorted(book.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "markdown":
                continue
            for label, heading in re.findall(r"^\(([\w-]+)\)=[ \t]*\n+#+ (.+)$", cell.source, re.MULTILINE):
                labels[label] = (path.stem, heading.strip())
            for box in BOX.finditer(cell.source):
                label = re.search(r"^:label:[ \t]*(\S+)", box.group("body"), re.MULTILINE)
                if label and box.group("kind") == "exercise":
                    labels[label.group(1)] = (path.stem, f"Exercise: {box.group('title').strip()}")
    for term in glossary_terms(book):
        labels[f"term:{term.lower()}"] = (NOTATION, term)
    return labels


def glossary_terms(book: Path) -> list[str]:
    """The terms of the glossary on ``book``/notation.md (none when the book has no such page)."""
    path = book / f"{NOTATION}.md"
    if not path.is_file():
        return []
    return [line.strip() for block in GLOSSARY.finditer(path.read_text())
            for line in block.group("body").splitlines() if line.strip() and not line[0].isspace()]


def notation_notebook(book: Path, titles: dict[str, str], citations: dict[str, tuple[str, str]],
                      labels: dict[str, tuple[str, str]]):
    """The notation page, ``book``/notation.md, as a notebook for the editions: its glossary
    becomes one "#### term" heading per term (the target of every {term} link), its roles plain links."""
    source = (book / f"{NOTATION}.md").read_text()

    def headings(block):
        lines = []
        for line in block.group("body").splitlines():
            if line.strip() and not line[0].isspace():
                lines += ["", f"#### {line.strip()}", ""]
            else:
                lines.append(line.strip())
        return "\n".join(lines).strip()

    text = plain_roles(GLOSSARY.sub(headings, source), citations, titles, labels)
    text = re.sub(r"\n{3,}", "\n\n", text)
    cited = cited_keys(source)
    cells = [nbformat.v4.new_markdown_cell(text.strip())]
    if cited:
        cells.append(nbformat.v4.new_markdown_cell(reference_list(cited, book / "references.bib")))
    notebook = nbformat.v4.new_notebook(cells=cells)
    left = markup_left(notebook)
    if left:
        raise ValueError(f"MyST markup the notation page would show as raw text: {left[:3]}")
    return notebook


def notebook_titles(book: Path) -> dict[str, str]:
    """Each chapter notebook's name (without .ipynb) and the text of its first "# " heading; the
    notation page's too, since the editions carry it as a notebook."""
    titles = {}
    for path in sorted(book.glob("*.ipynb")):
        text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
        heading = re.search(r"^# (.+)$", text, re.MULTILINE)
        titles[path.stem] = heading.group(1).strip() if heading else path.stem
    if (book / f"{NOTATION}.md").is_file():
        heading = re.search(r"^# (.+)$", (book / f"{NOTATION}.md").read_text(), re.MULTILINE)
        titles[NOTATION] = heading.group(1).strip() if heading else NOTATION
    return titles


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
    if not drop:
        return source.strip()
    kept = [line for number, line in enumerate(source.splitlines(), start=1) if number not in drop]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def student_requirements(pins: list[str], roots=STUDENT_PACKAGES) -> list[str]:
    """The lines of ``pins`` that ``roots`` need, found from the installed packages' metadata."""

    def norm(name):
        return re.sub(r"[-_.]+", "-", name).lower()

    needed, seen, todo = set(), set(), [(norm(r), "") for r in roots]
    while todo:
        name, extra = todo.pop()
        if (name, extra) in seen:
            continue
        seen.add((name, extra))
        needed.add(name)
        for line in metadata.requires(name) or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": extra}):
                todo += [(norm(requirement.name), e) for e in ["", *requirement.extras]]
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


BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"  # nbgrader's markers


def stub(source: str, hint: str = DEFAULT_HINT, keep_solution: bool = False) -> str:
    """The solution cell ``source`` with each function body replaced by a NotImplementedError.

    With ``keep_solution`` (the nbgrader source), each body stays between nbgrader's
    BEGIN_SOLUTION and END_SOLUTION markers, before the stub's ``raise``: nbgrader's release,
    which drops the marked lines, then shows the student edition's stub."""
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
            body = ([indent + BEGIN_SOLUTION, *lines[first.lineno - 1 : node.end_lineno], indent + END_SOLUTION]
                    if keep_solution else [])
            kept.append("\n".join([*header, *body, raise_not_implemented(hint, indent)]))
    if not any(isinstance(node, ast.FunctionDef) for node in tree.body):
        raise ValueError("a solution cell must define at least one function to turn into a stub")
    return "\n\n\n".join(kept)


EDITIONS = ("reader", "student")
SOLUTION_HEADING = "#### Solution"
ANSWER_PROMPT = "*Write your answer in the empty cell below.*"
# The one sentence a reader sees when the notebook cannot import the book's code; {} is the
# module that is missing (helpers itself, or a package it imports).
HELPERS_MISSING = (
    "This notebook needs the book's helpers folder beside it and the packages in its "
    "requirements.txt, and {} is missing: download the reader's edition (.zip) from the "
    "download menu of any chapter of the book, unzip it, run "
    "`pip install -r requirements.txt` in that folder, and open the notebook from there."
)
# The first code cell, collapsed (its source hidden): a reader sees a thin bar, not this code.
GUARD = '''# Stops with one sentence if the folder helpers/ is not beside this notebook.
try:
    import helpers  # noqa: F401
except ModuleNotFoundError as missing:
    class HelpersMissing(Exception):
        def _render_traceback_(self):  # IPython shows only this, no traceback
            return [str(self)]
    raise HelpersMissing(
{message}.format(missing.name)
    ) from None'''
MARKUP = re.compile(  # roles ({glue:text}`x`, {cite:p}, {doc}, {ref}, ...), fences, options, targets
    r"\{glue|\{cite|\{doc\}|\{[a-z][\w:-]*\}`|^[ \t>]*(?:`{3,}|:{3,})\{|^[ \t>]*:(?:label|class):"
    r"|^\([\w-]+\)=[ \t]*$",
    re.MULTILINE,
)
DIRECTIVES = re.compile(r"^(`{3,}|:{3,})\{solution(?:-start)?\}", re.MULTILINE)


def guard_cell():
    """The first code cell of each edition: import helpers, or fail with HELPERS_MISSING alone.
    Its source is hidden (collapsed in JupyterLab and Notebook 7); its output, the sentence, is
    not."""
    parts = textwrap.wrap(HELPERS_MISSING, 79 - 8 - 3, drop_whitespace=False, break_long_words=False)
    message = "\n".join(" " * 8 + repr(part) for part in parts)
    metadata = {"tags": ["helpers-guard"], "jupyter": {"source_hidden": True}}
    return nbformat.v4.new_code_cell(GUARD.format(message=message), metadata=metadata)


def markup_left(notebook) -> list[str]:
    """The raw MyST that Jupyter would show as text: each line of a Markdown cell that has some."""
    return [
        line.strip()
        for cell in notebook.cells if cell.cell_type == "markdown"
        for line in cell.source.splitlines() if MARKUP.search(line)
    ]


def solution_count(notebook) -> int:
    """How many solutions a notebook holds: {solution}/{solution-start} blocks in the book's
    source, "#### Solution" headings in an edition."""
    count = 0
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            count += len(DIRECTIVES.findall(cell.source))
            count += sum(1 for line in cell.source.splitlines() if line.strip() == SOLUTION_HEADING)
    return count


def _segments(source: str):
    """A Markdown cell's text cut at its solution blocks: ("text" | "solution" | "start" | "end", text)."""
    at = 0
    for match in SOLUTION_BLOCK.finditer(source):
        yield "text", source[at:match.start()]
        block = match.group(0)
        if re.match(r"(`{3,}|:{3,})\{solution-start\}", block):
            yield "start", ""
        elif re.match(r"(`{3,}|:{3,})\{solution-end\}", block):
            yield "end", ""
        else:  # a {solution} block: its body, without the fences and the option lines
            body = block.split("\n", 1)[1].rsplit(match.group("fence"), 1)[0]
            yield "solution", re.sub(r"\A(?::\w[\w-]*:[^\n]*\n)*\n*", "", body).strip()
        at = match.end()
    yield "text", source[at:]


def _hidden(cell):
    """``cell`` collapsed in JupyterLab (input, and output for code) until the reader opens it."""
    cell.metadata["jupyter"] = {"source_hidden": True, **({"outputs_hidden": True} if cell.cell_type == "code" else {})}
    return cell


def _kept_outputs(outputs):
    """The stored outputs a reader should see: not the glue records, not the widget views
    (their state is not stored, so JupyterLab would show an error where the snapshot is)."""
    kept = []
    for output in outputs:
        if output.get("metadata", {}).get("scrapbook"):
            continue
        output.get("data", {}).pop("application/vnd.jupyter.widget-view+json", None)
        kept.append(output)
    return kept


def edition_notebook(kind: str, notebook, titles: dict[str, str], citations: dict[str, tuple[str, str]] | None = None,
                     bibfile: Path = ROOT / "book" / "references.bib", labels: dict[str, tuple[str, str]] | None = None):
    """The ``kind`` edition ("reader" or "student") of a chapter notebook; ``notebook`` is left alone."""
    if kind not in EDITIONS:
        raise ValueError(f"kind must be one of {EDITIONS}; got {kind!r}")
    student = kind == "student"
    notebook = nbformat.from_dict(notebook)  # a deep copy
    citations = author_year(bibfile) if citations is None else citations
    values = glued_values(notebook)
    md, cells, inside, cited = nbformat.v4.new_markdown_cell, [], False, []

    def add_markdown(text, hide=False):
        text = plain_roles(plain_boxes(fill_glue(text, values)), citations, titles, labels).strip()
        if text:
            cells.append(_hidden(md(text)) if hide else md(text))

    for cell in notebook.cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "markdown":
            cited += cited_keys(cell.source)
            for part, text in _segments(cell.source):
                if part == "start":
                    if inside:
                        raise ValueError("a {solution-start} inside another solution")
                    inside = True
                    if not student:
                        cells.append(md(SOLUTION_HEADING))
                elif part == "end":
                    if not inside:
                        raise ValueError("a {solution-end} without its {solution-start}")
                    inside = False
                elif part == "solution":
                    if student:
                        if cells and cells[-1].cell_type == "markdown":
                            cells[-1].source += "\n\n" + ANSWER_PROMPT
                        cells.append(md("", metadata={"tags": ["answer"]}))
                    else:
                        cells.append(md(SOLUTION_HEADING))
                        add_markdown(text, hide=True)
                elif not (student and inside):  # prose inside a gated solution is part of it
                    add_markdown(text, hide=inside)
        elif cell.cell_type == "code":
            if inside and SOLUTION_TAG not in tags:
                raise ValueError(f"a code cell inside a solution must be tagged {SOLUTION_TAG!r}: {cell.source[:60]!r}")
            if REMOVED_TAG in tags:
                continue
            cell.metadata.pop("execution", None)
            if SOLUTION_TAG in tags and student:
                cell.source = stub(cell.source, cell.metadata.get("hint", DEFAULT_HINT))
                cell.metadata["tags"] = [t for t in tags if t != SOLUTION_TAG] + ["exercise"]
                cell.metadata.pop("hint", None)
            else:
                cell.source = without_glue(cell.source)
                cell.metadata.pop("hint", None)
                if not cell.source:
                    continue
            cell.outputs = [] if student else _kept_outputs(cell.outputs)
            cells.append(_hidden(cell) if inside and not student else cell)
        else:
            cells.append(cell)
    if inside:
        raise ValueError("a {solution-start} has no matching {solution-end}")
    first_code = next((i for i, c in enumerate(cells) if c.cell_type == "code"), len(cells))
    cells.insert(min(first_code, 1), guard_cell())  # under the title, before any other code
    if cited:
        cells.append(md(reference_list(list(dict.fromkeys(cited)), bibfile)))
    count = 0  # the reader's stored outputs, numbered again in order without the cells left out
    for cell in cells:
        if cell.cell_type == "code":
            if student or cell.execution_count is None:
                cell.execution_count = None
                continue
            count += 1
            cell.execution_count = count
            for output in cell.outputs:
                if "execution_count" in output:
                    output["execution_count"] = count
    notebook.cells = cells
    notebook.metadata.pop("widgets", None)
    left = markup_left(notebook)
    if left:
        raise ValueError(f"MyST markup the {kind}'s edition would show as raw text: {left[:3]}")
    return notebook


def student_notebook(notebook, citations=None, titles=None, labels=None):
    """The student edition of ``notebook`` (see edition_notebook)."""
    book = ROOT / "book"
    return edition_notebook("student", notebook, notebook_titles(book) if titles is None else titles, citations,
                            labels=notebook_labels(book) if labels is None else labels)


README = {
    "reader": "# Reader's edition: the chapters of the book, with the solutions under each exercise.\n",
    "student": "# Student edition: the chapters of the book, with the exercises left for you to solve.\n",
}
# JupyterLab's settings for the editions: no prompt to fetch Jupyter's news from the internet
# (a classroom may have none). JupyterLab reads overrides.json from its app_settings_dir, which
# `make lab` and the README's command point at this folder of the edition.
LAB_SETTINGS = "jupyterlab-settings"
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}
RUN = (
    "Run: `python3 -m venv .venv`, then `.venv/bin/pip install -r requirements.txt`, then "
    f"`.venv/bin/jupyter lab --LabApp.app_settings_dir={LAB_SETTINGS}` (Python 3.11 or newer; "
    "on Windows `.venv\\Scripts\\...`).\n"
    "Keep the folder `helpers/` (the book's code, which every notebook imports) beside the notebooks.\n"
)


def make_edition(kind: str, out: Path, book: Path = ROOT / "book") -> list[Path]:
    """Write the ``kind`` edition of every notebook in ``book`` to ``out``, and ``out``.zip.

    Beside the notebooks go a copy of ``helpers/`` (which they import), the pinned
    requirements, a three-line README and JupyterLab's settings (LAB_SETTINGS), so the zip runs
    on a machine without this repository.
    """
    if kind not in EDITIONS:
        raise ValueError(f"kind must be one of {EDITIONS}; got {kind!r}")
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    titles, citations, labels = notebook_titles(book), author_year(book / "references.bib"), notebook_labels(book)
    written = []
    for source in sorted(book.glob("*.ipynb")):
        notebook = edition_notebook(kind, nbformat.read(source, as_version=4), titles, citations,
                                    book / "references.bib", labels)
        nbformat.write(notebook, out / source.name)
        written.append(out / source.name)
    if (book / f"{NOTATION}.md").is_file():
        nbformat.write(notation_notebook(book, titles, citations, labels), out / f"{NOTATION}.ipynb")
        written.append(out / f"{NOTATION}.ipynb")
    shutil.copytree(ROOT / "helpers", out / "helpers", ignore=shutil.ignore_patterns("__pycache__"))
    pins = student_requirements((ROOT / "requirements.txt").read_text().splitlines())
    header = "# What the notebooks need, pinned as in the book's requirements.txt.\n"
    (out / "requirements.txt").write_text(header + "\n".join(pins) + "\n")
    (out / "README.md").write_text(README[kind] + RUN)
    (out / LAB_SETTINGS).mkdir()
    (out / LAB_SETTINGS / "overrides.json").write_text(json.dumps(LAB_OVERRIDES, indent=2) + "\n")
    shutil.make_archive(str(out), "zip", root_dir=out.parent, base_dir=out.name)
    return written


# --- the nbgrader source course (python tools/editions.py nbgrader OUT) ----------------------

NBGRADER_SCHEMA = 3
CHECK_CALL = re.compile(r"^helpers\.checks\.(check_\w+)\((\w+)\)$")
SOLUTION_LABEL = re.compile(r"^(?:`{3,}|:{3,})\{(solution(?:-start)?)\}[ \t]*(\S+)", re.MULTILINE)
# The autograder-tests cell that replaces each self-check call: the book's own check, the same
# message as in class, from helpers/checks.py loaded afresh (so a check that an answer cell
# replaced or patched does not count), and an AssertionError, nbgrader's "no points", unless
# the verdict passed.
GRADED_CHECK = """# Graded by the book's own check, loaded afresh: a change that the cells
# above made to helpers.checks does not count. Warnings are silenced: nbgrader
# gives 0 to a check cell that writes to stderr, even when the answer is right.
import contextlib
import importlib
import io
import warnings

checks = importlib.reload(importlib.import_module("helpers.checks"))
with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
    warnings.simplefilter("ignore")
    verdict = checks.{check}({name})
assert verdict.passed is True, verdict.message
verdict"""
# nbgrader's settings for the course: the release keeps the student edition's stub (the marked
# solution goes, and nothing is put in its place) and its empty cell for a written answer.
NBGRADER_CONFIG = """# nbgrader's settings for the book's course (written by tools/editions.py nbgrader).
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "tiny-network"
# The release shows the student edition's stub: the solution between the markers goes, and
# the stub's own raise NotImplementedError(hint) after it stays.
c.ClearSolutions.code_stub = {"python": ""}
c.ClearSolutions.text_stub = ""
# A cell that runs longer than this (seconds) is interrupted, and grading goes on.
c.Execute.timeout = 30
c.Execute.interrupt_on_timeout = True
"""


def points(title: str) -> int:
    """An exercise's points: its stars (★ 1, ★★ 2, ★★★ 3)."""
    stars = len(re.match(r"\s*(★*)", title).group(1))
    if not 1 <= stars <= 3:
        raise ValueError(f"an exercise title starts with its rating, ★ to ★★★; got {title!r}")
    return stars


def solutions_in_order(notebook) -> list[tuple[str, str, str]]:
    """Each solution of a book notebook, in order: (label, "written" | "coding", its text); a
    written solution's text is its block's body, a coding one's is empty."""
    found = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            bodies = iter(text for part, text in _segments(cell.source) if part == "solution")
            for kind, label in SOLUTION_LABEL.findall(cell.source):
                found.append((label, "written", next(bodies)) if kind == "solution" else (label, "coding", ""))
    return found


def _nbgrader(cell, grade_id: str, *, grade: bool, solution: bool, locked: bool, score: int | None = None):
    cell.metadata["nbgrader"] = {"grade": grade, "grade_id": grade_id, "locked": locked,
                                 "schema_version": NBGRADER_SCHEMA, "solution": solution,
                                 **({"points": score} if grade else {})}
    return cell


def nbgrader_notebook(notebook, titles: dict[str, str], citations: dict[str, tuple[str, str]],
                      bibfile: Path, labels: dict[str, tuple[str, str]]):
    """The nbgrader source of a chapter notebook: its student edition, with

    - each stub an autograded answer (the teacher's solution between nbgrader's markers, before
      the stub's raise), grade_id the exercise's label;
    - each self-check call a locked autograder-tests cell (GRADED_CHECK) worth the exercise's
      points, grade_id LABEL-check;
    - each empty written-answer cell a manually graded answer worth the exercise's points,
      holding the book's answer (nbgrader's release empties it), grade_id the label.
    Points are the exercise's stars. ``notebook`` is left alone."""
    student = edition_notebook("student", notebook, titles, citations, bibfile, labels)
    solutions = solutions_in_order(notebook)
    answers = [c for c in notebook.cells if c.cell_type == "code" and SOLUTION_TAG in c.metadata.get("tags", [])
               and REMOVED_TAG not in c.metadata.get("tags", [])]
    code, hints = [c.source for c in answers], [c.metadata.get("hint", DEFAULT_HINT) for c in answers]
    coding = [label for label, kind, _ in solutions if kind == "coding"]
    written = [(label, text) for label, kind, text in solutions if kind == "written"]
    if len(coding) != len(code):
        raise ValueError(f"{len(coding)} coding solutions but {len(code)} code cells tagged {SOLUTION_TAG!r}: "
                         "each {solution-start} gate holds one")
    values = glued_values(notebook)
    code_left, written_left = iter(zip(coding, code, hints)), iter(written)
    label, ids = None, set()

    def worth(label):
        if label not in labels:
            raise ValueError(f"the solution of {label!r} has no exercise with that :label:")
        return points(labels[label][1].removeprefix("Exercise: "))

    for cell in student.cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "code" and "exercise" in tags:
            label, source, hint = next(code_left)
            cell.source = stub(source, hint, keep_solution=True)
            _nbgrader(cell, label, grade=False, solution=True, locked=False)
        elif cell.cell_type == "code" and CHECK_CALL.match(cell.source.strip()):
            if label is None:
                raise ValueError(f"a self-check before any coding exercise: {cell.source.strip()!r}")
            check, name = CHECK_CALL.match(cell.source.strip()).groups()
            grade_id = f"{label}-check"
            cell.source = GRADED_CHECK.format(check=check, name=name)
            _nbgrader(cell, grade_id, grade=True, solution=False, locked=True, score=worth(label))
        elif cell.cell_type == "markdown" and "answer" in tags:
            grade_id, text = next(written_left)
            cell.source = plain_roles(plain_boxes(fill_glue(text, values)), citations, titles, labels)
            _nbgrader(cell, grade_id, grade=True, solution=True, locked=False, score=worth(grade_id))
        else:
            continue
        grade_id = cell.metadata["nbgrader"]["grade_id"]
        if grade_id in ids:
            raise ValueError(f"two graded cells would have the grade_id {grade_id!r}: one check per exercise")
        ids.add(grade_id)
    return student


def assignment_name(path: Path) -> str:
    """The nbgrader assignment of a chapter notebook: "ch05" for 05_training.ipynb."""
    match = re.match(r"(\d+)_", Path(path).name)
    if not match:
        raise ValueError(f"a chapter notebook's name starts with its number, as 05_training.ipynb; got {path}")
    return f"ch{match.group(1)}"


def make_nbgrader(out: Path, book: Path = ROOT / "book") -> list[Path]:
    """Write an nbgrader course to ``out``: NBGRADER_CONFIG as nbgrader_config.py and, for each
    chapter with an exercise, source/chNN/chNN_name.ipynb (nbgrader_notebook) beside a copy of
    helpers/. ``nbgrader generate_assignment chNN`` in ``out`` makes the students' release.
    ``out`` is replaced only if it is empty or a previous course (nbgrader_config.py and
    source/); any other folder is refused with a ValueError naming OUT."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ValueError(f"OUT: {str(out)!r} is a file; give a folder for the course")
    if out.is_dir() and any(out.iterdir()):
        if not ((out / "nbgrader_config.py").is_file() and (out / "source").is_dir()):
            raise ValueError(f"OUT: {str(out)!r} holds other files and is not a course this wrote "
                             "(nbgrader_config.py and source/); give a new or empty folder")
        shutil.rmtree(out)  # a previous course, written again
    (out / "source").mkdir(parents=True, exist_ok=True)
    # First: a course left half-written by a failure is still known as one and written again.
    (out / "nbgrader_config.py").write_text(NBGRADER_CONFIG)
    titles, citations, labels = notebook_titles(book), author_year(book / "references.bib"), notebook_labels(book)
    written = []
    for path in sorted(book.glob("*.ipynb")):
        notebook = nbgrader_notebook(nbformat.read(path, as_version=4), titles, citations,
                                     book / "references.bib", labels)
        if not any("nbgrader" in c.metadata for c in notebook.cells):
            continue
        folder = out / "source" / assignment_name(path)
        folder.mkdir()
        nbformat.write(notebook, folder / f"{folder.name}_{path.stem.split('_', 1)[1]}.ipynb")
        shutil.copytree(ROOT / "helpers", folder / "helpers", ignore=shutil.ignore_patterns("__pycache__"))
        written.append(folder / f"{folder.name}_{path.stem.split('_', 1)[1]}.ipynb")
    return written


def rewrite_in_place(book: Path) -> list[Path]:
    """Rewrite ``book``/*.ipynb as the reader's edition (for Binder, whose image is a copy)."""
    book = Path(book)
    titles, citations, labels = notebook_titles(book), author_year(book / "references.bib"), notebook_labels(book)
    notebooks = {path: edition_notebook("reader", nbformat.read(path, as_version=4), titles, citations,
                                        book / "references.bib", labels) for path in sorted(book.glob("*.ipynb"))}
    if (book / f"{NOTATION}.md").is_file():
        notebooks[book / f"{NOTATION}.ipynb"] = notation_notebook(book, titles, citations, labels)
    for path, notebook in notebooks.items():  # written only once every chapter converted
        nbformat.write(notebook, path)
    return list(notebooks)


def save_edits(out: Path, stamp: Path) -> list[Path]:
    """Copy each notebook in ``out`` changed after ``stamp`` to OUT-edits/, before ``out`` is written again.

    `make lab` opens the reader's edition in _build/reader and writes it again when the book
    changes; a reader's own notes there are kept this way instead of being replaced.
    """
    if not stamp.is_file():
        return []
    saved, keep = [], out.parent / f"{out.name}-edits"
    for path in sorted(out.glob("*.ipynb")):
        if path.stat().st_mtime_ns > stamp.stat().st_mtime_ns:
            keep.mkdir(exist_ok=True)
            target, n = keep / path.name, 1
            while target.exists():
                n += 1
                target = keep / f"{path.stem}-{n}{path.suffix}"
            shutil.copy2(path, target)
            saved.append(target)
    return saved


USAGE = ("usage: python tools/editions.py reader|student [OUT] [--save-edits]"
         "  or  python tools/editions.py reader --in-place BOOK"
         "  or  python tools/editions.py nbgrader [OUT]")


def main(argv: list[str]) -> int:
    if argv[:2] == ["reader", "--in-place"] and len(argv) == 3:
        for path in rewrite_in_place(Path(argv[2])):
            print(f"rewrote {path} as the reader's edition")
        return 0
    if argv[:1] == ["nbgrader"] and len(argv) <= 2 and not any(a.startswith("--") for a in argv):
        out = (Path(argv[1]) if len(argv) > 1 else ROOT / "_build" / "nbgrader").resolve()
        try:
            written = make_nbgrader(out)
        except ValueError as error:
            if not str(error).startswith("OUT: "):
                raise
            print(f"editions.py: {error}", file=sys.stderr)
            return 2
        for path in written:
            print(f"wrote {path}")
        print(f"wrote {out / 'nbgrader_config.py'}: in {out}, run `nbgrader generate_assignment chNN`")
        return 0
    keep = "--save-edits" in argv
    argv = [a for a in argv if a != "--save-edits"]
    if not argv or argv[0] not in EDITIONS or len(argv) > 2 or any(a.startswith("--") for a in argv):
        print(USAGE, file=sys.stderr)
        return 2
    kind = argv[0]
    out = (Path(argv[1]) if len(argv) > 1 else ROOT / "_build" / kind).resolve()

    def shown(path: Path) -> Path:
        return path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path

    for path in save_edits(out, out / ".written") if keep else []:
        print(f"kept your edits: {shown(path)}")

    for path in make_edition(kind, out):
        print(f"wrote {shown(path)}")
    print(f"wrote {shown(out.with_suffix('.zip'))}, with helpers/, requirements.txt and README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
