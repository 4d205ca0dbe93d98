"""A Sphinx extension for this book: every page works with only the site itself reachable, and
reads well on a desktop, on a phone and with a screen reader.

- Drops sphinx-thebe's scripts and stylesheet. jupyter-book 1 always loads sphinx-thebe, which
  would fetch thebe from unpkg.com on demand and declares ``THEBE_JS_URL`` twice on every page
  (a console error). The book offers no live code on its pages, so thebe has nothing to do.
- Drops the saved widget state. Pages show each explorer's site rendering instead of its
  ipywidgets controls (see ``nb_mime_priority_overrides`` in ``_config.yml``), which
  live/explorers.js turns into the live explorer (tools/live_explorers.py); they load no widget
  JavaScript, so the state (60 to 80 KB per explorer) would only be dead weight.
- Adds the book's stylesheet, site_theme/static/site.css: code and output boxes that do not
  scroll sideways on a desktop, figures and inline code that do not widen a phone's page; and
  site.js, which lets the keyboard scroll a figure that scrolls inside its box on a phone.
- Overrides two of the theme's components (site_theme/templates/) whose accessible names
  differ from their visible labels (WCAG 2.5.3): the search field and the colour-mode button.
  (The same folder holds the page layout and the navbar, site_theme/templates/sections/
  header.html: see the comment at the top of each.)
- Lets the first paint wait for no script: the classic scripts the theme and the extensions add
  to every page's head (copy buttons, toggles, tabs, search, the theme's own) are ``defer``red,
  so the browser runs them in the same order once the page is parsed, instead of stopping the
  parser for each. documentation_options.js stays as it is: the inline lines after it set
  ``DOCUMENTATION_OPTIONS.pagename`` at once. (The theme's layout loads the search scripts in
  its own block: site_theme/templates/layout.html defers those.)
- Unwraps the highlighted code's spans that change nothing: Pygments wraps every name,
  punctuation mark and space in its own span (``n``, ``p``, ``w``), drawn in the code block's
  own colour in both colour modes (the theme's pygments.css). Chapter 5 loses about 1,800 of
  its 7,400 elements, which every style and layout pass on a phone had to visit.
- Gives the bibliography's entries the role ``listitem``: docutils marks them
  ``doc-biblioentry``, a role deprecated in DPUB-ARIA 1.1, inside a ``role="list"`` that
  then has no list items.
"""

from __future__ import annotations

import re
from pathlib import Path

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
THEME = Path(__file__).resolve().parent / "site_theme"
STYLESHEET, SCRIPT = "site.css", "site.js"


def _is_thebe(filename) -> bool:
    return filename is not None and "sphinx-thebe" in str(filename)


def _keep_script(js) -> bool:
    attributes = getattr(js, "attributes", {})
    body = attributes.get("body", "")
    return not (_is_thebe(getattr(js, "filename", js)) or "THEBE_JS_URL" in body or attributes.get("type") == WIDGET_STATE)


# Pygments' spans for names, punctuation and spaces: the colour of the code block itself in the
# theme's pygments.css, light and dark, so the text alone looks the same.
PLAIN_TOKEN = re.compile(r'<span class="(?:n|p|w)">([^<]*)</span>')
HIGHLIGHTED = re.compile(r'(<div class="highlight"><pre>)(.*?)(</pre></div>)', re.S)


def unwrap_plain_tokens(body: str) -> str:
    """``body`` with the plain-token spans inside highlighted code blocks replaced by their text."""
    return HIGHLIGHTED.sub(lambda m: m.group(1) + PLAIN_TOKEN.sub(r"\1", m.group(2)) + m.group(3),
                           body)


# Read by inline scripts placed right after it (pagename, search_as_you_type): not deferred.
RUN_AT_ONCE = {"documentation_options.js"}


def _deferred(js):
    """``js`` with ``defer`` if it is a classic script loaded from a file, else as it is."""
    filename, attributes = getattr(js, "filename", None), getattr(js, "attributes", None)
    if (not filename or attributes is None or Path(str(filename)).name in RUN_AT_ONCE
            or attributes.get("type") == "module" or {"async", "defer"} & attributes.keys()):
        return js
    return type(js)(filename, priority=js.priority, **{**attributes, "defer": "defer"})


def tidy_page(app, pagename, templatename, context, doctree):
    """Remove thebe and widget-state scripts from one page's context and defer the classic
    scripts; fix the bibliography's roles and unwrap the code's plain-token spans."""
    context["script_files"] = [_deferred(js) for js in context.get("script_files", [])
                               if _keep_script(js)]
    context["css_files"] = [css for css in context.get("css_files", []) if not _is_thebe(getattr(css, "filename", css))]
    if "body" in context:
        body = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')
        context["body"] = unwrap_plain_tokens(body)


def add_theme(app, config):
    """The book's templates and static files, searched before the theme's own."""
    config.templates_path = [str(THEME / "templates"), *config.templates_path]
    config.html_static_path = [*config.html_static_path, str(THEME / "static")]


def setup(app):
    app.connect("config-inited", add_theme)
    app.add_css_file(STYLESHEET)
    app.add_js_file(SCRIPT)
    # After every other extension (myst-nb adds the widget state in its own handler).
    app.connect("html-page-context", tidy_page, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
