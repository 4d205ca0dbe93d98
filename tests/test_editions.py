"""The student-edition generator: a notebook in, a notebook out."""

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

import nbformat
import pytest

from editions import (
    ANSWER_PROMPT,
    EDITIONS,
    HELPERS_MISSING,
    LAB_SETTINGS,
    SOLUTION_HEADING,
    edition_notebook,
    guard_cell,
    main,
    markup_left,
    notation_notebook,
    notebook_labels,
    notebook_titles,
    reference_list,
    author_year,
    solution_count,
    fill_glue,
    make_edition,
    plain_boxes,
    plain_roles,
    student_notebook,
    student_requirements,
    stub,
    without_glue,
)

SOLUTION = '''import numpy as np


def slope_from_output(y):
    """Slope of tanh where tanh equals y."""
    secret = 1 - y**2
    return secret


helper_value = 42
'''


def teacher_notebook():
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    solution = code(SOLUTION, metadata={"tags": ["solution"], "hint": "use only y"})
    solution.outputs = [nbformat.v4.new_output("stream", text="shown\n")]
    solution.execution_count = 3
    return nbformat.v4.new_notebook(cells=[
        md("# Chapter\n\nSome prose."),
        md("````{exercise} Slope\n:label: ex-slope\n\nWrite it.\n````"),
        md("````{solution-start} ex-slope\n:class: dropdown\n````"),
        solution,
        md("Why it works: the **secret** identity."),
        md("````{solution-end}\n````"),
        code("print(slope_from_output(0.5))"),
        code("glue_only_total = 1 + 1", metadata={"tags": ["remove-cell"]}),
        md("Before.\n\n````{solution} ex-other\n:class: dropdown\n\nThe answer is **blue**.\n````\n\nAfter."),
    ])


def test_a_solution_becomes_a_stub_with_signature_docstring_and_hint():
    namespace = {}
    exec(stub(SOLUTION, "use only y"), namespace)
    function = namespace["slope_from_output"]
    assert function.__doc__ == "Slope of tanh where tanh equals y."
    with pytest.raises(NotImplementedError, match="use only y"):
        function(0.5)
    assert "secret" not in stub(SOLUTION) and "helper_value" not in stub(SOLUTION)
    assert "import numpy as np" in stub(SOLUTION)


def test_a_solution_without_a_function_or_body_is_refused():
    with pytest.raises(ValueError, match="at least one function"):
        stub("answer = 42\n")
    with pytest.raises(ValueError, match="no body"):
        stub('def f():\n    """Only a docstring."""\n')


def test_the_student_notebook_keeps_the_exercise_and_loses_the_solutions():
    teacher = teacher_notebook()
    student = student_notebook(teacher)
    text = "\n".join(cell.source for cell in student.cells)
    assert "### Exercise: Slope\n\nWrite it." in text and "Some prose." in text and "Before." in text and "After." in text
    assert "{solution" not in text and "blue" not in text and "secret" not in text
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in student.cells if c.cell_type == "code")
    stubbed = [c for c in student.cells if "exercise" in c.metadata.get("tags", [])]
    assert len(stubbed) == 1 and "NotImplementedError('use only y')" in stubbed[0].source
    assert "identity" not in text, "prose inside a gated solution goes too"
    assert "glue_only_total" not in text, "a cell the site does not show goes too"
    assert "hint" not in stubbed[0].metadata and "solution" not in stubbed[0].metadata["tags"]
    assert teacher.cells[3].source == SOLUTION  # the teacher's notebook is left alone


def test_a_broken_gate_is_refused():
    notebook = teacher_notebook()
    del notebook.cells[5:]  # from the {solution-end} on
    with pytest.raises(ValueError, match="no matching"):
        student_notebook(notebook)
    notebook = teacher_notebook()
    notebook.cells[3].metadata["tags"] = []
    with pytest.raises(ValueError, match="must be tagged 'solution'"):
        student_notebook(notebook)


