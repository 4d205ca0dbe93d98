"""The book's editorial rules (issue #19), checked on the chapters' source:

- at most 16,000 words of prose in the chapters, and no paragraph over 200 words;
- every chapter links the Notation page ({term} roles), and only to terms its glossary defines;
- no training before chapter 5 (chapters 1 to 4 only preview it);
- every exercise is rated ★, ★★ or ★★★ in its title, and the ratings rise through the book;
- the teacher's guide lists every exercise of every chapter, with its stars and minutes;
- no line of a solution appears in the student edition of its chapter or of an earlier one.
"""

import re
from pathlib import Path

import nbformat
import pytest

from editions import glossary_terms, make_edition
from tests.test_chapters import CHAPTERS, read

ROOT = Path(__file__).resolve().parent.parent
MAX_WORDS = 16_000
MAX_PARAGRAPH = 200
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
EXERCISE = re.compile(r"\{exercise\}[ \t]*(?P<title>[^\n]*)\n:label:[ \t]*(?P<label>[\w-]+)")
STARS = re.compile(r"^(★{1,3}) \S")
TERM = re.compile(r"\{term\}`([^`]+)`")
TRAINING = re.compile(r"\b(?:train|train_columns|train_columns_final|train_hidden|train_until)\(")


def markdown(notebook) -> str:
    """A notebook's Markdown cells, each its own paragraph (or more)."""
    return "\n\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")


def words(text: str) -> int:
    return len(WORD.findall(text))


def paragraphs(text: str) -> list[str]:
    """Paragraphs as a reader sees them: split at blank lines, each list item apart; a table is
    not a paragraph."""
    return [p for p in re.split(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.) )", text)
            if p.strip() and not p.strip().startswith("|")]


def long_paragraphs(text: str) -> list[str]:
    return [p.strip()[:60] for p in paragraphs(text) if words(p) > MAX_PARAGRAPH]


def exercises(chapter: str) -> list[tuple[str, str]]:
    """(label, title) of each exercise of the chapter, in order."""
    return [(m["label"], m["title"].strip()) for m in EXERCISE.finditer(markdown(read(chapter)))]


def stars(title: str) -> int:
    match = STARS.match(title)
    return len(match.group(1)) if match else 0


# --- length ------------------------------------------------------------------------------------


def test_the_chapters_hold_at_most_16000_words_of_prose():
    counts = {chapter: words(markdown(read(chapter))) for chapter in CHAPTERS}
    assert sum(counts.values()) <= MAX_WORDS, f"{sum(counts.values()):,} words: {counts}"


@pytest.mark.parametrize("chapter", CHAPTERS + ["intro", "notation", "teachers_guide"])
def test_no_paragraph_is_over_200_words(chapter):
    path = ROOT / "book" / f"{chapter}.md"
    text = path.read_text() if path.exists() else markdown(read(chapter))
    assert long_paragraphs(text) == []


def test_the_paragraph_rule_counts_list_items_apart_and_finds_a_long_paragraph():
    long = " ".join(["word"] * 201)
    assert long_paragraphs(f"Short.\n\n{long}") == [long[:60]]
    assert long_paragraphs("\n".join(f"- {' '.join(['word'] * 150)}" for _ in range(2))) == []
    assert long_paragraphs("| a | b |\n| --- | --- |\n" + f"| {long} | x |") == []
    assert words("It's the post's 2-layer net, x1 and w_3.") == 8


# --- terms -------------------------------------------------------------------------------------


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_links_the_notation_page_and_only_to_defined_terms(chapter):
    roles = TERM.findall(markdown(read(chapter)))
    assert roles, "no {term} link to the Notation page"
    targets = {role.rpartition(" <")[2].rstrip(">") if " <" in role else role for role in roles}
    assert {t.lower() for t in targets} <= {t.lower() for t in glossary_terms(ROOT / "book")}


# --- training comes in chapter 5 -------------------------------------------------------------


