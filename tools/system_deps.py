"""Install the system programs `make book` and `make test` need, when they are missing.

Usage: python3 tools/system_deps.py book|test|bench

- book: Python's venv module with ensurepip (Debian ships it apart, as python3-venv), to create
  .venv; Node.js with npm (tools/build_book.py fetches MathJax from the npm registry);
- test: the same, and Chromium for the browser tests (tests/test_site_in_browser.py);
- bench: the same as test, and Java (Debian's default-jre-headless) for the Nu Html Checker
  that benchmarks/bench.py runs (vnu-jar); nothing else needs Java.

What is missing is installed from Debian/Ubuntu packages with apt-get, as root or through
`sudo -n` (never a password prompt). Where that is not possible (no apt-get, as on macOS or
Windows; not root and no password-less sudo; no `chromium` package, as on Ubuntu, which ships
Chromium as a snap; or NO_SYSTEM_INSTALL=1 in the environment) the script stops at once with
one message that names the command to run. Only the standard library is used, so this runs
with the system's Python before .venv exists.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import shutil
import subprocess
import sys

# Where the browser tests look for Chromium, in this order (see tests/test_site_in_browser.py):
# $CHROMIUM, then `chromium` on PATH, then this path.
DEFAULT_CHROMIUM = "/usr/bin/chromium"
OPT_OUT = "NO_SYSTEM_INSTALL"
APT = {"venv": ["python3-venv"], "npm": ["nodejs", "npm"], "chromium": ["chromium"],
       "java": ["default-jre-headless"]}
WHAT = {"venv": "Python's venv module (to create .venv)", "npm": "Node.js with npm (to fetch MathJax)",
        "chromium": "Chromium (for the browser tests)",
        "java": "Java (for the Nu Html Checker)"}
NEEDS = {"book": ["venv", "npm"], "test": ["venv", "npm", "chromium"],
         "bench": ["venv", "npm", "chromium", "java"]}
BREW = {"venv": "brew install python@3.11", "npm": "brew install node", "chromium": "brew install --cask chromium",
        "java": "brew install openjdk"}


class CannotInstall(Exception):
    """Why the missing programs cannot be installed here; the message is shown as it is."""


def chromium_path() -> str | None:
    """The Chromium the browser tests would use, or None if there is none."""
    wanted = os.environ.get("CHROMIUM") or shutil.which("chromium") or DEFAULT_CHROMIUM
    return wanted if os.path.isfile(wanted) and os.access(wanted, os.X_OK) else None


def has_venv() -> bool:
    """Whether this Python can create a virtual environment with pip in it (venv and ensurepip)."""
    importlib.invalidate_caches()  # it may have been installed a moment ago
    return all(importlib.util.find_spec(name) is not None for name in ("venv", "ensurepip"))


def missing(target: str) -> list[str]:
    """The programs ``target`` needs that are not installed."""
    found = {"venv": has_venv, "npm": lambda: shutil.which("npm") is not None,
             "chromium": lambda: chromium_path() is not None,
             "java": lambda: shutil.which("java") is not None}
    return [program for program in NEEDS[target] if not found[program]()]


def packages(programs: list[str]) -> list[str]:
    return [package for program in programs for package in APT[program]]


def apt_prefix() -> list[str] | None:
    """How to run apt-get without a question: directly as root, else through `sudo -n`."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return ["env", "DEBIAN_FRONTEND=noninteractive"]
    sudo = shutil.which("sudo")
    if sudo and subprocess.run([sudo, "-n", "true"], capture_output=True).returncode == 0:
        # `env` inside sudo, because sudo drops DEBIAN_FRONTEND from the environment.
        return [sudo, "-n", "env", "DEBIAN_FRONTEND=noninteractive"]
    return None


def manual_command(programs: list[str]) -> str:
    """The command a person should run to install ``programs`` on this machine."""
    if sys.platform == "darwin":
        return " && ".join(BREW[p] for p in programs)
    if shutil.which("apt-get"):
        return "sudo apt-get install " + " ".join(packages(programs))
    return "your system's package manager (packages: " + ", ".join(packages(programs)) + ")"


def explain(target: str, programs: list[str], why: str) -> str:
    names = " and ".join(WHAT[p] for p in programs)
    which = "which is" if len(programs) == 1 else "which are"
    lines = [f"make {target} needs {names}, {which} missing: {why}.", f"Install with:  {manual_command(programs)}"]
    if "chromium" in programs:
        lines.append("or set CHROMIUM to the path of a Chromium or Chrome executable.")
    lines.append(f"Then run make {target} again.")
    return "\n".join(lines)


def has_candidate(package: str) -> bool:
    """Whether apt knows a version of ``package`` it could install."""
    out = subprocess.run(["apt-cache", "policy", package], capture_output=True, text=True).stdout
    return "Candidate:" in out and "Candidate: (none)" not in out


def ensure(target: str) -> None:
    """Install what ``target`` needs and is missing, or raise CannotInstall saying what to do."""
    programs = missing(target)
    if not programs:
        return
    chromium_env = os.environ.get("CHROMIUM")
    if "chromium" in programs and chromium_env:
        raise CannotInstall(f"CHROMIUM is set to {chromium_env}, which is not an executable file.\n"
                            f"Unset CHROMIUM (make {target} then installs Debian's chromium), or set it "
                            "to the path of a Chromium or Chrome executable.")
    if os.environ.get(OPT_OUT, "") not in ("", "0"):
        raise CannotInstall(explain(target, programs, f"{OPT_OUT} is set, so nothing is installed"))
    if not shutil.which("apt-get"):
        raise CannotInstall(explain(target, programs, "there is no apt-get here to install with"))
    prefix = apt_prefix()
    if prefix is None:
        raise CannotInstall(explain(target, programs, "installing needs root or password-less sudo"))
    wanted = packages(programs)
    print(f"make {target}: installing {' '.join(wanted)} with apt-get ...", flush=True)
    if subprocess.run([*prefix, "apt-get", "update", "-qq"]).returncode != 0:
        raise CannotInstall(explain(target, programs, "`apt-get update` failed (see above)"))
    if "chromium" in wanted and not has_candidate("chromium"):
        raise CannotInstall(
            f"make {target} needs Chromium for the browser tests, and this system has no `chromium` apt "
            "package (Ubuntu ships Chromium only as a snap).\nInstall it with:  sudo snap install chromium\n"
            f"or set CHROMIUM to the path of a Chromium or Chrome executable. Then run make {target} again.")
    command = [*prefix, "apt-get", "install", "-y", "-qq", *wanted]
    if subprocess.run(command).returncode != 0 or missing(target):
        raise CannotInstall(explain(target, missing(target) or programs, "`apt-get install` did not install it all (see above)"))


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in NEEDS:
        print(f"usage: python3 tools/system_deps.py {'|'.join(NEEDS)}", file=sys.stderr)
        return 2
    try:
        ensure(argv[0])
    except CannotInstall as reason:
        print(reason, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
