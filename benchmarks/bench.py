"""Print the project's speed figures, one `name: value unit` line each (`make bench`).

Measured here, in one run; nothing is asserted. Targets are in docs/CONTRIBUTING.md.
`--no-build` skips the two book builds (the page weight and the live site's figures are then taken
from _build/html); `--sweeps` prints only the two seed sweeps; `--sliders` only the explorers' moves
in the kernel; `--jupyter` only their moves in JupyterLab; `--site-only` only the site's figures
(page weight; the engine's run, the explorers' moves, the step-through explorers' steps; what a
cold load transfers, the Nu Html Checker, Lighthouse), on the site already in _build/html;
`--quality-only` the same without the live explorers' timings. `--lighthouse-runs N` (or
LIGHTHOUSE_RUNS=N) runs Lighthouse N times per page instead of 3 (0: not at all). Details
(per page, the checkers' messages, the failing audits) go to stderr.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for the oracle in tests/, which is not part of helpers
sys.path.insert(0, str(ROOT / "tools"))  # tools/build_js.py and tools/editions.py

import helpers  # noqa: E402
from tests.post_loop import run_post_loop  # noqa: E402
from tools.local_server import served  # noqa: E402

REPEATS = 15


def median_ms(*runs, repeats=REPEATS) -> list[float]:
    """Median wall time of each run; the runs take turns, so a busy moment hits all of them."""
    times = [[] for _ in runs]
    for _ in range(repeats + 1):  # the first round warms up and is dropped
        for run, spent in zip(runs, times):
            start = time.perf_counter()
            run()
            spent.append(time.perf_counter() - start)
    return [1000 * statistics.median(spent[1:]) for spent in times]


def train_with_helpers():
    weights = helpers.initial_weights(helpers.POST_SEED, "post")
    return helpers.train(helpers.POST_INPUTS, helpers.POST_TARGETS, weights, "post_tanh")


def report(name: str, value: float, unit: str, digits: int = 1) -> None:
    print(f"{name}: {value:.{digits}f} {unit}", flush=True)


def bench_training() -> None:
    post_ms, helpers_ms = median_ms(run_post_loop, train_with_helpers)
    difference = np.max(np.abs(train_with_helpers().final_weights - run_post_loop()[0]))
    report("train_10k_post_ms", post_ms, "ms")
    report("train_10k_helpers_ms", helpers_ms, "ms")
    report("train_speedup", post_ms / helpers_ms, "x", digits=2)
    print(f"train_final_weights_max_abs_diff: {difference:.1e} abs", flush=True)


SWEEP_SEEDS = range(1000)


def bench_sweeps() -> None:
    """Seed sweeps, final weights only: 1,000 seeds of the post's one-layer network (post_tanh, rate 1,
    10,000 steps), and 1,000 seeds of the chapter "A hidden layer"'s network on XOR (4 hidden units,
    its iterations and rate). Median wall time of three runs; starting weights included."""
    from helpers import hidden

    def one_layer():
        weights = np.hstack([helpers.initial_weights(seed, "post") for seed in SWEEP_SEEDS])
        return helpers.train_columns_final(helpers.POST_INPUTS, helpers.POST_TARGETS, weights, "post_tanh",
                                           helpers.POST_ITERATIONS)

    def xor():
        return hidden.train_hidden_many(hidden.XOR_INPUTS, hidden.XOR_TARGETS, SWEEP_SEEDS, 4,
                                        hidden.XOR_ITERATIONS, hidden.XOR_LEARNING_RATE)

    one_layer_ms, xor_ms = median_ms(one_layer, xor, repeats=3)
    report("seed_sweep_1000_s", one_layer_ms / 1000, "s", digits=2)
    report("xor_sweep_1000_s", xor_ms / 1000, "s", digits=2)


def timed_ms(action) -> float:
    start = time.perf_counter()
    action()
    return 1000 * (time.perf_counter() - start)


def as_the_kernel_sends(explorer) -> None:
    """Make ``explorer`` encode each message as the kernel would: its JSON, and the buffers as
    they are (zero-copy)."""
    explorer._send = lambda msg, buffers=None: (json.dumps(msg), list(buffers or []))


def front_end_move(explorer, **moved):
    """One move as it arrives from the front end: the renderer's new values, set on the widget.

    Timed, it is everything the kernel does before the front end can redraw: check the values,
    compute ``data`` with helpers if the run changed, and encode the message with its buffers.
    """
    values = {**explorer.values, **moved}
    return lambda: explorer.set_state({"values": values})


def bench_sliders() -> None:
    """The training explorer as a reader drives it, one front-end move at a time.

    Every timed move except the iterations scrub shows a run not trained before, so it trains one
    run of 10,000 steps; the iterations slider sends no new data (the renderer picks the step).
    """
    from helpers import explorers

    explorer = explorers.TrainingExplorer()
    as_the_kernel_sends(explorer)
    activations = ["tanh", "sigmoid", "relu", "post_tanh"]
    retrain = []
    for i in range(10):  # new seeds and activations only, so every move really retrains
        retrain.append(timed_ms(front_end_move(explorer, seed=10 + i)))
        retrain.append(timed_ms(front_end_move(explorer, activation=activations[i % 4])))
    # The same moves back to runs already trained (kept by training_run's cache): what the kernel
    # adds to training, i.e. checking, the outputs at every recorded step, and the message.
    cached = [timed_ms(front_end_move(explorer, seed=10 + i, activation=activations[i % 4]))
              for i in range(10)]
    stops = explorers.ITERATION_STOPS
    scrub = [timed_ms(front_end_move(explorer, iterations=stops[(7 * i) % len(stops)]))
             for i in range(40)]
    # A new learning rate or scheme, under each activation in turn (each is a run not shown before).
    rates, schemes = [], []
    for k, activation in enumerate(activations):
        explorer.set(activation=activation, seed=30 + k)
        for _ in range(2):
            current = explorers.LEARNING_RATES.index(explorer.values["learning_rate"])
            rate = explorers.LEARNING_RATES[(current + 1) % len(explorers.LEARNING_RATES)]
            rates.append(timed_ms(front_end_move(explorer, learning_rate=rate)))
            current = explorers.network.INIT_SCHEMES.index(explorer.values["scheme"])
            scheme = explorers.network.INIT_SCHEMES[(current + 1) % 3]
            schemes.append(timed_ms(front_end_move(explorer, scheme=scheme)))
    report("slider_constructor_ms", timed_ms(lambda: explorers.TrainingExplorer(seed=60)), "ms")
    report("slider_retrain_ms", statistics.median(retrain), "ms")
    report("slider_retrain_max_ms", max(retrain), "ms")
    report("slider_cached_run_ms", statistics.median(cached), "ms", digits=2)
    report("slider_iterations_ms", statistics.median(scrub), "ms", digits=2)
    report("slider_rate_change_ms", statistics.median(rates), "ms")
    report("slider_scheme_change_ms", statistics.median(schemes), "ms")
    hidden = explorers.HiddenExplorer()
    as_the_kernel_sends(hidden)
    report("slider_hidden_retrain_ms", statistics.median(
        [timed_ms(front_end_move(hidden, seed=seed)) for seed in range(10, 15)]), "ms")


def bench_other_explorers() -> None:
    """The explorers of chapters 1, 3 and 6: each front-end move computes and sends new data;
    nothing is trained."""
    from helpers import explorers

    moves = {
        "slider_activation_explorer_ms": (explorers.ActivationExplorer(), "z",
                                          [-3.0, -1.5, 0.0, 0.7, 2.2, 3.9]),
        "slider_seed_explorer_ms": (explorers.SeedExplorer(), "seed", [0, 5, 17, 42, 63, 99]),
        "slider_prediction_explorer_ms": (explorers.PredictionExplorer(), "x1",
                                          [-1.0, -0.3, 0.0, 0.6, 1.4, 2.0]),
    }
    for name, (explorer, control, values) in moves.items():
        as_the_kernel_sends(explorer)
        times = [timed_ms(front_end_move(explorer, **{control: value})) for value in values]
        report(name, statistics.median(times), "ms", digits=2)


def live_files(page: Path, html: str) -> set[Path]:
    """The live explorers' files a page loads: its live/ scripts and stylesheets (named in a src or
    href, or in the call of its inline loader, tools/live_explorers.py), and every module they import."""
    linked = re.findall(r'"([^"?]*live/[^"?]+)', html)
    todo = [(page.parent / link).resolve() for link in linked]
    found = set()
    while todo:
        path = todo.pop()
        if path in found or not path.is_file():
            continue
        found.add(path)
        if path.suffix == ".js":
            imported = re.findall(r'^import[^"]*"(\./[^"]+)"', path.read_text(), re.MULTILINE)
            todo += [(path.parent / name).resolve() for name in imported]
    return found


def page_weight_kb(page: Path) -> float:
    """A built page with its own images (embedded ones included) and the live explorers' files it loads
    (explorers.js, network.js, uPlot and their stylesheets), without the theme's shared files."""
    html = page.read_text()
    images = {src for src in re.findall(r'<img[^>]+src="([^"]+)"', html) if not src.startswith(("data:", "http"))}
    webp = set(re.findall(r'<source srcset="([^"]+)" type="image/webp"', html))  # tools/page_images.py
    images = {src.removesuffix(".png") + ".webp" if src.removesuffix(".png") + ".webp" in webp else src
              for src in images}  # what a browser fetches: the WebP a <picture> offers
    own = {(page.parent / src).resolve() for src in images if "_static" not in src} | live_files(page, html)
    return (len(html.encode()) + sum(p.stat().st_size for p in own if p.exists())) / 1024


