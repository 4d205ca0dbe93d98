"""A Sphinx extension for this book: the site's icons without Font Awesome's script or fonts.

pydata-sphinx-theme 0.17.1 loads ``_static/scripts/fontawesome.js`` (1.4 MB: all of Font
Awesome Free 6.5.2, which turns each ``<i class="fa-solid fa-...">`` into an inline SVG) and its
stylesheet declares the icon fonts (270 KB), for the twenty or so icons this site shows. Instead:

- ``write_stylesheet`` (run by tools/build_book.py) writes one small stylesheet that draws exactly
  the icons listed below, each a CSS mask made from that icon's SVG in the pinned npm package
  ``@fortawesome/fontawesome-free`` (web/node_modules), painted in ``currentColor``: the same
  shape, size and colour as the SVG that fontawesome.js drew, in light and dark mode.
- The extension drops fontawesome.js from every page (the theme's ``css`` block, overridden in
  site_theme/templates/layout.html) and loads that stylesheet instead.

No page then loads the icon fonts either: the icons are drawn by masks, and their elements and
::before / ::after take the font of their text (Chromium fetches the font of an empty
::after too, to lay out its line). tests/test_site_head.py fails when a page
or the theme's JavaScript uses an icon that is not listed here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

# Where tools/build_book.py writes the stylesheet: _build/site_extra, served at the site's root
# (html_extra_path in _config.yml), and read from _static/ hence the "../".
STYLESHEET = Path("icons") / "icons.css"
CSS_HREF = "../" + STYLESHEET.as_posix()
PACKAGE = Path("@fortawesome") / "fontawesome-free"

# Every icon an element shows with classes ``fa-solid fa-NAME`` (or ``fas``, ``fab``): in the
# theme's templates and the book's header buttons, and the close button pydata-sphinx-theme.js
# adds to an announcement banner. Each name is a file of svgs/solid or svgs/brands.
ICONS = {
    "angle-left": "solid", "angle-right": "solid", "arrow-up": "solid", "bars": "solid",
    "circle-half-stroke": "solid", "download": "solid", "expand": "solid", "file": "solid",
    "file-pdf": "solid", "file-zipper": "solid", "github": "brands", "list": "solid",
    "magnifying-glass": "solid", "moon": "solid", "outdent": "solid", "rocket": "solid",
    "sun": "solid", "xmark": "solid",
}
# The classes that make an element an icon (Font Awesome 6 and its version 5 names).
FAMILIES = (".fa-solid", ".fas", ".fa-brands", ".fab", ".fa-regular", ".far")
# Other classes of Font Awesome the pages use, which draw nothing themselves.
MODIFIERS = ("fa-lg",)

# What the theme's stylesheets draw with the icon font in a ::before or ::after (its selector,
# the icon, and how the glyph sat: "inline" in the text, or "title", the absolutely placed icon of
# an admonition's title, as tall as its line). Only those a page of this book can show.
PSEUDO = [
    # pydata-sphinx-theme: the admonitions the book uses (tip, error) ...
    (".admonition.tip>.admonition-title:after,div.admonition.tip>.admonition-title:after",
     "lightbulb", "title"),
    (".admonition.error>.admonition-title:after,div.admonition.error>.admonition-title:after",
     "circle-xmark", "title"),
    # ... sphinx-exercise's exercises (exercise.css; its solutions show no icon) ...
    ("div.exercise p.admonition-title::after", "pencil", "title"),
    # ... a link to GitHub in the text; sphinx-book-theme: "Contents" when a margin note hides
    # the secondary sidebar.
    ("a.github:before", "github", "inline"),
    (".bd-sidebar-secondary.hide:not(:hover) .onthispage:after", "angle-down", "inline"),
]

ICON = ",".join(FAMILIES)
# An icon not listed here has no --fa-mask: the mask then hides the box, and the theme's font
# draws the icon as before (tests/test_site_head.py names it).
MASK = "-webkit-mask:var(--fa-mask,{1}) {0};mask:var(--fa-mask,{1}) {0}"
NOTHING = "linear-gradient(#0000,#0000)"
SAFE = " =:/.,-'"  # kept as they are in a data: URL written in double quotes
IN = f":is({ICON})"
# fontawesome.js's own stylesheet (svg-with-js.css) for its SVG, given to the element itself; then
# the theme's rules as they applied to that SVG: those for `svg` written for the element, and
# those that never matched it undone (rules for `i`, which fontawesome.js replaced, or for
# `.fa-solid`, a class it leaves off the SVG). Measured against fontawesome.js's icons: same
# place, size and colour (docs/CONTRIBUTING.md, "Icons").
BASE = f"""\
{ICON}{{font-family:inherit;width:var(--fa-width,1em);height:1em;overflow:visible;\
box-sizing:content-box;flex-shrink:0;\
vertical-align:-.125em;background-color:currentColor;\
{MASK.format("center/contain no-repeat", NOTHING)}}}
{IN}.fa-lg{{vertical-align:-.2em}}
.bd-header-article .btn {IN}{{width:1.3rem}}
#pst-search-dialog[open] form.bd-search {IN}{{font-size:var(--pst-font-size-icon)}}
.search-button-field>{IN}{{display:inline-block}}
.sidebar-secondary-item {IN}{{padding-right:0}}
.prev-next-area {IN},.search-button {IN}{{font-size:inherit}}
.search-button {IN}.fa-lg{{font-size:1.25em}}
.bd-header-article .theme-switch-button:is(:hover,:active) {IN}{{color:inherit}}
.bd-search {IN}.fa-magnifying-glass{{position:static;color:inherit}}
"""
PSEUDO_STYLE = {
    "inline": "content:\"\";font-family:inherit;display:inline-block;width:var(--fa-width);"
              "height:1em;"
              "vertical-align:-.125em;background-color:currentColor;"
              + MASK.format("center/contain no-repeat", NOTHING),
    "title": "content:\"\";font-family:inherit;width:var(--fa-width);height:1lh;"
             "background-color:currentColor;"
             + MASK.format("left center/auto 1em no-repeat", NOTHING),
}


def package_dir(node_modules: Path) -> Path:
    return Path(node_modules) / PACKAGE


def svg_of(node_modules: Path, name: str, style: str) -> tuple[str, float]:
    """The icon's SVG without its comment, as a CSS url(), and its width in em (height: 1em)."""
    text = (package_dir(node_modules) / "svgs" / style / f"{name}.svg").read_text()
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S).replace('"', "'")
    _, _, width, height = (float(v) for v in re.search(r"viewBox='([^']*)'", text)[1].split())
    return f'url("data:image/svg+xml,{quote(text, safe=SAFE)}")', round(width / height, 4)


