"""The transfer budget of issue #22, checked without a browser: every page of the built site, with
every file it references, at most 500 KB gzip-compressed; and its shell (theme, icons, math,
search) costing no more than its figures, or SHELL_ALLOWANCE_KB on a page with few figures.

What is counted, and what is not, is stated in tools/page_weight.py's docstring: the static
references of the page, its stylesheets and its scripts, each file once, each gzip-compressed
(level 6) or raw when gzip does not shrink it. `make bench` measures the same in Chromium
(page_transfer_kb_gzip_max), cold, as a check on this count.
"""

import random

import pytest

from page_weight import (BUDGET_KB, ENTRY, SHELL_ALLOWANCE_KB, compressed_size, over_budget,
                         referenced_files, shell_over_figures, site_pages)


@pytest.fixture(scope="module")
def costs(built_site):
    return [referenced_files(built_site, page) for page in site_pages(built_site)]


@pytest.mark.build
def test_every_page_with_all_it_loads_is_within_the_budget(costs, built_site):
    assert len(costs) >= 14 and (built_site / ENTRY).is_file()
    assert all(cost.files[cost.page] > 0 for cost in costs)
    failures = over_budget(costs)
    assert not failures, f"over {BUDGET_KB} KB gzip:\n" + "\n".join(failures)


@pytest.mark.build
def test_no_page_s_shell_costs_more_than_its_figures(costs):
    failures = shell_over_figures(costs)
    assert not failures, (f"shell over max(figures, {SHELL_ALLOWANCE_KB} KB):\n"
                          + "\n".join(failures))


def noise(size: int, seed: int = 0) -> bytes:
    """Bytes gzip cannot shrink (a photograph, a font): they count at their raw size."""
    return random.Random(seed).randbytes(size)


def write(site, files: dict):
    for name, content in files.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())


PAGE = """<!DOCTYPE html><html><head><title>t</title>
<link rel="stylesheet" href="../_static/theme.css?v=1">
<link rel="preload" as="script" href="../_static/big.js">
<script defer src="../_static/big.js?digest=2"></script>
<script type="module" src="../live/explorer.js"></script>
<link rel="next" href="other.html">
</head><body>
<img src="../_images/plot.png" alt="a"><img src="../_images/plot.png" alt="again">
<picture><source srcset="../_images/photo.webp 1x, ../_images/photo-2x.webp 2x" type="image/webp">
<img src="../_images/photo.png" alt="b"></picture>
<img src="data:image/png;base64,AAAA" alt="c"><img src="https://example.org/x.png" alt="d">
<div style="background: url('../_images/back.png')"></div>
<a href="../_images/not-loaded.png">a link is not a load</a>
</body></html>"""

FILES = {
    "_static/theme.css": "@import url(more.css);\n@import \"basic.css\";\n"
                         "@font-face{font-family:'Used';src:url(fonts/used.woff2) format('woff2'),"
                         "url(fonts/used.ttf)}\n"
                         "@font-face{font-family:Unused;src:url(fonts/unused.woff2)}\n"
                         "@media (min-width: 1px){body{font-family:'Used',sans-serif}}\n"
                         ".x{background:url(\"../_images/icon.svg\")}",
    "_static/more.css": ".y{mask:url(data:image/svg+xml;base64,AAAA)}",
    "_static/basic.css": "p{margin:0}",
    "_static/fonts/used.woff2": noise(10_000, 1),
    "_static/fonts/used.ttf": noise(50_000, 2),
    "_static/fonts/unused.woff2": noise(50_000, 3),
    "_static/big.js": "console.log(1);\n" * 100,
    "live/explorer.js": 'import {a} from "./engine.js";\nexport * from "./util.js";\n'
                        'const lazy = () => import("./charts.js");\n'
                        'import "https://cdn.example.org/never.js";\n',
    "live/engine.js": noise(20_000, 4),
    "live/util.js": "export const u = 1;\n",
    "live/charts.js": noise(30_000, 5),
    "_images/plot.png": noise(40_000, 6),
    "_images/photo.webp": noise(5_000, 7),
    "_images/photo-2x.webp": noise(8_000, 8),
    "_images/photo.png": noise(90_000, 9),
    "_images/back.png": noise(3_000, 10),
    "_images/icon.svg": "<svg xmlns='http://www.w3.org/2000/svg'></svg>",
    "_images/not-loaded.png": noise(100_000, 11),
}


