"""guidebuild.browser: which Chromium or Chrome the PDF, the browser tests and Lighthouse use.

Every case builds its own machine in a temporary folder (fake executables, its own PATH, its own
"Debian chromium" path), so no real browser is needed and the machine's own browsers do not count.
"""

import subprocess
import sys
from pathlib import Path

import pytest
from guidebuild import browser
from guidebuild.browser import BrowserNotFound, find_browser, is_snap

from tests.guide import ROOT

SNAP_WRAPPER = """#! /bin/sh
if ! [ -x /snap/bin/chromium ]; then
    echo "Command '$0' requires the chromium snap to be installed." >&2
    exit 1
fi
exec /snap/bin/chromium "$@"
"""
DEBIAN_LAUNCHER = """#!/bin/sh
# Chromium launcher
LIBDIR=/usr/lib/chromium
exec $LIBDIR/chromium "$@"
"""


def program(path, text="#!/bin/sh\nexit 0\n", executable=True):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(0o755 if executable else 0o644)
    return path


@pytest.fixture
def machine(tmp_path, monkeypatch):
    """An empty PATH folder and no Debian chromium; tests add what their machine has."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setattr(browser, "DEBIAN_CHROMIUM", str(tmp_path / "usr-bin-chromium"))
    return {"PATH": str(bin_dir)}, tmp_path


def test_the_environment_variable_wins(machine):
    env, tmp = machine
    program(tmp / "usr-bin-chromium", DEBIAN_LAUNCHER)
    program(tmp / "bin" / "google-chrome")
    chosen = program(tmp / "opt" / "chrome")
    assert find_browser({**env, "MLSGUIDE_CHROMIUM": str(chosen)}) == chosen


def test_an_environment_variable_naming_nothing_usable_is_an_error(machine):
    env, tmp = machine
    program(tmp / "bin" / "google-chrome")  # not silently used instead
    not_executable = program(tmp / "chrome", executable=False)
    for given, problem in ((tmp / "missing", "no such file"), (not_executable, "not executable")):
        with pytest.raises(BrowserNotFound) as error:
            find_browser({**env, "MLSGUIDE_CHROMIUM": str(given)})
        assert f"MLSGUIDE_CHROMIUM={given}: {problem}" in str(error.value)


def test_debian_chromium_comes_before_chrome_on_path(machine):
    env, tmp = machine
    debian = program(tmp / "usr-bin-chromium", DEBIAN_LAUNCHER)  # a launcher script, not a snap
    program(tmp / "bin" / "google-chrome")
    assert find_browser(env) == debian


def test_google_chrome_on_path_is_found(machine):
    env, tmp = machine
    chrome = program(tmp / "bin" / "google-chrome-stable")
    assert find_browser(env) == chrome


def test_a_snap_is_refused_and_the_next_browser_is_used(machine):
    """Ubuntu: its chromium package's launcher where Debian's chromium would be, and Google Chrome."""
    env, tmp = machine
    program(tmp / "usr-bin-chromium", SNAP_WRAPPER)
    chrome = program(tmp / "bin" / "google-chrome")
    assert find_browser(env) == chrome


def test_a_snap_alone_is_not_a_browser(machine):
    env, tmp = machine
    wrapper = program(tmp / "bin" / "chromium", SNAP_WRAPPER)
    with pytest.raises(BrowserNotFound) as error:
        find_browser(env)
    assert f"{wrapper}: a snap" in str(error.value)


def test_paths_under_snap_are_snaps():
    assert is_snap(Path("/snap/bin/chromium"))  # decided by the path, before reading it


def test_no_browser_says_what_to_install(machine):
    env, _ = machine
    with pytest.raises(BrowserNotFound) as error:
        find_browser(env)
    message = str(error.value)
    assert message.startswith("No Chromium or Chrome found.")
    assert "on Debian `apt-get install chromium`" in message
    assert "on Ubuntu" in message and "install Google Chrome" in message
    assert "actions/runner-images#12096" in message and "MLSGUIDE_CHROMIUM" in message


def run_module_with_only_the_standard_library(env):
    """As .ci/system-packages.sh runs it: the system Python, before anything is installed (-S: no
    site-packages, so an import from outside the standard library fails here)."""
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import runpy; "
            "runpy.run_module('guidebuild.browser', run_name='__main__')")
    return subprocess.run([sys.executable, "-S", "-c", code, str(ROOT / "overrides")],
                          env=env, capture_output=True, text=True, timeout=30)


def test_the_module_runs_on_the_standard_library_alone(machine):
    env, tmp = machine
    chrome = program(tmp / "chrome")
    found = run_module_with_only_the_standard_library({**env, "MLSGUIDE_CHROMIUM": str(chrome)})
    assert (found.returncode, found.stdout.strip(), found.stderr) == (0, str(chrome), "")
    missing = run_module_with_only_the_standard_library({**env, "MLSGUIDE_CHROMIUM": str(tmp / "no")})
    assert missing.returncode == 1 and "apt-get install chromium" in missing.stderr
