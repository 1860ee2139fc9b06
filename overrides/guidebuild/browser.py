"""The browser that prints the PDF, runs the browser tests and Lighthouse: where it is, and its flags.

Looked for in this order:

1. the environment variable MLSGUIDE_CHROMIUM, the path of a Chromium or Chrome executable (an
   error if it names nothing usable);
2. Debian's Chromium, /usr/bin/chromium (`apt-get install chromium`);
3. Google Chrome or a Chromium on PATH (google-chrome, google-chrome-stable, chrome, chromium,
   chromium-browser), as GitHub's Ubuntu runners carry Google Chrome.

A snap is refused: Ubuntu's `chromium` package only installs a wrapper that runs the Chromium snap,
which does not start in containers or CI (actions/runner-images#12096). No tool downloads a
browser of its own.

`python3 -m guidebuild.browser` prints the path, or the error and exit status 1; run with the
system Python by `.ci/system-packages.sh` before anything is installed, so this module imports
nothing outside the standard library.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ENV_VAR = "MLSGUIDE_CHROMIUM"
DEBIAN_CHROMIUM = "/usr/bin/chromium"
ON_PATH = ("google-chrome", "google-chrome-stable", "chrome", "chromium", "chromium-browser")

# For every launch: no sandbox (the tests and CI run as root, where Chromium's sandbox refuses to
# start), no GPU, and nothing that reaches the network on its own (updates, sync, QUIC probes).
# Playwright adds its own headless flag; a launcher that does not (Lighthouse's) adds HEADLESS.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]
HEADLESS = "--headless=new"

INSTALL_HINT = (
    "Install one: on Debian `apt-get install chromium`; on Ubuntu, whose chromium package is a snap "
    "that does not run in containers or CI (actions/runner-images#12096), install Google Chrome "
    "(google-chrome-stable). Or set MLSGUIDE_CHROMIUM to the path of a Chromium or Chrome executable."
)


class BrowserNotFound(RuntimeError):
    """No usable Chromium or Chrome on this machine."""


def find_browser(environ: dict[str, str] | None = None) -> Path:
    """The Chromium or Chrome executable to use (see the module's docstring for the order)."""
    environ = os.environ if environ is None else environ
    given = environ.get(ENV_VAR)
    if given:
        problem = why_unusable(Path(given))
        if problem:
            raise BrowserNotFound(f"{ENV_VAR}={given}: {problem}. {INSTALL_HINT}")
        return Path(given)
    candidates = [Path(DEBIAN_CHROMIUM)]
    candidates += [Path(found) for name in ON_PATH
                   if (found := shutil.which(name, path=environ.get("PATH", os.defpath)))]
    refused = []
    for candidate in candidates:
        problem = why_unusable(candidate)
        if problem is None:
            return candidate
        if candidate.exists():
            refused.append(f"{candidate}: {problem}")
    seen = f" (found but refused: {'; '.join(refused)})" if refused else ""
    raise BrowserNotFound(f"No Chromium or Chrome found{seen}. {INSTALL_HINT}")


def why_unusable(path: Path) -> str | None:
    """None for a browser this project can start, else the reason it cannot."""
    if not path.is_file():
        return "no such file"
    if not os.access(path, os.X_OK):
        return "not executable"
    if is_snap(path):
        return "a snap, which does not run in containers or CI"
    return None


def is_snap(path: Path) -> bool:
    """A program under /snap/, or a launcher script that runs one (Ubuntu's chromium-browser)."""
    if "snap" in path.resolve().parts[:2]:  # /snap/bin/chromium and the links to it
        return True
    with path.open("rb") as program:
        start = program.read(64 * 1024)
    return start.startswith(b"#!") and b"/snap/" in start


def main() -> int:
    try:
        print(find_browser())
    except BrowserNotFound as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
