"""A Sphinx extension for this book: the explorers are live on the site.

Every explorer's HTML output is a ``<figure data-live-explorer="...">`` holding its snapshot
(see ``helpers/explorers.py``). On each page that has one, this adds the module
``live/explorers.js`` and its stylesheet; the script turns each figure into the live explorer,
computed in the browser by the site's engine (``web/live/engine.js``). Without JavaScript the
snapshot stays.

``tools/build_book.py`` bundles ``web/live/site.js`` (with uPlot, by ``tools/build_js.py``) into
``_build/site_extra/live/explorers.js`` and the styles into ``explorers.css``, which
``html_extra_path`` serves at the site's root. Like ``mathjax_path``, the files are named from
``_static/``, hence the ``../``.
"""

from __future__ import annotations

MARK = "data-live-explorer="
SCRIPT = "../live/explorers.js"
STYLESHEETS = ("../live/explorers.css",)


def add_live_explorers(app, pagename, templatename, context, doctree):
    """Load the live explorers' script and styles on a page that shows an explorer."""
    if MARK not in context.get("body", ""):
        return
    app.add_js_file(SCRIPT, type="module")
    for stylesheet in STYLESHEETS:
        app.add_css_file(stylesheet)


def setup(app):
    app.connect("html-page-context", add_live_explorers)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