def test_the_edition_of_the_book_has_no_solution_left(tmp_path):
    """And none of the book's markup that Jupyter would show as raw text."""
    written = make_edition("student", tmp_path / "student")
    assert len(written) == 9 and written[-1].name == "notation.ipynb"
    book = Path(__file__).resolve().parent.parent / "book"
    for path in written[:-1]:
        teacher = nbformat.read(book / path.name, as_version=4)
        student = nbformat.read(path, as_version=4)
        student_lines = {line.strip() for cell in student.cells for line in cell.source.splitlines()}
        assert not any("{solution" in line for line in student_lines)
        markup = re.findall(r"\{(?:glue|cite|doc|exercise|admonition)[:a-z]*\}", "\n".join(student_lines))
        assert not markup, f"{path.name}: MyST markup left for Jupyter: {markup[:3]}"
        # Lines the chapter shows anyway (outside its solutions) are not leaks.
        shown = {line.strip() for cell in teacher.cells if "solution" not in cell.metadata.get("tags", [])
                 for line in cell.source.splitlines()}
        for cell in teacher.cells:
            if "solution" in cell.metadata.get("tags", []):
                body = [line.strip() for line in cell.source.splitlines()
                        if line.strip() and not line.lstrip().startswith(("def ", '"""', "import ", "from "))]
                leaked = [line for line in body if line in student_lines and line not in shown]
                assert not leaked, f"{path.name}: solution lines in the student edition: {leaked}"
    with zipfile.ZipFile(tmp_path / "student.zip") as archive:
        assert sorted(Path(n).name for n in archive.namelist() if n.endswith(".ipynb")) == sorted(p.name for p in written)


def test_glued_numbers_are_filled_in_and_formatted_as_the_book_does():
    values = {"rate": "0.7612345", "n": "1027", "name": "'tanh'"}
    text = "Rate {glue:text}`rate:.2f`, {glue:text}`n` updates, {glue:text}`n:,d` steps of {glue:text}`name`."
    assert fill_glue(text, values) == "Rate 0.76, 1027 updates, 1,027 steps of tanh."
    with pytest.raises(ValueError, match="no stored value"):
        fill_glue("{glue:text}`missing`", values)


def test_glue_calls_and_their_import_leave_the_code():
    source = (
        "import numpy as np\nfrom myst_nb import glue\n\nx = np.pi\nglue('x', x, display=False)\n"
        "for i in range(2):\n    glue(f'x{i}', i, display=False)\nprint(x)"
    )
    assert without_glue(source) == "import numpy as np\n\nx = np.pi\nprint(x)"
    with pytest.raises(ValueError, match="display=False"):
        without_glue("glue('shown', 1)")


def test_boxes_and_roles_become_plain_markdown():
    text = "````{exercise} Build it\n:label: ex-a\n\nDo **this**.\n````\n\n```{admonition} Note\n:class: tip\n- one\n```"
    assert plain_boxes(text) == "### Exercise: Build it\n\nDo **this**.\n\n> **Note**\n>\n> - one"
    citations = {"a2019": ("Dan", "2019"), "b2015": ("Trask", "2015")}
    titles = {"02_dataset": "The dataset"}
    assert plain_roles("as {cite:t}`a2019` and {cite:p}`a2019,b2015` say", citations, titles) == \
        "as Dan (2019) and (Dan 2019; Trask 2015) say"
    assert plain_roles("see {doc}`02_dataset`", citations, titles) == "see [The dataset](02_dataset.ipynb)"
    assert plain_roles("see {doc}`the data <02_dataset>`", citations, titles) == "see [the data](02_dataset.ipynb)"
    with pytest.raises(ValueError, match="'intro', which is not a chapter notebook"):
        plain_roles("see {doc}`intro`", citations, titles)
    labels = {"ch02-layers": ("02_dataset", "How many layers?"), "ex-a": ("01_tanh", "Exercise: Build it")}
    assert plain_roles("(ch02-layers)=\n## How many layers?\n\nSee {ref}`ch02-layers`, {ref}`this <ex-a>`.",
                       citations, titles, labels) == (
        "## How many layers?\n\nSee [How many layers?](02_dataset.ipynb#How-many-layers?), "
        "[this](01_tanh.ipynb#Exercise:-Build-it).")
    with pytest.raises(ValueError, match="'nowhere', which no chapter notebook defines"):
        plain_roles("{ref}`nowhere`", citations, titles, labels)
    with pytest.raises(ValueError, match=r"\['nobody2020'\], which book/references.bib does not have"):
        plain_roles("{cite:p}`nobody2020`", citations, titles)
    labels["term:learning rate"] = ("notation", "learning rate")
    assert plain_roles("the {term}`learning rate`, {term}`rates <Learning rate>`", citations, titles,
                       labels) == ("the [learning rate](notation.ipynb#learning-rate), "
                                   "[rates](notation.ipynb#learning-rate)")
    with pytest.raises(ValueError, match="'momentum', which the glossary of book/notation.md does not define"):
        plain_roles("{term}`momentum`", citations, titles, labels)


