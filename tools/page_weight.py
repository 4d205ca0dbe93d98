"""What a built page costs a reader: the pages of the site, and the files each one references.

Shared by `make bench` (benchmarks/bench.py, which measures cold loads in Chromium) and the
budget test of `make test` (tests/test_page_budget.py, which must run without a browser).
Sizes are what a static host such as GitHub Pages sends: each file gzip-compressed (level 6),
or as it is when gzip does not make it smaller (images, fonts).

`referenced_files(site, page)` counts, statically, every file the page can load as it is read:
- the page's HTML;
- `<link>`s the browser fetches (stylesheet, preload, modulepreload, icon), `<script src>`;
- images: `<img src>` (the largest `srcset` candidate if there is one), inside `<picture>`
  the first `<source>` instead (what Chromium, which reads WebP and AVIF, picks); `<video
  poster>`, `<object data>`, `<iframe src>`, `<embed src>`, `<input type=image>`;
- from stylesheets (linked, `<style>` blocks and `style=""` attributes), recursively:
  `@import`s, `url()`s of ordinary rules (background images, masks, cursors) whether or not a
  selector matches, and the first `url()` of each `@font-face` whose family some rule or
  inline style draws with on this page (see used_families: a browser fetches a web font only
  when text uses it; a family's faces
  of another weight or style are counted too, an overcount: Font Awesome's regular face);
- from scripts, recursively: static `import`/`export ... from "..."` and `import("...")` with
  a literal path (the explorers' modules, loaded when an explorer scrolls into view: part of
  reading the page), and the files in KNOWN_LOADS for scripts known to fetch files by
  computed names (MathJax's combined component and its fonts).
Not counted: files a script fetches under a name computed at run time and not listed in
KNOWN_LOADS, anything loaded only on a click (the download menu's files, MathJax's menu
extensions), other hosts (the site has none), and `data:` URLs (inside their file already).
Each file is counted once per page, however often it is referenced.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
GZIP_LEVEL = 6  # zlib's default, a common setting of static hosts
BUDGET_KB = 500  # issue #22: every page, cold, at most 500 KB gzip-compressed in all
# "Nothing but the page's own content may cost more than its figures do" (issue #22): the shell
# of a page (theme, icons, math, search: all but its HTML and its figures) may cost at most as
# much as its figures, or this much on a page with few or no figures. Measured in December 2026
# (gzip): the theme's CSS and JavaScript with search 160 KB, the math's fonts up to 110 KB on a
# page with AMS symbols, the icons 4 KB; Font Awesome's script and fonts (800 KB) or MathJax's
# TeX engine (260 KB) would each break it again.
SHELL_ALLOWANCE_KB = 300

# Scripts that fetch files under computed names: what they fetch at start, relative to the
# script. (MathJax's CHTML output loads the woff fonts of the characters on the page: these
# five are what Chromium fetched for chapter 5, with its sums and brackets.)
MATHJAX_FONTS = [f"output/chtml/fonts/woff-v2/MathJax_{name}.woff" for name in (
    "Zero", "Main-Regular", "Math-Italic", "Size1-Regular", "Size2-Regular")]
KNOWN_LOADS = {"tex-mml-chtml.js": MATHJAX_FONTS, "tex-chtml.js": MATHJAX_FONTS}


def site_pages(site: Path) -> list[str]:
    """Every page of the built site, relative to it: the book's pages in _toc.yml's order, then
    search and the index. (index.html only redirects to the first page: see ENTRY.)"""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    names = [toc["root"], *(entry["file"] for entry in toc["chapters"])]
    return [f"{name}.html" for name in names] + ["search.html", "genindex.html"]


ENTRY = "index.html"  # the site's address: a redirect to the first page


def compressed_size(data: bytes) -> int:
    """Bytes a static host sends for ``data``: gzip level 6, or raw if that is not smaller."""
    return min(len(data), len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)))


_SIZES: dict[tuple, int] = {}


def file_size(path: Path) -> int:
    """compressed_size of a file, remembered while the file stays the same (pages share most)."""
    stat = path.stat()
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _SIZES:
        _SIZES[key] = compressed_size(path.read_bytes())
    return _SIZES[key]


@dataclass
class Cost:
    """The files one page references, each with its compressed size in bytes."""

    page: str
    files: dict  # path relative to the site -> compressed bytes
    # The page's own figures: the images its HTML shows (<img>, <picture>, its style="" and
    # <style>) from outside _static/, and the live explorers' files (live/).
    figures: set

    @property
    def total(self) -> int:
        return sum(self.files.values())

    @property
    def figure_bytes(self) -> int:
        return sum(size for path, size in self.files.items() if path in self.figures)

    @property
    def shell_bytes(self) -> int:
        """Everything but the page's HTML and its figures: theme, icons, math, search."""
        return self.total - self.figure_bytes - self.files.get(self.page, 0)

    def largest(self, count: int = 5) -> list[tuple[str, int]]:
        return sorted(self.files.items(), key=lambda item: -item[1])[:count]