def _number(value: float) -> str:
    return f"{value:g}"


def stylesheet(node_modules: Path) -> str:
    """The stylesheet: the licence, the rules shared by every icon, then one rule per icon."""
    package = package_dir(node_modules)
    version = json.loads((package / "package.json").read_text())["version"]
    lines = [
        f"/*! Icons: Font Awesome Free {version} by @fontawesome - https://fontawesome.com",
        " * License - https://fontawesome.com/license/free (Icons: CC BY 4.0)",
        " * Copyright 2024 Fonticons, Inc. Each icon below is one of its SVG files as a CSS mask.",
        " * Written by tools/site_icons.py from web/node_modules/@fortawesome/fontawesome-free. */",
        BASE.rstrip("\n"),
    ]
    for name, style in sorted(ICONS.items()):
        url, width = svg_of(node_modules, name, style)
        lines.append(f".fa-{name}{{--fa-width:{_number(width)}em;--fa-mask:{url}}}")
    lines.append(",".join(f".fa-{name}::before" for name in sorted(ICONS)) + "{content:none}")
    for how, style in PSEUDO_STYLE.items():
        lines.append(f"{','.join(sel for sel, _, kind in PSEUDO if kind == how)}{{{style}}}")
    for selector, name, _ in PSEUDO:
        url, width = svg_of(node_modules, name, "brands" if name == "github" else "solid")
        lines.append(f"{selector}{{--fa-width:{_number(width)}em;--fa-mask:{url}}}")
    return "\n".join(lines) + "\n"


def write_stylesheet(node_modules: Path, site_extra: Path) -> Path:
    """Write the stylesheet into ``site_extra`` (unless it holds that text already); its path."""
    target = Path(site_extra) / STYLESHEET
    text = stylesheet(node_modules)
    if not (target.is_file() and target.read_text() == text):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    return target


def drawn_icons(css: str) -> set[str]:
    """The icon classes a stylesheet written by ``stylesheet`` draws, e.g. {"fa-bars"}."""
    return set(re.findall(r"^\.(fa-[a-z0-9-]+)\{--fa-width:[^;]+;--fa-mask:url\(", css, flags=re.M))


def check_built(app, exception):
    """Fail the build, naming the cause, when tools/build_book.py did not write the stylesheet."""
    if exception is None and not (Path(app.outdir) / STYLESHEET).is_file():
        from sphinx.errors import ExtensionError

        raise ExtensionError(f"{STYLESHEET} is missing from the site: "
                             "build with tools/build_book.py")


def setup(app):
    app.add_css_file(CSS_HREF)
    app.connect("build-finished", check_built)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