def test_the_notation_page_becomes_a_notebook_with_a_heading_per_term(tmp_path):
    (tmp_path / "notation.md").write_text(
        "# Notation\n\nAs {cite:t}`a2019` names them.\n\n```{glossary}\nbias\n  A weight added to every sum.\n\n"
        "learning rate\n  The step's size; see {term}`bias`.\n```\n")
    titles, labels = notebook_titles(tmp_path), notebook_labels(tmp_path)
    assert titles == {"notation": "Notation"}
    assert labels == {"term:bias": ("notation", "bias"), "term:learning rate": ("notation", "learning rate")}
    (tmp_path / "references.bib").write_text("@misc{a2019, author = {A. Dan}, title = {Post}, year = {2019}}\n")
    notebook = notation_notebook(tmp_path, titles, {"a2019": ("Dan", "2019")}, labels)
    assert notebook.cells[0].source == (
        "# Notation\n\nAs Dan (2019) names them.\n\n#### bias\n\nA weight added to every sum.\n\n"
        "#### learning rate\n\nThe step's size; see [bias](notation.ipynb#bias).")
    assert notebook.cells[1].source.startswith("## References")
    assert markup_left(notebook) == []


def test_the_students_requirements_are_the_notebooks_needs_only():
    pins = (Path(__file__).resolve().parent.parent / "requirements.txt").read_text().splitlines()
    needed = student_requirements(pins)
    names = {line.split("==")[0].lower() for line in needed}
    assert {"numpy", "matplotlib", "ipywidgets", "anywidget", "scikit-learn", "ipykernel", "jupyterlab"} <= names
    assert not names & {"jupyter-book", "sphinx", "pytest", "playwright", "hypothesis", "nbval"}
    assert set(needed) <= set(pins), "pinned exactly as in the book's requirements"
    with pytest.raises(ValueError, match="not pinned"):
        student_requirements([line for line in pins if not line.startswith("numpy==")])


def test_a_long_hint_is_split_so_that_no_stub_line_passes_79_characters():
    hint = "compute the output first, then the error, then the delta with the true slope " * 2
    stubbed = stub(SOLUTION, hint=hint)
    assert max(len(line) for line in stubbed.splitlines()) <= 79
    namespace = {}
    exec(stubbed, namespace)
    function = next(v for k, v in namespace.items() if callable(v) and k != "np")
    with pytest.raises(NotImplementedError) as raised:
        function(*[0] * function.__code__.co_argcount)
    assert str(raised.value) == hint


# --- The reader's edition, and what both editions share -------------------------------------

TITLES = {"02_dataset": "The dataset"}
CITATIONS = {"dan2019simple": ("Dan", "2019")}


def reader(notebook):
    return edition_notebook("reader", notebook, TITLES, CITATIONS)


SNAPSHOT = '<figure><img alt="a"><figcaption style="c">A snapshot.</figcaption></figure>'


