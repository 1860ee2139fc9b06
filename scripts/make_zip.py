"""Zip the built site as the offline edition: unzip anywhere, open index.html, no server needed.

Input: the strict build in `site/` (links end in .html and search has a file:// index, because
Material's offline plugin is on in every build). The zip holds it under `mls-c01-study-guide/`,
the PDF included, but not an earlier copy of the zip itself.
Output: `build/mls-c01-study-guide-offline.zip`.
"""

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
ZIP = ROOT / "build" / "mls-c01-study-guide-offline.zip"
FOLDER = "mls-c01-study-guide"


def main() -> None:
    if not (SITE / "index.html").is_file():
        sys.exit("site/index.html is missing: run `make build` first")
    ZIP.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(ZIP, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(SITE.rglob("*")):
            if path.is_file() and path.name != ZIP.name:
                archive.write(path, f"{FOLDER}/{path.relative_to(SITE).as_posix()}")
    print(f"{ZIP.relative_to(ROOT)}: {ZIP.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
