"""A Sphinx extension for this book: what a browser, a search engine and a shared link read from
every page besides its text, and HTML that passes the Nu Html Checker.

- The site's address: ``ogp_site_url`` (sphinxext-opengraph) is the repository's GitHub Pages
  address, derived from ``repository: url:`` in _config.yml, the one place that names it.
  sphinxext-opengraph then writes each page's Open Graph tags (_config.yml).
- Each page's description (``<meta name="description">`` and ``og:description``): the first
  whole sentences of its text, at most 300 characters, without citations. sphinxext-opengraph's
  own is cut at 200 characters mid-word and spaces citations as "post[ A.I. Dan, 2019]".
- The favicon (site_theme/static/favicon.svg and .png), linked by sphinx-favicon from the pages
  it handles and by this extension from those it skips: pages with no source (search, index,
  404 and the redirect), which also get a description here.
- ``index.html``, the site's front door, redirects to the first page with a valid document (a
  doctype and a title: sphinx-external-toc's one-line redirect has neither), and ``404.html``,
  which GitHub Pages shows for any missing address at any depth: self-contained, its links
  start with the site's path.
- sphinx-exercise gives every exercise's and solution's body the same id, ``exercise-content``
  and ``solution-content`` (up to 40 duplicates a page); each becomes ``LABEL-content``, unique
  as the exercise's own label is. Neither id is used by any stylesheet or script.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlparse

from docutils import nodes

DUPLICATED_IDS = {"exercise-content", "solution-content"}
REDIRECT, NOT_FOUND = "redirect.html", "404.html"  # templates in site_theme/templates/
GITHUB = re.compile(r"https://github\.com/([^/\s]+)/([^/\s#?]+?)(?:\.git)?/?$")


def pages_url(repository_url: str) -> str:
    """The GitHub Pages address of a repository on GitHub (its owner in lower case), ending "/"."""
    match = GITHUB.match(repository_url or "")
    if match is None:
        raise ValueError(f"not a GitHub repository: {repository_url!r}")
    owner, name = match.groups()
    if name.lower() == f"{owner.lower()}.github.io":
        return f"https://{name.lower()}/"
    return f"https://{owner.lower()}.github.io/{name}/"


def configure(app, config):
    """The site's address from the repository's, and the two pages that have no source."""
    if not config.ogp_site_url:
        repository = (config.html_theme_options or {}).get("repository_url", "")
        config.ogp_site_url = pages_url(repository)
    if config.ogp_site_name is None:  # else the project's name: "Project name not set"
        config.ogp_site_name = config.html_title
    config.html_additional_pages = {**config.html_additional_pages,
                                    "index": REDIRECT, "404": NOT_FOUND}


def unique_exercise_ids(app, doctree, docname):
    """``exercise-content`` / ``solution-content`` become ``LABEL-content``, one per exercise."""
    for index, section in enumerate(doctree.findall(nodes.section)):
        if len(section["ids"]) == 1 and section["ids"][0] in DUPLICATED_IDS:
            kind = section["ids"][0].split("-")[0]
            label = section.parent.get("label") or f"{docname.replace('/', '-')}-{kind}-{index}"
            section["ids"] = [f"{nodes.make_id(label)}-content"]


SKIPPED = (nodes.Admonition, nodes.Invisible, nodes.caption, nodes.legend, nodes.table,
           nodes.literal_block, nodes.footnote, nodes.citation, nodes.topic, nodes.sidebar)
CITATION = re.compile(r"\s*\[[^\[\]]*\b\d{4}[a-z]?\]")  # [A.I. Dan, 2019], [Trask, 2015]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“‘\"'(])")
MAX_DESCRIPTION = 300


def _in_text(paragraph) -> bool:
    """Whether a paragraph is running text: not in an admonition, a caption, a cell's output ..."""
    node = paragraph.parent
    while node is not None:
        if isinstance(node, SKIPPED) or "cell_output" in node.get("classes", []):
            return False
        node = node.parent
    return True


def summary(text: str, limit: int = MAX_DESCRIPTION) -> str:
    """The first whole sentences of ``text`` that fit in ``limit`` characters (one, cut at a word
    and ended with "…", if even the first does not fit); citations and extra spaces removed."""
    text = " ".join(CITATION.sub("", text).split())
    kept = ""
    for sentence in SENTENCE_END.split(text):
        if len(kept) + len(sentence) + 1 > limit:
            break
        kept = f"{kept} {sentence}".strip()
    if not kept:
        kept = text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return kept


def page_description(doctree) -> str:
    """A page's description: the first whole sentences of its running text."""
    text = []
    for paragraph in doctree.findall(nodes.paragraph):
        if _in_text(paragraph):
            text.append(paragraph.astext())
            if sum(map(len, text)) > MAX_DESCRIPTION:
                break
    return summary(" ".join(text))


def describe_page(app, pagename, templatename, context, doctree):
    """Write the description of a page with a source, before sphinxext-opengraph looks for one."""
    if doctree is None:
        return
    description = page_description(doctree)
    if description:
        context["meta"] = {**(context.get("meta") or {}), "og:description": description}
        tag = f'<meta name="description" content="{html.escape(description)}" />'
        context["metatags"] = context.get("metatags", "") + tag + "\n"


def description_of(pagename: str, title: str) -> str | None:
    """The description of a page that has no source to take one from."""
    return {
        "search": f"Search the text of {title}.",
        "genindex": f"The index of {title}: every term it defines, with the pages that use it.",
        "index": f"{title}: the book opens on its first page.",
        "404": f"This page is not part of {title}; its first page and its search are linked here.",
    }.get(pagename)


def head_of_sourceless_page(app, pagename, templatename, context, doctree):
    """Favicon links and a description for the pages sphinx-favicon and sphinxext-opengraph skip."""
    site_path = urlparse(app.config.ogp_site_url).path or "/"
    context["site_path"], context["ogp_site_url"] = site_path, app.config.ogp_site_url
    if doctree is not None:
        return
    from sphinx_favicon import create_favicons_meta

    if pagename == "404":
        # Shown at any depth: links start with the site's path, not relative to the page.
        def pathto(name, resource=False):
            return site_path + name
    else:
        pathto = context["pathto"]
    favicons = create_favicons_meta(pathto, app.config.favicons or [],
                                    app.config.html_static_path, app.confdir) or ""
    description = description_of(pagename, context.get("docstitle", ""))
    meta = description and f'<meta name="description" content="{html.escape(description)}" />'
    context["metatags"] = "\n".join(filter(None, [context.get("metatags", ""), meta, favicons]))


def setup(app):
    app.connect("config-inited", configure, priority=900)  # after jupyter-book's own settings
    app.connect("doctree-resolved", unique_exercise_ids)
    app.connect("html-page-context", describe_page, priority=400)  # before sphinxext-opengraph
    # After sphinx-favicon and sphinxext-opengraph (priority 500).
    app.connect("html-page-context", head_of_sourceless_page, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
