"""A Sphinx extension for this book: the explorers are live on the site.

Every explorer's HTML output is a ``<figure data-live-explorer="...">`` holding its snapshot
(see ``helpers/explorers.py``). The explorers' bundle, ``live/explorers.js`` (with uPlot, about
270 KB), and its stylesheet are not loaded with the page: each page that has an explorer gets a
small inline loader (``web/live/loader.js``, bundled by ``tools/build_js.py``) that imports them
when an explorer nears the screen, or at once when the page's link names one of its explorers
(``#explore-NAME?...``). The bundle then turns each figure into the live explorer, computed in
the browser by the site's engine (``web/live/engine.js``). Without JavaScript, and until then,
the snapshot stays.

``tools/build_book.py`` bundles ``web/live/site.js`` into
``_build/site_extra/live/explorers.js`` and the styles into ``explorers.css``, which
``html_extra_path`` serves at the site's root. Their addresses carry ``?v=`` and a checksum of
the file, as Sphinx's own for the files it adds, so that a changed bundle is fetched anew.
"""

from __future__ import annotations

import functools
import json
import zlib
from pathlib import Path

import build_js  # tools/ is on sys.path: _config.yml names it as the local extensions' folder

MARK = "data-live-explorer="
SCRIPT = "live/explorers.js"
STYLESHEET = "live/explorers.css"


@functools.cache
def loader_script() -> str:
    """The loader, bundled once per build."""
    return build_js.loader()


def checksum(app, name: str) -> str:
    """``?v=`` and the CRC32 of the site's file ``name`` (in an ``html_extra_path`` folder)."""
    for folder in app.config.html_extra_path:
        path = Path(app.confdir, folder, name)
        if path.is_file():
            return f"?v={zlib.crc32(path.read_bytes()):08x}"
    raise FileNotFoundError(f"{name} is in none of html_extra_path {app.config.html_extra_path}:"
                            " tools/build_book.py writes it")


def add_live_explorers(app, pagename, templatename, context, doctree):
    """Give a page that shows an explorer the loader of the live explorers."""
    if MARK not in context.get("body", ""):
        return
    bundle, stylesheet = (context["pathto"](name, 1) + checksum(app, name)
                          for name in (SCRIPT, STYLESHEET))
    call = f"{build_js.LOADER_NAME}.watch({json.dumps(bundle)}, {json.dumps(stylesheet)});"
    app.add_js_file(None, body=f"{loader_script()}{call}", type="module")


def setup(app):
    app.connect("html-page-context", add_live_explorers)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