@pytest.mark.parametrize("chapter", CHAPTERS[:4])
def test_no_chapter_before_the_training_loop_trains_a_network(chapter):
    code = "\n".join(c.source for c in read(chapter).cells if c.cell_type == "code")
    assert TRAINING.findall(code) == []


def test_the_training_rule_finds_a_call_of_train():
    assert TRAINING.findall("run = helpers.train(X, t, w, 'tanh', 10)") == ["train("]
    assert TRAINING.findall("trained = 3  # training\nretrain = 1") == []


# --- exercises ---------------------------------------------------------------------------------


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_exercise_title_starts_with_its_rating(chapter):
    unrated = [title for _, title in exercises(chapter) if not stars(title)]
    assert exercises(chapter) and unrated == []


def test_the_ratings_rise_through_the_book():
    rated = {chapter: [stars(title) for _, title in exercises(chapter)] for chapter in CHAPTERS}
    first, second = CHAPTERS[:4], CHAPTERS[4:]
    assert all(1 in rated[c] and 3 not in rated[c] for c in first), "chapters 1-4: some ★, no ★★★"
    assert all(3 in rated[c] for c in second), "chapters 5-8: each a ★★★ challenge"

    def mean(chapters):
        ratings = [r for c in chapters for r in rated[c]]
        return sum(ratings) / len(ratings)

    assert mean(first) < mean(second), rated


def test_the_teachers_guide_lists_every_exercise_with_its_stars_and_minutes():
    guide = (ROOT / "book" / "teachers_guide.md").read_text()
    rows = {re.search(r"\{doc\}`(\d\d_\w+)`", line).group(1): line
            for line in guide.splitlines() if re.match(r"\| \{doc\}`\d\d_\w+` \|", line)}
    assert list(rows) == CHAPTERS, "one row per chapter, in order"
    for chapter, row in rows.items():
        listed = re.findall(r"\{ref\}`([^`<]+) <([\w-]+)>` \((coding|written), (\d+) min\)", row)
        assert [(label, title) for title, label, _, _ in listed] == [
            (label, title) for label, title in exercises(chapter)], f"{chapter}: the guide's row"


def student_lines(notebook) -> set[str]:
    return {line.strip() for cell in notebook.cells for line in cell.source.splitlines()}


def solution_lines(notebook) -> list[str]:
    """The lines of a chapter's solutions (code cells tagged solution, {solution} blocks) that
    would give an answer away: 12 characters or more, not a def, docstring, import or fence."""
    lines = []
    for cell in notebook.cells:
        if "solution" in cell.metadata.get("tags", []):
            lines += cell.source.splitlines()
        elif cell.cell_type == "markdown":
            for block in re.findall(r"^(`{3,})\{solution\}[^\n]*\n(.*?)^\1", cell.source, re.MULTILINE | re.DOTALL):
                lines += block[1].splitlines()
    skip = ("def ", '"""', "import ", "from ", ":class:", "```")
    return [line.strip() for line in lines if len(line.strip()) >= 12 and not line.strip().startswith(skip)]


def test_no_line_of_a_solution_is_in_the_student_edition_of_its_chapter_or_an_earlier_one(tmp_path):
    written = {p.stem: nbformat.read(p, as_version=4) for p in make_edition("student", tmp_path / "s")}
    seen = set()
    for chapter in CHAPTERS:
        seen |= student_lines(written[chapter])
        leaked = [line for line in solution_lines(read(chapter)) if line in seen]
        assert leaked == [], f"{chapter}: solution lines a student can read: {leaked[:3]}"


def test_the_leak_rule_finds_a_solution_line_shown_elsewhere():
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("def f(y):\n    return 1 - y ** 2", metadata={"tags": ["solution"]}),
        nbformat.v4.new_markdown_cell("````{solution} ex\n:class: dropdown\n\nThe slope is 1 - y**2 here.\n````"),
    ])
    assert solution_lines(notebook) == ["return 1 - y ** 2", "The slope is 1 - y**2 here."]