def bench_page_weight(site: Path) -> None:
    """The heaviest chapter page of a built site."""
    report("page_weight_kb_max", max(page_weight_kb(p) for p in (site / "book").glob("*.html")), "KB")


PAGE_TRAIN = """async () => {
  const net = await import("/bench/network.js");  // the engine, bundled for this measure
  const weights = net.initialWeights(1, "post", 3), times = [];
  for (let i = 0; i <= REPEATS; i++) {  // the first run warms up and is dropped
    const start = performance.now();
    net.train({inputs: net.POST_INPUTS, targets: net.POST_TARGETS, weights, activation: "post_tanh",
               iterations: 10000, learningRate: 1});
    times.push(performance.now() - start);
  }
  return times.slice(1);
}"""

# From a control's input event to the charts redrawn and the text written: the explorer does both
# before the event's dispatch returns (uPlot's batch draws at once).
# (The training explorer's controls: its chapter has the step-through explorer too.)
PAGE_MOVES = """() => {
  const training = document.querySelector("figure[data-live-explorer='training']");
  const own = name => training.querySelector(`[id$='-${name}']`);
  const seed = own("seed"), activation = own("activation"), iterations = own("iterations");
  const move = (control, value) => {
    control.value = String(value);
    const start = performance.now();
    control.dispatchEvent(new Event("input", {bubbles: true}));
    return performance.now() - start;
  };
  const names = ["tanh", "sigmoid", "relu", "post_tanh"], retrain = [], scrub = [];
  for (let i = 0; i <= REPEATS; i++) {  // new seeds and activations only, so every move trains a run
    retrain.push(move(seed, 1000 + i), move(activation, names[i % 4]));
  }
  for (let i = 0; i <= 2 * REPEATS; i++) scrub.push(move(iterations, (7 * i) % (Number(iterations.max) + 1)));
  return {retrain: retrain.slice(2), scrub: scrub.slice(1)};
}"""