def _local(base: Path, site: Path, reference: str) -> Path | None:
    """The file of ``site`` that ``reference`` (relative to the file ``base``) names, if any."""
    parts = urlsplit(reference.strip())
    if parts.scheme or parts.netloc or not parts.path:
        return None  # data:, mailto:, another host, or a fragment of the same page
    path = unquote(parts.path)
    target = (site / path.lstrip("/")) if path.startswith("/") else base.parent / path
    target = target.resolve()
    return target if target.is_file() and target.is_relative_to(site.resolve()) else None


def _largest_candidate(srcset: str) -> str | None:
    """The candidate of a srcset with the largest width or density (the first one if none says)."""
    best, best_size = None, -1.0
    for candidate in srcset.split(","):
        words = candidate.split()
        if not words:
            continue
        descriptor = words[1] if len(words) > 1 else "1x"
        size = float(re.sub(r"[^\d.]", "", descriptor) or 1)
        if size > best_size:
            best, best_size = words[0], size
    return best


FETCHED_LINKS = {"stylesheet", "preload", "modulepreload", "icon", "shortcut", "apple-touch-icon",
                 "manifest"}


def html_references(html: str) -> tuple[list[str], list[str], list[str]]:
    """(files, images, css text) an HTML document references: files are links and scripts,
    images the pictures it shows, css the text of its `<style>` blocks and style attributes."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    files, images, css = [], [], []
    for link in soup.find_all("link", href=True):
        if FETCHED_LINKS & {rel.lower() for rel in link.get("rel", [])}:
            files.append(link["href"])
    files += [script["src"] for script in soup.find_all("script", src=True)]
    for img in soup.find_all(["img", "input"]):
        if img.name == "input" and img.get("type") != "image":
            continue
        picture = img.find_parent("picture")
        source = picture.find("source", srcset=True) if picture else None
        chosen = _largest_candidate(source["srcset"]) if source else None
        chosen = chosen or (_largest_candidate(img["srcset"]) if img.get("srcset") else None)
        chosen = chosen or img.get("src")
        if chosen:
            images.append(chosen)
    for tag, attribute in [("video", "poster"), ("object", "data"), ("iframe", "src"),
                           ("embed", "src")]:
        images += [element[attribute] for element in soup.find_all(tag) if element.get(attribute)]
    css += [style.get_text() for style in soup.find_all("style")]
    css += [element["style"] for element in soup.find_all(style=True)]
    return files, images, css


def split_selectors(prelude: str) -> list[str]:
    """The selectors of a rule's selector list, split at the commas outside parentheses."""
    selectors, depth, start = [], 0, 0
    for at, char in enumerate(prelude):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            selectors.append(prelude[start:at].strip())
            start = at + 1
    return [*selectors, prelude[start:].strip()]


