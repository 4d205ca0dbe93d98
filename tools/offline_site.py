"""A Sphinx extension for this book: every page works with only the site itself reachable.

- Drops sphinx-thebe's scripts and stylesheet. jupyter-book 1 always loads sphinx-thebe, which
  would fetch thebe from unpkg.com on demand and declares ``THEBE_JS_URL`` twice on every page
  (a console error). The book offers no live code on its pages, so thebe has nothing to do.
- Drops the saved widget state. Pages show each explorer's snapshot instead of its controls
  (see ``nb_mime_priority_overrides`` in ``_config.yml``) and load no widget JavaScript, so
  the state (60 to 80 KB per explorer) would only be dead weight.
"""

from __future__ import annotations

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def _is_thebe(filename) -> bool:
    return filename is not None and "sphinx-thebe" in str(filename)


def _keep_script(js) -> bool:
    attributes = getattr(js, "attributes", {})
    body = attributes.get("body", "")
    return not (_is_thebe(getattr(js, "filename", js)) or "THEBE_JS_URL" in body or attributes.get("type") == WIDGET_STATE)


def tidy_page(app, pagename, templatename, context, doctree):
    """Remove thebe and widget-state scripts from one page's context."""
    context["script_files"] = [js for js in context.get("script_files", []) if _keep_script(js)]
    context["css_files"] = [css for css in context.get("css_files", []) if not _is_thebe(getattr(css, "filename", css))]


def setup(app):
    # After every other extension (myst-nb adds the widget state in its own handler).
    app.connect("html-page-context", tidy_page, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