def with_stored_outputs():
    """The teacher's notebook as the build leaves it: outputs, glue records, a widget view."""
    notebook = teacher_notebook()
    out = nbformat.v4.new_output
    glued = out("display_data", data={"application/papermill.record/text/plain": "2"},
                metadata={"scrapbook": {"name": "total", "mime_prefix": "application/papermill.record/"}})
    notebook.cells[6].outputs = [out("stream", text="0.75\n"), glued]
    notebook.cells[6].execution_count = 5
    view = out("execute_result", data={"application/vnd.jupyter.widget-view+json": {"model_id": "x"},
                                       "text/html": SNAPSHOT, "text/plain": "Explorer"})
    view.execution_count = 6
    notebook.cells.insert(7, nbformat.v4.new_code_cell("Explorer()", outputs=[view], execution_count=6))
    notebook.cells[0].source += "\n\nThe total is {glue:text}`total`, see {doc}`02_dataset` {cite:p}`dan2019simple`."
    return notebook


def test_the_reader_keeps_every_solution_under_a_solution_heading_collapsed():
    teacher = with_stored_outputs()
    edition = reader(teacher)
    sources = [c.source for c in edition.cells]
    assert sources.count(SOLUTION_HEADING) == 2 == solution_count(edition) == solution_count(teacher)
    solution = next(c for c in edition.cells if "solution" in c.metadata.get("tags", []))
    assert solution.source == SOLUTION.strip(), "the solution itself, unchanged"
    assert solution.metadata["jupyter"] == {"source_hidden": True, "outputs_hidden": True}
    assert "hint" not in solution.metadata
    heading = sources.index(SOLUTION_HEADING)
    assert sources[heading - 1].startswith("### Exercise: Slope") and edition.cells[heading + 1] is solution
    why = next(c for c in edition.cells if "identity" in c.source)
    blue = next(c for c in edition.cells if "blue" in c.source)
    assert why.metadata["jupyter"] == {"source_hidden": True} == blue.metadata["jupyter"]
    assert blue.source == "The answer is **blue**." and sources[sources.index(blue.source) - 1] == SOLUTION_HEADING
    assert "Before." in sources[sources.index(blue.source) - 2] and "After." in sources
    shown = [c for c in edition.cells if not c.metadata.get("jupyter")]
    assert not any("secret" in c.source or "blue" in c.source for c in shown)


def test_the_reader_reads_like_the_site_numbers_links_and_references():
    edition = reader(with_stored_outputs())
    first = edition.cells[0].source
    assert "The total is 2, see [The dataset](02_dataset.ipynb) (Dan 2019)." in first
    assert edition.cells[-1].source.startswith("## References\n\n- ") and "Simple" in edition.cells[-1].source
    assert markup_left(edition) == []
    assert not any("glue" in c.source for c in edition.cells if c.cell_type == "code")


def test_the_reader_keeps_the_outputs_a_reader_sees_and_numbers_them_in_order():
    edition = reader(with_stored_outputs())
    code = [c for c in edition.cells if c.cell_type == "code"]
    assert "helpers-guard" in code[0].metadata["tags"] and code[0].execution_count is None
    counted = [c.execution_count for c in code if c.execution_count is not None]
    assert counted == list(range(1, len(counted) + 1))
    printed = next(c for c in code if c.source.startswith("print("))
    assert [o.output_type for o in printed.outputs] == ["stream"], "the glue record goes"
    view = next(c for c in code if c.source == "Explorer()")
    assert set(view.outputs[0].data) == {"text/html", "text/plain"}, "the widget view without its state goes"
    assert view.outputs[0].data["text/html"] == SNAPSHOT, "the snapshot as it is: no site-only text to rewrite"
    assert view.outputs[0].execution_count == view.execution_count
    assert not any("execution" in c.metadata for c in code)


def test_the_student_gets_an_empty_cell_for_each_written_answer():
    student = student_notebook(with_stored_outputs(), CITATIONS, TITLES)
    answers = [i for i, c in enumerate(student.cells) if "answer" in c.metadata.get("tags", [])]
    assert len(answers) == 1 and student.cells[answers[0]].source == ""
    assert student.cells[answers[0] - 1].source.endswith("Before.\n\n" + ANSWER_PROMPT)
    assert solution_count(student) == 0


