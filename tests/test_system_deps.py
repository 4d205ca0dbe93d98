"""tools/system_deps.py: `make book` and `make test` install what they need, or say what to run."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import system_deps

ROOT = Path(__file__).resolve().parent.parent


def test_cannot_install_gives_one_short_message_with_the_command(tmp_path):
    """Nothing to be found and installing turned off: a short message, no traceback."""
    (tmp_path / "apt-get").write_text("#!/bin/sh\nexit 99\n")  # must never run
    (tmp_path / "apt-get").chmod(0o755)
    env = {"PATH": str(tmp_path), "CHROMIUM": "", "NO_SYSTEM_INSTALL": "1", "HOME": str(tmp_path)}
    code = (f"import sys; sys.path.insert(0, {str(ROOT / 'tools')!r}); import system_deps as s; "
            f"s.DEFAULT_CHROMIUM = {str(tmp_path / 'no-chromium')!r}; sys.exit(s.main(['test']))")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert "sudo apt-get install nodejs npm chromium" in result.stderr
    assert "Then run make test again." in result.stderr
    assert len(result.stderr.splitlines()) <= 4, result.stderr


def test_the_script_itself_reports_bad_usage_without_a_traceback():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "system_deps.py"), "nonsense"],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "usage:" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("target", ["book", "test", "bench"])
def test_make_checks_the_system_first(target):
    """`make book` and `make test` run the check before anything else (a dry run: nothing happens)."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}  # under make test
    result = subprocess.run(["make", "-n", "-B", "--no-print-directory", target], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith(f"tools/system_deps.py {target}"), result.stdout


@pytest.mark.parametrize("uid, flags", [("0", ["--allow-root"]), ("1000", [])])
def test_make_lab_lets_root_start_jupyterlab(tmp_path, uid, flags):
    """JupyterLab refuses to run as root unless told it may: `make lab` tells it, for root only (a dry run)."""
    (tmp_path / "id").write_text(f"#!/bin/sh\necho {uid}\n")  # `id -u` as root, or as a user
    (tmp_path / "id").chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    env["PATH"] = f"{tmp_path}:{env['PATH']}"
    result = subprocess.run(["make", "-n", "--no-print-directory", "lab"], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    [lab] = [line for line in result.stdout.splitlines() if "jupyter lab" in line]
    assert lab.split()[1:] == ["lab", *flags, "--LabApp.app_settings_dir=_build/reader/jupyterlab-settings",
                               "_build/reader"], lab


def test_ci_runs_the_readme_commands_and_nothing_else():
    commands = [line for line in (ROOT / ".ci" / "run").read_text().splitlines()
                if line.strip() and not line.startswith(("#", "set ", "cd "))]
    assert commands == ["make book", "make test"]
    assert "make book\nmake test\n" in (ROOT / "README.md").read_text()


class FakeSystem:
    """Records the commands system_deps runs; `apt-get install` 'installs' Chromium, npm, Java."""

    def __init__(self, monkeypatch, root=True, sudo_works=False, candidate=True, apt=True):
        self.commands, self.installed, self.candidate, self.sudo_works = [], False, candidate, sudo_works
        monkeypatch.setattr(system_deps, "has_venv", lambda: True)
        monkeypatch.setattr(system_deps.os, "geteuid", lambda: 0 if root else 1000)
        monkeypatch.setattr(system_deps.subprocess, "run", self.run)
        monkeypatch.setattr(system_deps.sys, "platform", "linux")
        monkeypatch.delenv("CHROMIUM", raising=False)
        monkeypatch.delenv(system_deps.OPT_OUT, raising=False)
        tools = {"apt-get": "/usr/bin/apt-get" if apt else None, "sudo": "/usr/bin/sudo"}
        monkeypatch.setattr(system_deps.shutil, "which",
                            lambda name: ("/usr/bin/" + name if self.installed else None) if name in ("npm", "chromium", "java")
                            else tools.get(name))
        monkeypatch.setattr(system_deps, "chromium_path", lambda: "/usr/bin/chromium" if self.installed else None)

    def run(self, command, **kwargs):
        self.commands.append(command)
        if command[:2] == ["/usr/bin/sudo", "-n"] and command[2] == "true":
            return subprocess.CompletedProcess(command, 0 if self.sudo_works else 1, "", "")
        if command[:3] == ["apt-cache", "policy", "chromium"]:
            return subprocess.CompletedProcess(command, 0, "chromium:\n  Installed: (none)\n  Candidate: "
                                               + ("156.0-1" if self.candidate else "(none)") + "\n", "")
        if "install" in command:
            self.installed = True
        return subprocess.CompletedProcess(command, 0, "", "")


def test_as_root_apt_get_installs_what_is_missing_without_questions(monkeypatch):
    system = FakeSystem(monkeypatch, root=True)
    system_deps.ensure("test")
    apt = [c for c in system.commands if "apt-get" in c]
    prefix = ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get"]
    assert apt == [[*prefix, "update", "-qq"], [*prefix, "install", "-y", "-qq", "nodejs", "npm", "chromium"]]


def test_bench_also_installs_java_for_the_nu_html_checker(monkeypatch):
    system = FakeSystem(monkeypatch, root=True)
    system_deps.ensure("bench")
    assert system.commands[-1] == ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install",
                                   "-y", "-qq", "nodejs", "npm", "chromium", "default-jre-headless"]


def test_bench_needs_only_java_when_the_rest_is_there(monkeypatch):
    """Chromium and npm present, Java missing: only Java is installed, and only for bench."""
    system = FakeSystem(monkeypatch, root=True)
    present = system_deps.shutil.which
    monkeypatch.setattr(system_deps.shutil, "which",
                        lambda name: present(name) if name == "java" else present(name)
                        or ("/usr/bin/" + name if name in ("npm", "chromium") else None))
    monkeypatch.setattr(system_deps, "chromium_path", lambda: "/usr/bin/chromium")
    system_deps.ensure("test")
    assert system.commands == []
    system_deps.ensure("bench")
    assert system.commands[-1] == ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install",
                                   "-y", "-qq", "default-jre-headless"]