# The step-through explorers (chapters 5 and 7, issue #21): from a press of Next to the tables,
# the listing and the sentence updated and laid out (the renderer does it all before the click
# returns, as PAGE_MOVES measures), PRESSES presses from iteration 0, line 0 (across blocks of ten,
# whose steps the page then computes).
PAGE_STEPS = """([name, presses]) => {
  const figure = document.querySelector(`figure[data-live-explorer='${name}']`);
  const next = [...figure.querySelectorAll(".live-step-button")]
    .find(b => b.textContent === "Next");
  const text = figure.querySelector(".live-text"), times = [];
  for (let i = 0; i <= presses; i++) {  // the first press warms up and is dropped
    const before = text.textContent, start = performance.now();
    next.click();
    figure.offsetHeight;  // laid out
    times.push(performance.now() - start);
    if (text.textContent === before) throw new Error(`Next press ${i} changed nothing`);
  }
  return times.slice(1);
}"""

# The iteration box set to 10,000 (from 0), the run already trained: to the view updated.
PAGE_STEP_JUMPS = """([name, repeats]) => {
  const figure = document.querySelector(`figure[data-live-explorer='${name}']`);
  const box = figure.querySelector("input[id$='-iterations-box']");
  const text = figure.querySelector(".live-text"), times = [];
  const set = value => {
    box.value = String(value);
    box.dispatchEvent(new Event("input", {bubbles: true}));
  };
  for (let i = 0; i <= repeats; i++) {  // the first jump trains the run and is dropped
    set(0);
    const start = performance.now();
    set(10000);
    figure.offsetHeight;
    times.push(performance.now() - start);
    if (!text.textContent.startsWith("Iteration 10000 ")) throw new Error(text.textContent);
  }
  return times.slice(1);
}"""
STEP_PRESSES = 100