def test_a_solution_gate_out_of_order_is_refused():
    md = nbformat.v4.new_markdown_cell
    start, end = "````{solution-start} a\n````", "````{solution-end}\n````"
    for cells, message in [([start, start, end, end], "inside another solution"),
                           ([end], "without its"), ([start], "no matching")]:
        with pytest.raises(ValueError, match=message):
            reader(nbformat.v4.new_notebook(cells=[md(text) for text in cells]))


def test_an_unknown_edition_is_refused(tmp_path):
    with pytest.raises(ValueError, match=r"kind must be one of \('reader', 'student'\); got 'teacher'"):
        edition_notebook("teacher", teacher_notebook(), TITLES, CITATIONS)
    with pytest.raises(ValueError, match="kind must be one of"):
        make_edition("teacher", tmp_path / "x")
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("line", [
    "{glue:text}`x`", "see {cite:p}`a`", "{doc}`02_dataset`", "```{note}", "::::{exercise} T",
    ":label: ex-a", "  :class: dropdown", "> ```{admonition} Note", "see {ref}`ch02-layers`",
    "{numref}`fig-a`", "(ch02-layers)=",
])
def test_markup_left_finds_each_kind_of_raw_myst(line):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(f"Fine.\n{line}\nFine.")])
    assert markup_left(notebook) == [line.strip()]


def test_markup_left_passes_plain_markdown_and_ignores_code():
    cells = [nbformat.v4.new_markdown_cell("```python\nx = {'a': 1}\n```\n\nA set $\\{x\\}$, a :class: mid-line."),
             nbformat.v4.new_code_cell("# {glue:text}`x` in a comment is code, not prose")]
    assert markup_left(nbformat.v4.new_notebook(cells=cells)) == []


def test_the_first_cell_fails_with_one_sentence_when_helpers_is_missing():
    from IPython.core.interactiveshell import InteractiveShell

    guard = guard_cell()
    assert max(len(line) for line in guard.source.splitlines()) <= 79
    shell = InteractiveShell.instance()
    saved = sys.modules.get("helpers")
    sys.modules["helpers"] = None  # import helpers now raises ModuleNotFoundError
    try:
        shown = []
        shell._showtraceback = lambda etype, evalue, stb: shown.append(stb)
        result = shell.run_cell(guard.source)
    finally:
        sys.modules["helpers"] = saved
        InteractiveShell.clear_instance()
    assert not result.success
    assert shown == [[HELPERS_MISSING.format("helpers")]]
    assert HELPERS_MISSING.count(". ") == 0 and "requirements.txt" in HELPERS_MISSING


def test_the_first_code_cell_is_collapsed_under_the_title():
    edition = reader(with_stored_outputs())
    first_code = next(i for i, c in enumerate(edition.cells) if c.cell_type == "code")
    guard = edition.cells[first_code]
    assert "helpers-guard" in guard.metadata["tags"] and guard.metadata["jupyter"] == {"source_hidden": True}
    assert first_code == 1 and edition.cells[0].source.startswith("# "), "the title comes first"
    assert len(guard.source.splitlines()) <= 15


