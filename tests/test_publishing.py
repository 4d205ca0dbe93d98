"""The GitHub Pages workflow: valid by GitHub's workflow schema (checked offline, with the schema
check-jsonschema ships), and it publishes what `make book` builds."""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
CHECK = [str(Path(sys.executable).parent / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows"]


def check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*CHECK, str(path)], capture_output=True, text=True, timeout=120)


def test_the_workflow_is_valid_by_githubs_schema():
    result = check(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("broken", [
    {"on": {"push": None}, "jobs": {"build": {"steps": [{"run": "make book"}]}}},  # no runs-on
    {"on": "push", "jobs": {"build": {"runs-on": "ubuntu-24.04", "steps": "make book"}}},  # steps not a list
    {"jobs": {"build": {"runs-on": "ubuntu-24.04", "steps": [{"run": "make book"}]}}},  # no trigger
])
def test_the_schema_check_catches_a_broken_workflow(tmp_path, broken):
    path = tmp_path / "broken.yml"
    path.write_text(yaml.safe_dump(broken))
    assert check(path).returncode != 0


def test_the_workflow_builds_with_make_book_and_publishes_the_site():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    build = workflow["jobs"]["build"]["steps"]
    assert [step["run"] for step in build if "run" in step] == ["make book"]
    [upload] = [step for step in build if step.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert upload["with"]["path"] == "_build/html"
    [deploy] = workflow["jobs"]["deploy"]["steps"]
    assert deploy["uses"].startswith("actions/deploy-pages@") and workflow["jobs"]["deploy"]["needs"] == "build"
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