@pytest.fixture
def site(tmp_path):
    write(tmp_path, {"book/page.html": PAGE, **FILES})
    return tmp_path


def test_the_count_follows_every_kind_of_reference_once(site):
    cost = referenced_files(site, "book/page.html")
    assert set(cost.files) == {
        "book/page.html", "_static/theme.css", "_static/more.css", "_static/basic.css",
        "_static/fonts/used.woff2",
        "_static/big.js", "live/explorer.js", "live/engine.js", "live/util.js", "live/charts.js",
        "_images/plot.png", "_images/photo-2x.webp", "_images/back.png", "_images/icon.svg"}
    # plot.png is shown twice and big.js preloaded then loaded: each counted once, at its size
    assert cost.files["_images/plot.png"] == 40_000 and cost.files["_static/big.js"] < 200
    assert cost.total == sum(compressed_size((site / name).read_bytes()) for name in cost.files)
    assert cost.figures == {"_images/plot.png", "_images/photo-2x.webp", "_images/back.png",
                            "live/explorer.js", "live/engine.js", "live/util.js",
                            "live/charts.js"}


def test_the_checker_fails_a_page_over_budget_and_names_its_largest_files(site):
    cost = referenced_files(site, "book/page.html")
    assert over_budget([cost]) == []  # about 110 KB
    write(site, {"_static/big.js": noise(500 * 1024, 12)})
    [failure] = over_budget([referenced_files(site, "book/page.html")])
    assert 600 < int(failure.split()[1]) < 620 and "KB > 500 KB; largest: " in failure
    assert "_static/big.js 500 KB, _images/plot.png 39 KB, live/charts.js 29 KB" in failure
    assert failure.count(" KB") == 2 + 5


def test_the_checker_fails_a_shell_heavier_than_the_figures_and_the_allowance(site):
    cost = referenced_files(site, "book/page.html")
    assert shell_over_figures([cost]) == [] and cost.shell_bytes < cost.figure_bytes
    assert shell_over_figures([cost], allowance_kb=0) == []  # figures: ~99 KB, shell: ~10 KB
    write(site, {"_static/big.js": noise(150 * 1024, 13)})
    heavier = referenced_files(site, "book/page.html")
    assert shell_over_figures([heavier]) == []  # over the figures, within the allowance
    [failure] = shell_over_figures([heavier], allowance_kb=100)
    assert failure.startswith("book/page.html: shell 160 KB > 100 KB (figures 99 KB); ")
    assert "_static/big.js 150 KB" in failure and "_images/plot.png" not in failure


def test_a_web_font_counts_only_where_a_rule_on_the_page_draws_with_it():
    from page_weight import css_references, used_families

    _, fonts, families = css_references(
        '@font-face { font-family: "Icons"; src: url(icons.woff2); }'
        '@font-face { font-family: "Ams"; src: url(ams.woff); }'
        '.icon, .fa { font-family: "Icons"; } .TEX-A { font-family: Ams, serif; }')
    assert {family for family, _ in fonts} == {"icons", "ams"}
    assert used_families(families, {"icon"}) == {"icons"}
    assert used_families(families, {"TEX-A"}) == {"ams", "serif"}
    assert used_families(families, {"other"}) == set()
    _, _, overridden = css_references(".icon { font-family: Icons; } .icon { font-family: inherit; }")
    assert "icons" not in used_families(overridden, {"icon"})
    _, _, by_type = css_references("body { font-family: Text; }")
    assert used_families(by_type, set()) == {"text"}
