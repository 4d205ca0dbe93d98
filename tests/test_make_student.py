"""The student-edition generator: a notebook in, a notebook out."""

import re
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from make_student import (  # noqa: E402
    fill_glue,
    make_student_edition,
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
    written = make_student_edition(tmp_path / "student")
    assert len(written) == 7
    book = Path(__file__).resolve().parent.parent / "book"
    for path in written:
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
    assert plain_boxes(text) == "### Exercise: Build it\n\nDo **this**.\n\n**Note**\n\n- one"
    citations = {"a2019": ("Dan", "2019"), "b2015": ("Trask", "2015")}
    assert plain_roles("as {cite:t}`a2019` and {cite:p}`a2019,b2015` say", citations) == \
        "as Dan (2019) and (Dan 2019; Trask 2015) say"
    assert plain_roles("see {doc}`02_dataset`", citations) == "see [02_dataset](02_dataset.ipynb)"


def test_the_students_requirements_are_the_notebooks_needs_only():
    pins = (Path(__file__).resolve().parent.parent / "requirements.txt").read_text().splitlines()
    needed = student_requirements(pins)
    names = {line.split("==")[0].lower() for line in needed}
    assert {"numpy", "matplotlib", "ipywidgets", "scikit-learn", "ipykernel", "jupyterlab"} <= names
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
