"""Full-page screenshots of a few pages of the built site, to compare the site before and after a
change that should not alter how it looks (issue #22: icons, math, lazy loading).

Usage:
  python tools/site_screenshots.py take OUT_DIR [--site _build/html] [--pages a.html b.html]
  python tools/site_screenshots.py compare BEFORE_DIR AFTER_DIR [--percent 1.0]

`take` serves the site on 127.0.0.1 (as the browser tests do) and writes, for every page, at
1280x900 and 390x844, light and dark, one full-page PNG: PAGE__WIDTHxHEIGHT__MODE.png (light or
dark is set as a reader's choice is, through localStorage `mode` and `theme`, with the system's
colour scheme to match). It waits for the network to be idle and for MathJax, if the page has
it, to finish typesetting, and for web fonts.
`compare` prints every pair whose images differ in more than PERCENT % of their pixels (Pillow's
ImageChops; pixels of a page that grew or shrank count as differing) with that share, one line
each, and exits with 1 if there is any; also the files that are in one folder only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from local_server import served  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["book/05_training.html", "book/07_hidden_layer.html", "book/intro.html"]
SIZES = [(1280, 900), (390, 844)]
MODES = ["light", "dark"]
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"

# A reader scrolls: lazy images and the live explorers load as they near the screen. Scroll
# through the page a screen at a time, then back to the top, before the shot.
SETTLED = """async () => {
  const pause = (ms) => new Promise((done) => setTimeout(done, ms));
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
    scrollTo(0, y);
    await pause(150);
  }
  scrollTo(0, 0);
  await pause(500);
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
  await document.fonts.ready;
}"""


def shot_name(page: str, size: tuple[int, int], mode: str) -> str:
    return f"{page.removesuffix('.html').replace('/', '_')}__{size[0]}x{size[1]}__{mode}.png"


def take(out: Path, site: Path, pages: list[str]) -> list[Path]:
    """One full-page screenshot per page, size and mode, into ``out``."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--no-sandbox", "--disable-gpu"])
        for page_name in pages:
            for width, height in SIZES:
                for mode in MODES:
                    context = browser.new_context(viewport={"width": width, "height": height},
                                                  color_scheme=mode)
                    context.add_init_script(f"localStorage.setItem('mode', '{mode}');"
                                            f"localStorage.setItem('theme', '{mode}');")
                    page = context.new_page()
                    page.goto(url + page_name, wait_until="networkidle")
                    page.evaluate(SETTLED)
                    page.wait_for_load_state("networkidle")
                    theme = page.evaluate("document.documentElement.dataset.theme")
                    if theme != mode:
                        sys.exit(f"{page_name}: asked for {mode}, the page shows {theme}")
                    path = out / shot_name(page_name, (width, height), mode)
                    page.screenshot(path=path, full_page=True, animations="disabled")
                    written.append(path)
                    context.close()
        browser.close()
    return written


def differing_share(before: Path, after: Path) -> float:
    """The share of pixels (0 to 1) that differ, over the larger of the two images."""
    from PIL import Image, ImageChops

    first, second = (Image.open(path).convert("RGB") for path in (before, after))
    width, height = max(first.width, second.width), max(first.height, second.height)
    canvas = [Image.new("RGB", (width, height), (255, 0, 255)) for _ in range(2)]
    canvas[0].paste(first)
    canvas[1].paste(second)
    mask = ImageChops.difference(*canvas).convert("L").point(lambda value: 255 if value else 0)
    return mask.histogram()[255] / (width * height)


def compare(before: Path, after: Path, percent: float) -> int:
    """Print the pairs differing in more than ``percent`` % of pixels; 1 if any (or unpaired)."""
    names = {p.name for p in before.glob("*.png")} | {p.name for p in after.glob("*.png")}
    status = 0
    for name in sorted(names):
        if not (before / name).is_file() or not (after / name).is_file():
            print(f"{name}: only in {before if (before / name).is_file() else after}")
            status = 1
            continue
        share = 100 * differing_share(before / name, after / name)
        if share > percent:
            print(f"{name}: {share:.2f} % of pixels differ")
            status = 1
    if status == 0:
        print(f"{len(names)} pairs, none differs in more than {percent} % of pixels")
    return status


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    shoot = commands.add_parser("take", help="write the screenshots into OUT_DIR")
    shoot.add_argument("out", type=Path)
    shoot.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    shoot.add_argument("--pages", nargs="+", default=PAGES)
    diff = commands.add_parser("compare", help="print the pairs that differ")
    diff.add_argument("before", type=Path)
    diff.add_argument("after", type=Path)
    diff.add_argument("--percent", type=float, default=1.0)
    args = parser.parse_args(argv)
    if args.command == "take":
        for path in take(args.out, args.site, args.pages):
            print(path)
        return 0
    return compare(args.before, args.after, args.percent)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
