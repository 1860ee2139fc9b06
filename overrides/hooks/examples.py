"""MkDocs hook: run the pages' examples offline, against the AWS emulator, deterministically.

markdown-exec executes the `exec="on"` fences while pages are converted. This hook prepares that
process once (network blocked except loopback, figures printed inline, a non-interactive matplotlib
backend) and gives every page a fresh, empty emulated AWS account and freshly seeded random
generators, so a page's output does not depend on the pages built before it.
"""

import os
import random

os.environ["MLSGUIDE_OFFLINE"] = "1"  # importing mlsguide now blocks the network
os.environ["MLSGUIDE_FIGURES"] = "inline"
os.environ["MLSGUIDE_LIVE_AWS"] = "0"  # builds never touch a real account

import matplotlib  # noqa: E402
import mlsguide  # noqa: E402
import numpy as np  # noqa: E402
from mlsguide import aws  # noqa: E402

# Not through MPLBACKEND: notebook kernels inherit the environment and must keep inline figures.
matplotlib.use("Agg")


def on_page_markdown(markdown, page, **kwargs):
    if 'exec="on"' in markdown:
        aws.activate(reset=True)
        random.seed(mlsguide.SEED)
        np.random.seed(mlsguide.SEED)
    return markdown


def on_shutdown(**kwargs):
    aws.deactivate()