def test_the_first_cell_says_its_one_sentence_in_a_python_without_helpers(tmp_path):
    """A separate Python with IPython but neither helpers nor its editable install (-S: no .pth
    files read; site-packages put on the path by hand), in an empty folder."""
    (tmp_path / "guard.py").write_text(guard_cell().source)
    script = (
        "import importlib.util, json\n"
        "assert importlib.util.find_spec('helpers') is None, 'helpers can be imported'\n"
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "shell, shown = InteractiveShell.instance(), []\n"
        "shell._showtraceback = lambda etype, evalue, stb: shown.append(stb)\n"
        "result = shell.run_cell(open('guard.py').read())\n"
        "print(json.dumps({'success': result.success, 'shown': shown}))\n"
    )
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "PYTHONPATH": sysconfig.get_paths()["purelib"]}
    result = subprocess.run([sys.executable, "-S", "-c", script], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == {"success": False,
                                                         "shown": [[HELPERS_MISSING.format("helpers")]]}


def test_both_editions_of_the_book_are_clean_and_the_reader_keeps_every_solution(tmp_path):
    book = Path(__file__).resolve().parent.parent / "book"
    for kind in EDITIONS:
        written = make_edition(kind, tmp_path / kind)
        notation = nbformat.read(tmp_path / kind / "notation.ipynb", as_version=4)
        assert markup_left(notation) == [] and notation.cells[0].source.startswith("# Notation")
        headings = set(re.findall(r"^#### (.+)$", notation.cells[0].source, re.MULTILINE))
        for path in written:
            linked = re.findall(r"\]\(notation\.ipynb#([^)]+)\)", path.read_text())
            assert set(linked) <= {h.replace(" ", "-") for h in headings}, f"{path.name}: a term link to no heading"
            if path.name == "notation.ipynb":
                continue
            source = nbformat.read(book / path.name, as_version=4)
            edition = nbformat.read(path, as_version=4)
            assert markup_left(edition) == [], f"{kind} {path.name}"
            assert solution_count(edition) == (solution_count(source) if kind == "reader" else 0)
            assert solution_count(source) > 0
            if kind == "reader":
                kept = {c.source for c in edition.cells}
                for cell in source.cells:
                    if "solution" in cell.metadata.get("tags", []):
                        assert cell.source in kept, f"{path.name}: a solution lost"
        readme = (tmp_path / kind / "README.md").read_text().splitlines()
        assert len(readme) == 3 and "requirements.txt" in readme[1] and "helpers/" in readme[2]


def test_the_command_line_says_how_to_use_it(tmp_path, capsys):
    assert main([]) == 2 and "usage: python tools/editions.py reader|student" in capsys.readouterr().err
    assert main(["teacher"]) == 2 and main(["reader", "a", "b"]) == 2
    book = tmp_path / "book"
    shutil.copytree(Path(__file__).resolve().parent.parent / "book", book)
    assert main(["reader", "--in-place", str(book)]) == 0
    for path in book.glob("*.ipynb"):
        notebook = nbformat.read(path, as_version=4)
        assert markup_left(notebook) == []
        assert solution_count(notebook) > 0 or path.name == "notation.ipynb"
    assert (book / "notation.ipynb").is_file(), "Binder's copy has the notation page as a notebook"


def test_make_lab_keeps_a_readers_edits_before_writing_the_edition_again(tmp_path, capsys):
    out = tmp_path / "reader"
    later = time.time_ns() + 10**12  # every time below is set, none taken from the clock

    def written_then_edited():
        (out / ".written").touch()
        for path in [out / ".written", *out.glob("*.ipynb")]:
            os.utime(path, ns=(later, later))  # written together with the stamp
        edited.write_text(edited.read_text().replace("The tanh function", "My notes on tanh", 1))
        os.utime(edited, ns=(later + 1, later + 1))

    assert main(["reader", str(out), "--save-edits"]) == 0
    assert not (tmp_path / "reader-edits").exists(), "no stamp yet: nothing to keep"
    edited = out / "01_tanh.ipynb"
    capsys.readouterr()
    for run in (1, 2):
        written_then_edited()
        assert main(["reader", str(out), "--save-edits"]) == 0
        kept = sorted(p.name for p in (tmp_path / "reader-edits").iterdir())
        assert kept == ["01_tanh-2.ipynb", "01_tanh.ipynb"][-run:], "an older copy is never overwritten"
        newest = tmp_path / "reader-edits" / ("01_tanh.ipynb" if run == 1 else "01_tanh-2.ipynb")
        assert "My notes on tanh" in newest.read_text()
        assert "My notes on tanh" not in edited.read_text(), "the edition itself is written afresh"
        assert f"kept your edits: {newest}" in capsys.readouterr().out
    (out / ".written").touch()
    os.utime(out / ".written", ns=(later + 2, later + 2))
    assert main(["reader", str(out), "--save-edits"]) == 0
    assert len(list((tmp_path / "reader-edits").iterdir())) == 2, "nothing edited: nothing kept"
    assert main(["reader", "--save-edits", "--in-place"]) == 2


def test_the_labels_of_the_book_name_their_notebook_and_heading():
    labels = notebook_labels(Path(__file__).resolve().parent.parent / "book")
    assert labels["ch01-ex-slope"] == ("01_tanh", "Exercise: ★ The slope from the output")
    assert labels["ch02-layers"][0] == "02_dataset" and labels["ch02-layers"][1]


def test_the_reference_lists_carry_no_latex_or_bibtex_markup():
    bibfile = Path(__file__).resolve().parent.parent / "book" / "references.bib"
    keys = list(author_year(bibfile))
    text = reference_list(keys, bibfile)
    assert text.count("\n- ") == len(keys)
    assert not re.findall(r"\\[a-zA-Z]+|[{}]", text), "a LaTeX command or brace shows as text in Jupyter"


# --- JupyterLab's settings: no prompt to fetch Jupyter's news ------------------------------


def lab_setting(folder: Path, arguments: list[str], plugin: str) -> dict:
    """Start the pinned JupyterLab in ``folder`` with ``arguments``, as a reader would, and read
    ``plugin``'s settings from its settings API; a private config, data and settings dir each."""
    import secrets
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token, private = secrets.token_hex(16), folder.parent / "jupyter-private"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER_", "IPYTHON"))}
    env.update(JUPYTER_CONFIG_DIR=str(private / "config"), JUPYTER_DATA_DIR=str(private / "data"),
               JUPYTER_RUNTIME_DIR=str(private / "runtime"), IPYTHONDIR=str(private / "ipython"))
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
               f"--LabApp.user_settings_dir={private / 'user-settings'}", *arguments]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = folder.parent / "jupyterlab.log"
    with log.open("w") as out:
        server = subprocess.Popen(command, cwd=folder, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120  # a wait for the server, not a check of speed
        while True:
            assert server.poll() is None, f"JupyterLab stopped:\n{log.read_text()[-3000:]}"
            try:
                url = f"http://127.0.0.1:{port}/lab/api/settings/{plugin}?token={token}"
                with urllib.request.urlopen(url, timeout=5) as response:
                    return json.loads(response.read())
            except OSError:
                assert time.monotonic() < deadline, f"JupyterLab did not answer:\n{log.read_text()[-3000:]}"
                time.sleep(0.25)
    finally:
        server.terminate()
        server.wait(timeout=60)


def test_the_editions_turn_off_jupyterlabs_news_prompt_for_the_readers_own_jupyterlab(tmp_path):
    """The README's command, run in the unzipped folder, gives JupyterLab the edition's
    overrides: "fetchNews" is "false" (Never) instead of the pinned schema's "none" (Ask)."""
    plugin = "@jupyterlab/apputils-extension:notification"
    pinned = Path(sys.prefix) / "share/jupyter/lab/schemas/@jupyterlab/apputils-extension/notification.json"
    assert json.loads(pinned.read_text())["properties"]["fetchNews"]["default"] == "none", "JupyterLab asks"
    make_edition("reader", tmp_path / "reader")
    readme = (tmp_path / "reader" / "README.md").read_text()
    command = re.search(r"`\.venv/bin/jupyter lab ([^`]*)`", readme).group(1).split()
    assert command == [f"--LabApp.app_settings_dir={LAB_SETTINGS}"]
    with zipfile.ZipFile(tmp_path / "reader.zip") as archive:
        assert f"reader/{LAB_SETTINGS}/overrides.json" in archive.namelist()
    served = lab_setting(tmp_path / "reader", command, plugin)
    properties = served["schema"]["properties"]
    assert properties["fetchNews"]["default"] == "false" and properties["checkForUpdates"]["default"] is False
    assert json.loads(served["raw"] or "{}").get("fetchNews") is None, "a default, which a reader may still change"
