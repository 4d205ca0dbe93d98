"""tools/mutation_score.py, which reads mutmut's results for `make mutants`, on results made here."""

import json
from pathlib import Path

import pytest

import mutation_score


def write_results(folder: Path, codes: dict) -> Path:
    (folder / "helpers").mkdir(parents=True)
    meta = {"exit_code_by_key": codes, "hash_by_function_name": {}}
    (folder / "helpers" / "network.py.meta").write_text(json.dumps(meta))
    return folder


@pytest.mark.parametrize(
    "code, expected",
    [(1, "killed"), (3, "killed"), (36, "killed"), (0, "survived"), (5, "no tests"), (33, "no tests"),
     (34, "skipped"), (None, "not checked"), (-11, "suspicious")],
)
def test_each_exit_code_of_mutmut_gets_its_status(code, expected):
    assert mutation_score.status(code) == expected


def test_the_score_counts_only_killed_mutants_and_leaves_out_skipped_ones(tmp_path):
    codes = {"a__mutmut_1": 1, "a__mutmut_2": 0, "a__mutmut_3": 5, "a__mutmut_4": 34, "a__mutmut_5": 36}
    results = mutation_score.read_results(write_results(tmp_path, codes))
    assert results["a__mutmut_3"] == "no tests"
    assert mutation_score.score(results) == pytest.approx(50.0)  # 2 killed of 4 counted


def test_equivalent_mutants_are_read_with_their_reasons(tmp_path):
    listed = tmp_path / "equivalent.txt"
    listed.write_text("# a comment\n\nhelpers.x__mutmut_1  the same value either way\nhelpers.y__mutmut_2\n")
    assert mutation_score.read_equivalent(listed) == {
        "helpers.x__mutmut_1": "the same value either way", "helpers.y__mutmut_2": ""}
    assert mutation_score.read_equivalent(tmp_path / "missing.txt") == {}


def test_the_report_lists_survivors_and_fails_below_the_target(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(mutation_score, "EQUIVALENT", tmp_path / "equivalent.txt")
    (tmp_path / "equivalent.txt").write_text("m__mutmut_2  cannot change the result\n")
    folder = write_results(tmp_path / "mutants", {"m__mutmut_1": 1, "m__mutmut_2": 0, "m__mutmut_3": 0})
    monkeypatch.setattr(mutation_score, "ROOT", tmp_path)
    assert mutation_score.main(folder) == 1
    out = capsys.readouterr().out
    assert "mutation_score: 33.3 %" in out
    assert "m__mutmut_3  (survived)" in out and "m__mutmut_2: cannot change the result" in out


def test_the_report_passes_at_the_target_and_says_when_there_are_no_results(tmp_path, capsys):
    codes = {f"m__mutmut_{i}": (0 if i == 0 else 1) for i in range(10)}
    assert mutation_score.main(write_results(tmp_path / "mutants", codes)) == 0
    assert "mutation_score: 90.0 %" in capsys.readouterr().out
    assert mutation_score.main(tmp_path / "nothing") == 2
    assert "run `make mutants` first" in capsys.readouterr().err