def test_without_root_it_goes_through_sudo_n_and_keeps_debian_frontend(monkeypatch):
    system = FakeSystem(monkeypatch, root=False, sudo_works=True)
    system_deps.ensure("book")
    assert ["/usr/bin/sudo", "-n", "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq",
            "nodejs", "npm"] in system.commands


def test_nothing_is_run_when_nothing_is_missing(monkeypatch):
    system = FakeSystem(monkeypatch)
    system.installed = True
    system_deps.ensure("test")
    assert system.commands == []


@pytest.mark.parametrize("situation, expected", [
    (dict(root=False, sudo_works=False), "sudo apt-get install nodejs npm chromium"),
    (dict(apt=False), "package manager (packages: nodejs, npm, chromium)"),
    (dict(candidate=False), "sudo snap install chromium"),
])
def test_where_it_cannot_install_it_names_the_command(monkeypatch, situation, expected):
    system = FakeSystem(monkeypatch, **situation)
    with pytest.raises(system_deps.CannotInstall, match="Then run make test again") as error:
        system_deps.ensure("test")
    assert expected in str(error.value)
    assert not any("install" in c for c in system.commands if c[0] != "apt-cache")


def test_on_macos_it_names_homebrew(monkeypatch):
    FakeSystem(monkeypatch, apt=False)
    monkeypatch.setattr(system_deps.sys, "platform", "darwin")
    with pytest.raises(system_deps.CannotInstall, match="brew install node && brew install --cask chromium"):
        system_deps.ensure("test")


def test_the_opt_out_installs_nothing(monkeypatch):
    system = FakeSystem(monkeypatch)
    monkeypatch.setenv(system_deps.OPT_OUT, "1")
    with pytest.raises(system_deps.CannotInstall, match="NO_SYSTEM_INSTALL is set"):
        system_deps.ensure("book")
    assert system.commands == []


def test_a_chromium_variable_that_names_nothing_is_reported_not_overruled(monkeypatch):
    system = FakeSystem(monkeypatch)
    monkeypatch.setenv("CHROMIUM", "/no/such/chrome")
    with pytest.raises(system_deps.CannotInstall, match="CHROMIUM is set to /no/such/chrome"):
        system_deps.ensure("test")
    assert system.commands == []


def test_the_lookup_order_matches_the_browser_tests(monkeypatch, tmp_path):
    """$CHROMIUM, then chromium on PATH, then /usr/bin/chromium, as the browser tests look."""
    for name in ("chrome", "path/chromium", "default"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("#!/bin/sh\n")
        (tmp_path / name).chmod(0o755)
    monkeypatch.setattr(system_deps, "DEFAULT_CHROMIUM", str(tmp_path / "default"))
    monkeypatch.setenv("PATH", str(tmp_path / "path"))
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "chrome"))
    assert system_deps.chromium_path() == str(tmp_path / "chrome")
    monkeypatch.delenv("CHROMIUM")
    assert system_deps.chromium_path() == str(tmp_path / "path" / "chromium")
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    assert system_deps.chromium_path() == str(tmp_path / "default")
    monkeypatch.setattr(system_deps, "DEFAULT_CHROMIUM", str(tmp_path / "nothing"))
    assert system_deps.chromium_path() is None


def test_a_python_without_venv_gets_python3_venv(monkeypatch):
    """Debian's python3 comes without ensurepip until python3-venv is installed."""
    system = FakeSystem(monkeypatch)
    system.installed = True  # npm and Chromium are there
    venv = {"there": False}
    monkeypatch.setattr(system_deps, "has_venv", lambda: venv["there"])
    original = system.run

    def run(command, **kwargs):
        if "install" in command:
            venv["there"] = True
        return original(command, **kwargs)

    monkeypatch.setattr(system_deps.subprocess, "run", run)
    system_deps.ensure("book")
    assert ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "python3-venv"] in system.commands


def test_has_venv_looks_for_venv_and_ensurepip(monkeypatch):
    assert system_deps.has_venv()  # the Python running the tests has both
    real = system_deps.importlib.util.find_spec
    monkeypatch.setattr(system_deps.importlib.util, "find_spec", lambda name: None if name == "ensurepip" else real(name))
    assert not system_deps.has_venv()