def used_families(families, page_classes: set[str]) -> set[str]:
    """The font families some rule can draw text with on a page: a rule counts when every class
    its selector names is on the page (a type or pseudo selector is taken to match), unless a
    rule gives that same selector `font-family: inherit` (site_icons.py's icons: Font Awesome's
    font rules stay in the theme's CSS, but no icon draws with the font)."""
    inherited = {selector for selector, named in families if "inherit" in named}
    return {family for selector, named in families if selector not in inherited
            and set(re.findall(r"\.([\w-]+)", selector)) <= page_classes for family in named}


def css_references(text: str) -> tuple[list[str], list[tuple[str, str]], set]:
    """(urls, fonts, families) of a stylesheet: the files its @imports and ordinary rules name,
    the (family, first url) of each @font-face, and the (selector, font families) its rules
    name."""
    import tinycss2

    urls, fonts, families = [], [], set()

    def tokens_urls(tokens) -> list[str]:
        found = []
        for token in tokens:
            if token.type == "url":
                found.append(token.value)
            elif token.type == "function" and token.lower_name == "url":
                found += [arg.value for arg in token.arguments if arg.type == "string"]
            elif hasattr(token, "content") and token.content:
                found += tokens_urls(token.content)
            elif token.type == "function":
                found += tokens_urls(token.arguments)
        return found

    def declarations(content):
        return [d for d in tinycss2.parse_blockless_rule_list(content) if d.type == "declaration"] \
            if hasattr(tinycss2, "parse_blockless_rule_list") else \
            [d for d in tinycss2.parse_declaration_list(content) if d.type == "declaration"]

    def family_names(value) -> set[str]:
        text = tinycss2.serialize(value)
        return {name.strip().strip("'\"").lower() for name in text.split(",") if name.strip()}

    def walk(rules):
        for rule in rules:
            if rule.type == "at-rule" and rule.lower_at_keyword == "import":
                named = [t.value for t in rule.prelude if t.type == "string"]
                urls.extend((tokens_urls(rule.prelude) + named)[:1])  # url(x) or "x"
            elif rule.type == "at-rule" and rule.lower_at_keyword == "font-face" and rule.content:
                family, first = None, None
                for declaration in declarations(rule.content):
                    if declaration.lower_name == "font-family":
                        family = next(iter(family_names(declaration.value)), None)
                    elif declaration.lower_name == "src":
                        first = next(iter(tokens_urls(declaration.value)), first)
                if family and first:
                    fonts.append((family, first))
            elif rule.type == "at-rule" and rule.content:  # @media, @supports, @layer...
                walk(tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                              skip_whitespace=True))
            elif rule.type in ("qualified-rule", "declaration"):
                body = declarations(rule.content) if rule.type == "qualified-rule" else [rule]
                selectors = (split_selectors(tinycss2.serialize(rule.prelude))
                             if rule.type == "qualified-rule" else ["*"])
                for declaration in body:
                    if declaration.lower_name in ("font-family", "font"):
                        named = frozenset(family_names(declaration.value))
                        families.update((selector, named) for selector in selectors)
                    urls.extend(tokens_urls(declaration.value))

    walk(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True))
    return urls, fonts, families


def css_declarations(text: str) -> tuple[list[str], list[tuple[str, str]], set[str]]:
    """css_references for the text of a style="" attribute (declarations, no rules)."""
    import tinycss2

    rule = tinycss2.parse_one_rule("x{" + text + "}")
    return css_references(tinycss2.serialize([rule])) if rule.type == "qualified-rule" else \
        ([], [], set())


_STYLESHEETS: dict[tuple, tuple] = {}


def stylesheet(path: Path) -> tuple[list[str], list[tuple[str, str]], set[str]]:
    """css_references of a stylesheet file, remembered while it stays the same."""
    stat = path.stat()
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _STYLESHEETS:
        _STYLESHEETS[key] = css_references(path.read_text("utf-8", "replace"))
    return _STYLESHEETS[key]