def bench_step_pages(browser, url: str) -> None:
    """The step-through explorers of chapters 5 and 7: Next presses, jumps to 10,000 (medians)."""
    for name, page_name, prefix in [("step", "05_training", "page_step"),
                                    ("hidden_step", "07_hidden_layer", "page_hidden_step")]:
        page = browser.new_page()
        page.goto(f"{url}book/{page_name}.html", wait_until="load")
        page.locator(f"figure[data-live-explorer='{name}'] .live-text").wait_for()
        steps = page.evaluate(PAGE_STEPS, [name, STEP_PRESSES])
        jumps = page.evaluate(PAGE_STEP_JUMPS, [name, 2 * REPEATS])
        page.close()
        report(f"{prefix}_ms", statistics.median(steps), "ms", digits=2)
        report(f"{prefix}_max_ms", max(steps), "ms", digits=2)
        report(f"{prefix}_jump_ms", statistics.median(jumps), "ms", digits=2)


CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def bench_live_site(site: Path) -> None:
    """The live site in Chromium: the engine's 10,000-step run, the training explorer's moves, and
    the step-through explorers' steps (medians)."""
    from playwright.sync_api import sync_playwright

    from build_js import bundle

    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        engine = bundle("network.js")  # the site serves the explorers' bundle only
        page.route("**/bench/network.js",
                   lambda route: route.fulfill(body=engine, content_type="text/javascript"))
        page.goto(f"{url}book/05_training.html", wait_until="load")
        page.locator("figure[data-live-explorer='training'] .live-text").wait_for()
        train = page.evaluate(PAGE_TRAIN.replace("REPEATS", str(4 * REPEATS)))
        moves = page.evaluate(PAGE_MOVES.replace("REPEATS", str(2 * REPEATS)))
        report("page_train_10k_ms", statistics.median(train), "ms", digits=2)
        retrain, scrub = moves["retrain"], moves["scrub"]
        report("page_explorer_move_ms_seed", statistics.median(retrain), "ms", digits=2)
        report("page_explorer_move_max_ms_seed", max(retrain), "ms", digits=2)
        report("page_explorer_move_ms_iterations", statistics.median(scrub), "ms", digits=2)
        bench_step_pages(browser, url)
        browser.close()


def note(*args) -> None:
    """Detail for the reader of the figures, on stderr (stdout holds the figures only)."""
    print(*args, file=sys.stderr, flush=True)


PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True,
         "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def cold_load(browser, url: str, device: dict) -> dict[str, tuple[int, int]]:
    """Every response of a cold load of ``url`` (a fresh context, the cache off), until the network
    is idle: {url: (raw bytes, bytes a static host sends gzip-compressed)}. Nothing is scrolled, so
    what loads lazily below the fold is not counted. Requests to other hosts are refused and
    reported (the site must have none)."""
    from urllib.parse import urlsplit

    from page_weight import compressed_size

    context = browser.new_context(**device)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    host = urlsplit(url).hostname
    elsewhere, responses = [], []

    def only_here(route):
        if urlsplit(route.request.url).hostname == host:
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_here)
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(1000)  # anything started late (fonts after typesetting), then idle again
    page.wait_for_load_state("networkidle")
    sizes = {}
    for response in responses:
        if (response.url in sizes or response.url.startswith("data:")
                or not 200 <= response.status < 300):
            continue
        try:
            body = response.body()
        except Exception:  # a response without a body (a redirect, a closed stream)
            continue
        sizes[response.url] = (len(body), compressed_size(body))
    context.close()
    if elsewhere:
        note(f"  {url} asked other hosts (refused): {sorted(set(elsewhere))}")
    return sizes


