"""benchmarks/bench.py's site figures, the parts that need no browser: whether Lighthouse and the
Nu Html Checker (npm dev packages) must be installed, and what a Lighthouse report says to fix."""

import importlib.util
import json
from pathlib import Path

import pytest

import build_book

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench.py"
_spec = importlib.util.spec_from_file_location("bench", BENCH)
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def lock(web: Path, packages: dict, installed: dict):
    (web / "package-lock.json").write_text(json.dumps({"packages": {"": {}, **packages}}))
    for name, version in installed.items():
        folder = web / "node_modules" / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "package.json").write_text(json.dumps({"version": version}))


@pytest.mark.parametrize("installed, expected", [
    ({"lighthouse": "12.2.3", "vnu-jar": "26.9.27"}, True),
    ({"lighthouse": "12.2.2", "vnu-jar": "26.9.27"}, False),  # another version
    ({"vnu-jar": "26.9.27"}, False),  # missing
])
def test_bench_installs_its_dev_packages_only_when_one_is_missing(tmp_path, monkeypatch,
                                                                  installed, expected):
    monkeypatch.setattr(build_book, "WEB", tmp_path)
    lock(tmp_path, {
        "node_modules/lighthouse": {"version": "12.2.3", "dev": True},
        "node_modules/vnu-jar": {"version": "26.9.27", "dev": True},
        "node_modules/uplot": {"version": "1.6.32"},  # the site's: build_book's business
        "node_modules/fsevents": {"version": "2.3.3", "dev": True, "optional": True},
    }, installed)
    assert bench.bench_packages_are_installed() is expected


def test_failing_audits_name_what_lowers_a_score_and_what_was_found():
    report = {
        "audits": {
            "errors-in-console": {"score": 0, "details": {"items": [
                {"description": "Failed to load resource: 404 (Not Found)"}]}},
            "first-contentful-paint": {"score": 0.01, "displayValue": "9.6 s",
                                       "details": {"items": [{"url": "not shown"}]}},
            "image-alt": {"score": 1},
            "informative": {"score": 0},
        },
        "categories": {"best-practices": {"auditRefs": [
            {"id": "errors-in-console", "weight": 1}, {"id": "first-contentful-paint", "weight": 10},
            {"id": "image-alt", "weight": 1}, {"id": "informative", "weight": 0}]}},
    }
    assert bench.failing_audits(report, "best-practices") == [
        "errors-in-console 0.00 [Failed to load resource: 404 (Not Found)]",
        "first-contentful-paint 0.01 (9.6 s)"]
