"""A Sphinx extension for this book: every download the site offers is a reader's edition.

The chapter notebooks in book/ are the authors' source, written in MyST for the site
({glue:text} numbers, {cite:p} citations, exercise boxes), which Jupyter shows as raw markup.
What a reader takes from the site is made for Jupyter instead, by tools/editions.py:

- every page's download menu (the theme's "download-buttons" group) gains two links, to
  downloads/tiny-network-reader.zip (the reader's edition: every chapter with its solutions,
  the helpers package, the pinned requirements and a README) and to
  downloads/tiny-network-student.zip (the student edition: the same without the solutions);
- a chapter's own ".ipynb" link, which points at _sources/book/NN_NAME.ipynb, says that it
  downloads the reader's edition of the chapter, and after the build that file is one: the
  authors' notebook Sphinx copied there is replaced by the reader's edition of it.

A book with no chapter notebooks in book/ (the tests' throwaway books) gets neither.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from editions import make_edition

FOLDER = "downloads"
ZIPS = {
    "reader": ("tiny-network-reader", "Reader's edition (.zip)",
               "Every chapter notebook with its solutions, ready for Jupyter"),
    "student": ("tiny-network-student", "Student edition (.zip)",
                "Every chapter notebook without the solutions, for a class"),
}
NOTEBOOK_TOOLTIP = "Download the reader's edition of this chapter, made for Jupyter"


def chapters(srcdir) -> list[Path]:
    """The chapter notebooks of the book whose source folder is ``srcdir``."""
    return sorted((Path(srcdir) / "book").glob("[0-9][0-9]_*.ipynb"))


def add_edition_links(app, pagename, templatename, context, doctree):
    """Add the two editions' zips to the page's download menu, if it has one."""
    notebooks = chapters(app.srcdir)
    if not notebooks:
        return
    served = tuple(f"_sources/book/{path.name}" for path in notebooks)
    for group in context.get("header_buttons", []):
        if group.get("label") != "download-buttons":
            continue
        for button in group["buttons"]:
            # A notebook page's own ".ipynb" is the theme's source button.
            if button.get("type") == "link" and button["url"].endswith(served):
                button["tooltip"] = NOTEBOOK_TOOLTIP
        for kind, (name, text, tooltip) in ZIPS.items():
            group["buttons"].append({
                "type": "link",
                "url": context["pathto"](f"{FOLDER}/{name}.zip", 1),
                "text": text,
                "tooltip": tooltip,
                "icon": "fas fa-file-zipper",
                "label": f"download-{kind}-edition-button",
            })


def write_editions(app, exception):
    """Put both editions' zips in the site and the reader's edition behind every .ipynb link."""
    notebooks = chapters(app.srcdir)
    if exception is not None or app.builder.name != "html" or not notebooks:
        return
    site = Path(app.outdir)
    (site / FOLDER).mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for kind, (name, _, _) in ZIPS.items():
            written = make_edition(kind, Path(tmp) / name, Path(app.srcdir) / "book")
            shutil.copyfile(Path(tmp) / f"{name}.zip", site / FOLDER / f"{name}.zip")
            if kind == "reader":
                by_name = {path.name: path for path in written}
                for source in notebooks:
                    if source.name not in by_name:
                        raise RuntimeError(f"the reader's edition has no {source.name}")
                    served = site / "_sources" / "book" / source.name
                    served.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(by_name[source.name], served)


def setup(app):
    # After sphinx-book-theme fills the header's buttons (its handlers run at priority 501).
    app.connect("html-page-context", add_edition_links, priority=510)
    app.connect("build-finished", write_editions)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
