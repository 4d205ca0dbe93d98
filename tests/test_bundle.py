"""The explorers' bundles (tools/build_js.py): the committed Jupyter files equal a fresh build, the
site's files are written by content, and the build says what is wrong when it cannot run."""

import json
import re
import shutil
from pathlib import Path

import pytest

from tools import build_book, build_js

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """helpers/explorer.js and explorer.css as a fresh build writes them, in a folder of their own."""
    folder = tmp_path_factory.mktemp("fresh")
    build_js.build_jupyter(folder)
    return folder


@pytest.mark.parametrize("name", ["explorer.js", "explorer.css"])
def test_the_committed_bundle_equals_a_fresh_build(fresh, name):
    """Run `python tools/build_js.py` and commit helpers/explorer.* after changing web/live."""
    committed = (ROOT / "helpers" / name).read_bytes()
    assert committed == (fresh / name).read_bytes(), f"helpers/{name} is stale: run python tools/build_js.py"


def test_a_second_build_writes_the_same_bytes_and_leaves_the_files_alone(fresh, tmp_path):
    assert build_js.build_jupyter(tmp_path) == [tmp_path / "explorer.js", tmp_path / "explorer.css"]
    for name in ("explorer.js", "explorer.css"):
        assert (tmp_path / name).read_bytes() == (fresh / name).read_bytes(), name
    assert build_js.build_jupyter(tmp_path) == [], "nothing written when nothing changed"


def test_the_jupyter_bundle_is_one_module_with_uplot_and_the_text_but_no_network(fresh):
    code = (fresh / "explorer.js").read_text()
    assert code.startswith(f"// {build_js.HEADER}\n")
    assert not re.search(r"^import\b", code, re.MULTILINE), "one file: nothing left to import"
    assert re.search(r"^export \{[^}]*\bwidget_default as default\b", code, re.MULTILINE), "anywidget's default"
    assert "node_modules/uplot/dist/uPlot.esm.js" in code, "uPlot inlined"
    text = json.loads((ROOT / "helpers" / "explorer_text.json").read_text())
    assert json.dumps(text["caption"]["jupyter"])[1:-1] in code, "the explorers' text inlined"
    assert "live/network.js" not in code and "live/hidden.js" not in code, "Python computes in Jupyter"
    assert "/work/" not in code and str(ROOT) not in code, "no path of the build machine"


def test_the_stylesheet_is_uplots_then_the_explorers(fresh):
    css = (fresh / "explorer.css").read_text()
    uplot = build_js.UPLOT_CSS.read_text().strip()
    own = (build_js.LIVE / "explorers.css").read_text().strip()
    assert css.startswith(f"/* {build_js.HEADER} */") and css.index(uplot) < css.index(own)


def test_the_site_bundle_holds_the_engine_and_replaces_what_was_there(tmp_path):
    live = tmp_path / "live"
    live.mkdir()
    (live / "network.js").write_text("an old build's file")
    assert sorted(p.name for p in build_js.build_site(live)) == ["explorers.css", "explorers.js"]
    assert sorted(p.name for p in live.iterdir()) == ["explorers.css", "explorers.js"]
    code = (live / "explorers.js").read_text()
    assert "live/network.js" in code and "live/hidden.js" in code and "live/engine.js" in code
    assert build_js.build_site(live) == [], "written by content: unchanged files keep their time"


def test_build_book_bundles_the_site_into_site_extra(tmp_path):
    build_book.build_live_assets(tmp_path)
    live = tmp_path / "_build" / "site_extra" / "live"
    assert sorted(p.name for p in live.iterdir()) == ["explorers.css", "explorers.js"]


def test_without_esbuild_the_build_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setattr(build_js, "ESBUILD", tmp_path / "esbuild")
    with pytest.raises(SystemExit, match=r"(?s)esbuild is missing.*npm ci"):
        build_js.build_jupyter(tmp_path)


def test_a_module_esbuild_cannot_bundle_is_one_message(monkeypatch, tmp_path):
    live = tmp_path / "live"
    live.mkdir()
    (live / "widget.js").write_text('import {nothing} from "./missing.js";\n')
    monkeypatch.setattr(build_js, "WEB", tmp_path)
    with pytest.raises(SystemExit, match=r"esbuild failed to bundle web/live/widget.js:(.|\n)*missing.js"):
        build_js.bundle("widget.js")


def test_the_command_line_writes_the_jupyter_files_and_the_site_on_request(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(build_js, "JUPYTER", tmp_path / "helpers")
    assert build_js.main(["--site", str(tmp_path / "site")]) == 0
    assert sorted(p.name for p in (tmp_path / "helpers").iterdir()) == ["explorer.css", "explorer.js"]
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["explorers.css", "explorers.js"]
    assert build_js.main(["--nonsense"]) == 2 and "--site DIR" in capsys.readouterr().err


def test_esbuilds_binaries_for_other_systems_are_not_needed(tmp_path, monkeypatch):
    """The lock lists esbuild's binary for every system; npm installs only this system's."""
    shutil.copytree(build_book.WEB / "node_modules", tmp_path / "node_modules")
    for name in ("package.json", "package-lock.json"):
        shutil.copy(build_book.WEB / name, tmp_path / name)
    monkeypatch.setattr(build_book, "WEB", tmp_path)
    locked = json.loads((tmp_path / "package-lock.json").read_text())["packages"]
    assert sum(1 for key in locked if key.startswith("node_modules/@esbuild/")) > 10
    assert build_book.site_packages_are_installed()
    own = [key for key, info in locked.items() if key.startswith("node_modules/@esbuild/")
           and not build_book._for_another_platform(info)]
    assert len(own) == 1, own
    shutil.rmtree(tmp_path / own[0])
    assert not build_book.site_packages_are_installed(), "this system's binary is needed"
