"""Which edition a build is: the commit and its date, printed on the PDF's cover."""

from __future__ import annotations

import subprocess
from datetime import date

from guidebuild.paths import ROOT


def edition() -> tuple[str, str]:
    """(short commit, commit date) of the checkout; outside git, a note and the build date."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%h %cs"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
        return out[0], out[1]
    except (OSError, subprocess.CalledProcessError, IndexError):
        return "not a git checkout", date.today().isoformat()