IMPORT = re.compile(r"""(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+)["']"""
                    r"""|\bimport\(\s*["']([^"']+)["']\s*\)""")


def script_references(text: str) -> list[str]:
    """Modules a script imports with a literal path, statically or with import()."""
    return [static or dynamic for static, dynamic in IMPORT.findall(text)
            if (static or dynamic).startswith((".", "/"))]


def referenced_files(site: Path, page: str) -> Cost:
    """What ``page`` (relative to ``site``) costs: see this module's docstring."""
    site = site.resolve()
    html_path = site / page
    html = html_path.read_text(encoding="utf-8")
    files, images, inline_css = html_references(html)
    found: dict[Path, int] = {html_path: compressed_size(html.encode("utf-8"))}
    figures: set[Path] = set()
    fonts: list[tuple[str, Path]] = []
    families: set[str] = set()
    todo = [(html_path, reference) for reference in files + images]

    def add_css(base: Path, text: str, parse=css_references):
        urls, its_fonts, its_families = parse(text) if text is not None else stylesheet(base)
        todo.extend((base, url) for url in urls)
        if base == html_path:  # the page's own style="" and <style>: its images are figures
            images.extend(urls)
        fonts.extend((family, target) for family, url in its_fonts
                     if (target := _local(base, site, url)))
        families.update(its_families)

    for text in inline_css:
        add_css(html_path, text, css_declarations if "{" not in text else css_references)
    while todo:
        base, reference = todo.pop()
        target = _local(base, site, reference)
        if target is None or target in found:
            continue
        found[target] = file_size(target)
        if target.suffix == ".css":
            add_css(target, None)
        elif target.suffix in (".js", ".mjs"):
            text = target.read_text("utf-8", "replace")
            todo.extend((target, module) for module in script_references(text))
            todo.extend((target, extra) for extra in KNOWN_LOADS.get(target.name, []))
        if any(part == "live" for part in target.relative_to(site).parts):
            figures.add(target)  # the live explorers: the page's interactive figures
    for reference in images:  # the page's own images, not the theme's: its figures
        target = _local(html_path, site, reference)
        if target and "_static" not in target.relative_to(site).parts:
            figures.add(target)
    page_classes = {name for value in re.findall(r'class="([^"]*)"', html) for name in value.split()}
    drawn = used_families(families, page_classes)
    for family, target in fonts:
        if family in drawn and target not in found:
            found[target] = file_size(target)
    relative = {str(path.relative_to(site)): size for path, size in found.items()}
    return Cost(page, relative, {str(path.relative_to(site)) for path in figures})


def over_budget(costs: list[Cost], budget_kb: float = BUDGET_KB) -> list[str]:
    """One line per page over ``budget_kb``: its total and its five largest files."""
    return [f"{cost.page}: {cost.total / 1024:.0f} KB > {budget_kb} KB; largest: "
            + ", ".join(f"{path} {size / 1024:.0f} KB" for path, size in cost.largest(5))
            for cost in costs if cost.total > budget_kb * 1024]


def shell_over_figures(costs: list[Cost], allowance_kb: float = SHELL_ALLOWANCE_KB) -> list[str]:
    """One line per page whose shell costs more than its figures and more than ``allowance_kb``:
    its shell's five largest files."""
    lines = []
    for cost in costs:
        limit = max(cost.figure_bytes, allowance_kb * 1024)
        if cost.shell_bytes > limit:
            shell = [(path, size) for path, size in cost.largest(len(cost.files))
                     if path not in cost.figures and path != cost.page]
            lines.append(f"{cost.page}: shell {cost.shell_bytes / 1024:.0f} KB > "
                         f"{limit / 1024:.0f} KB (figures {cost.figure_bytes / 1024:.0f} KB); "
                         + ", ".join(f"{path} {size / 1024:.0f} KB" for path, size in shell[:5]))
    return lines