def bench_transfer(site: Path) -> None:
    """All bytes a cold load of each page fetches in Chromium, each file gzip-compressed (level 6,
    or raw when that is not smaller), at a phone's viewport; and the heaviest page at a desktop's.
    index.html, the site's address, counts with the page it redirects to."""
    from playwright.sync_api import sync_playwright

    from page_weight import ENTRY, site_pages

    pages = [*site_pages(site), ENTRY]
    phone, desktop = {}, {}
    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name in pages:
            sizes = cold_load(browser, url + name, PHONE)
            phone[name] = sum(gz for _, gz in sizes.values()) / 1024
            raw = sum(r for r, _ in sizes.values()) / 1024
            top = sorted(sizes.items(), key=lambda item: -item[1][1])[:5]
            note(f"  {name}: {len(sizes)} requests, {raw:.0f} KB raw, {phone[name]:.0f} KB gzip; "
                 + ", ".join(f"{u.removeprefix(url).split('?')[0]} {gz / 1024:.0f}"
                             for u, (_, gz) in top))
            on_desktop = cold_load(browser, url + name, DESKTOP)
            desktop[name] = sum(gz for _, gz in on_desktop.values()) / 1024
        browser.close()
    heaviest = max(phone, key=phone.get)
    note(f"  heaviest at 390x844: {heaviest}")
    report("page_transfer_kb_gzip_max", phone[heaviest], "KB")
    report("page_transfer_kb_gzip_median", statistics.median(phone.values()), "KB")
    report("page_transfer_kb_gzip_max_desktop", max(desktop.values()), "KB")


LIGHTHOUSE = ROOT / "web" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {"first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "speed-index", "cumulative-layout-shift"}


def lighthouse_runs() -> int:
    """Runs per page: `--lighthouse-runs N` or LIGHTHOUSE_RUNS, else 3 (0 skips Lighthouse)."""
    if "--lighthouse-runs" in sys.argv:
        return int(sys.argv[sys.argv.index("--lighthouse-runs") + 1])
    return int(os.environ.get("LIGHTHOUSE_RUNS", "3"))


def lighthouse(url: str, attempts: int = 2) -> dict | None:
    """One Lighthouse report of ``url``: mobile preset (its default), the Debian Chromium. A run
    that fails (Chromium too slow to answer on a busy machine) is tried once more; None if that
    fails too."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    for _ in range(attempts):
        result = subprocess.run(
            [str(LIGHTHOUSE), url, "--chrome-flags=--headless=new --no-sandbox",
             f"--only-categories={','.join(CATEGORIES)}", "--output=json",
             "--output-path=stdout", "--quiet"], capture_output=True, text=True, env=env)
        if result.returncode == 0:
            return json.loads(result.stdout)
        note(f"  lighthouse failed on {url}: {result.stderr[-500:]}")
    return None


def failing_audits(report_json: dict, category: str) -> list[str]:
    """The audits that lower ``category``'s score, with what Lighthouse shows for them."""
    audits, lines = report_json["audits"], []
    for ref in report_json["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            shown = audit.get("displayValue", "")
            found = (audit.get("details") or {}).get("items", [])[:3]
            items = [item.get("description") or item.get("url")
                     or item.get("node", {}).get("snippet") for item in found
                     if isinstance(item, dict)]
            items = [str(item)[:120] for item in items if item]
            lines.append(f"{ref['id']} {audit['score']:.2f}" + (f" ({shown})" if shown else "")
                         + (f" [{' | '.join(items)}]"
                            if items and ref["id"] not in METRICS else ""))
    return lines


def bench_lighthouse(site: Path, runs: int, pages: list[str] | None = None) -> None:
    """Lighthouse's four scores on every page: the median of ``runs`` runs per page, then the
    lowest page. Which page, and the audits below 1 on every page, go to stderr."""
    from page_weight import site_pages

    scores = {}
    with served(site, compress=True) as url:  # gzip, as a static host sends it
        for name in pages or site_pages(site):
            reports = []
            for run in range(runs):
                start = time.perf_counter()
                result = lighthouse(url + name)
                if result is None:
                    continue
                reports.append(result)
                note(f"  lighthouse {name} run {run + 1}/{runs}: "
                     + " ".join(f"{c} {reports[-1]['categories'][c]['score']:.2f}"
                                for c in CATEGORIES)
                     + f" ({time.perf_counter() - start:.0f} s)")
            if not reports:
                note(f"  lighthouse: no result for {name} (every run failed): not counted")
                continue
            scores[name] = {c: statistics.median(r["categories"][c]["score"] for r in reports)
                            for c in CATEGORIES}
            # The run whose performance is the median one tells what to fix.
            middle = sorted(reports,
                            key=lambda r: r["categories"]["performance"]["score"])[len(reports) // 2]
            for category in CATEGORIES:
                if scores[name][category] < 1:
                    note(f"    {name} {category} {scores[name][category]:.2f}: "
                         + "; ".join(failing_audits(middle, category)))
    if not scores:
        sys.exit("lighthouse gave no result on any page (see above)")
    for category in CATEGORIES:
        lowest = min(scores, key=lambda name: scores[name][category])
        note(f"  lowest {category}: {lowest}")
        report(f"lighthouse_{category.replace('-', '_')}_min", scores[lowest][category], "score",
               digits=2)


VNU = ROOT / "web" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def bench_vnu(site: Path) -> None:
    """The Nu Html Checker's errors over every built page (index.html included); the messages,
    grouped, with the pages they are on, go to stderr."""
    from urllib.parse import unquote, urlsplit

    from page_weight import ENTRY, site_pages

    if shutil.which("java") is None:
        sys.exit("the Nu Html Checker needs Java: make bench installs it (python3 "
                 "tools/system_deps.py bench), or sudo apt-get install default-jre-headless")
    files = [str(site.resolve() / name) for name in [*site_pages(site), ENTRY]]
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True)
    messages = [m for m in json.loads(result.stderr or '{"messages": []}')["messages"]
                if m.get("type") == "error" or m.get("subType") == "fatal"
                or m.get("type") == "non-document-error"]
    groups: dict[str, list[str]] = {}
    for message in messages:
        page = unquote(urlsplit(message.get("url", "")).path).removeprefix(f"{site.resolve()}/")
        groups.setdefault(message["message"], []).append(page)
    for text, pages in sorted(groups.items(), key=lambda item: -len(item[1])):
        counted = ", ".join(f"{p} x{pages.count(p)}" for p in sorted(set(pages)))
        note(f"  vnu {len(pages)}: {text} [{counted}]")
    report("vnu_errors", len(messages), "errors", digits=0)


def bench_packages_are_installed() -> bool:
    """Whether the npm development packages bench runs (Lighthouse, the Nu Html Checker) are
    installed at the versions web/package-lock.json pins (as build_book checks the site's)."""
    from build_book import WEB, _for_another_platform, _installed_version

    wanted = json.loads((WEB / "package-lock.json").read_text())["packages"]
    return all(_installed_version(key.removeprefix("node_modules/")) == info.get("version")
               for key, info in wanted.items()
               if key and info.get("dev") and not info.get("optional")
               and not _for_another_platform(info))


def install_bench_packages() -> None:
    """`npm ci` in web/ with the development packages, unless they are installed already
    (`make book` installs the site's packages only)."""
    from build_book import NPM_FAILED, NO_NPM, WEB, site_packages_are_installed

    if bench_packages_are_installed():
        return
    npm = shutil.which("npm")
    if npm is None:
        sys.exit(NO_NPM)
    note("Installing Lighthouse and the Nu Html Checker (npm ci in web/, with dev packages) ...")
    status = subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
                            cwd=WEB).returncode
    if status != 0 or not (bench_packages_are_installed() and site_packages_are_installed()):
        sys.exit(NPM_FAILED)


def bench_site_quality(site: Path) -> None:
    """What a reader's phone fetches, and the web's own checkers: transfer, the Nu Html Checker,
    Lighthouse."""
    install_bench_packages()
    bench_transfer(site)
    bench_vnu(site)
    runs = lighthouse_runs()
    if runs:
        bench_lighthouse(site, runs)


def bench_jupyter() -> None:
    """The explorers in JupyterLab in Chromium: from a key press on a control to the explorer
    redrawn (its sentence written), through the kernel where Python computes (medians). The step
    explorers (chapters 5 and 7): ``n`` within a block of ten iterations (no kernel), ``n`` into
    the next block (its data from the kernel), and 10000 typed in the iteration box."""
    from tests.test_jupyterlab_explorers import (lab_with_explorers, move_ms, run_notebook,
                                                 step_jump_ms, step_ms, step_next_block_ms)

    names = ("training", "activation", "step", "hidden_step")
    steps = {}
    with tempfile.TemporaryDirectory() as scratch, lab_with_explorers(Path(scratch), names) as lab:
        page = run_notebook(lab, "explorers.ipynb", list(names))
        iterations = move_ms(page, "training", "iterations", "ArrowLeft")  # no kernel: a step of the run
        z = move_ms(page, "activation", "z", "ArrowRight")  # the kernel computes the curves at z
        trained = move_ms(page, "training", "seed", "ArrowRight")  # two seeds, each run trained once
        new = move_ms(page, "training", "seed", "ArrowRight", repeats=5, alternate=False)  # new runs
        for name in ("step", "hidden_step"):
            steps[name] = (step_ms(page, name), step_next_block_ms(page, name),
                           step_jump_ms(page, name))
        page.close()
    report("jupyter_explorer_move_ms", trained, "ms")  # a seed move: through the kernel and back
    report("jupyter_explorer_move_ms_iterations", iterations, "ms")
    report("jupyter_explorer_move_ms_z", z, "ms")
    report("jupyter_explorer_move_ms_seed_new_run", new, "ms")  # and a new 10,000-step run trained
    for name, (within, next_block, jump) in steps.items():
        report(f"jupyter_{name}_ms", within, "ms")  # n: the next line, the block's data at hand
        report(f"jupyter_{name}_next_block_ms", next_block, "ms")  # n into a block from the kernel
        report(f"jupyter_{name}_jump_ms", jump, "ms")  # iteration 10000 typed: from the kernel


def bench_book_build() -> None:
    """Build a copy of the book twice: from nothing, then again with nothing changed."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "book"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", "_build", ".git", "node_modules"))
        for label in ("book_build_clean_s", "book_build_cached_s"):
            start = time.perf_counter()
            result = subprocess.run(
                [sys.executable, str(ROOT / "tools" / "build_book.py"), str(copy)],
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                sys.exit(f"the book did not build:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
            report(label, time.perf_counter() - start, "s")
        bench_page_weight(copy / "_build" / "html")
        bench_live_site(copy / "_build" / "html")
        bench_site_quality(copy / "_build" / "html")


if __name__ == "__main__":
    if "--help" in sys.argv or "-h" in sys.argv:
        print(__doc__)
        sys.exit()
    if "--sweeps" in sys.argv:  # only the two seed sweeps
        bench_sweeps()
        sys.exit()
    if "--sliders" in sys.argv:  # only the explorers' moves in the kernel
        bench_sliders()
        bench_other_explorers()
        sys.exit()
    if "--jupyter" in sys.argv:  # only the explorers' moves in JupyterLab
        bench_jupyter()
        sys.exit()
    if {"--site-only", "--quality-only"} & set(sys.argv):  # the site already built
        if not (ROOT / "_build" / "html" / "book").exists():
            sys.exit("no site in _build/html: build it first (python tools/build_book.py)")
        bench_page_weight(ROOT / "_build" / "html")
        if "--quality-only" not in sys.argv:
            bench_live_site(ROOT / "_build" / "html")
        bench_site_quality(ROOT / "_build" / "html")
        sys.exit()
    bench_training()
    bench_sweeps()
    bench_sliders()
    bench_other_explorers()
    bench_jupyter()
    if "--no-build" not in sys.argv:
        bench_book_build()
    elif (ROOT / "_build" / "html" / "book").exists():
        bench_page_weight(ROOT / "_build" / "html")
        bench_live_site(ROOT / "_build" / "html")
        bench_site_quality(ROOT / "_build" / "html")
