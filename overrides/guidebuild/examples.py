"""The one set-up every example runs under, in the build (markdown-exec) and in the tests alike.

`prepare_process` is called once, before anything imports `mlsguide`: it blocks the network
(except loopback), keeps a real AWS account out of reach, chooses how figures are shown and picks
a non-interactive matplotlib backend. `fresh_state` gives the next page or test an empty emulated
AWS account (moto) and freshly seeded random generators, so its output does not depend on what ran
before it. `end_page` stops what a page's examples share once the page is done: the local Spark
session (`mlsguide.spark`), which all the Spark examples of one page use.
"""

from __future__ import annotations

import os
import random

FIGURE_MODES = ("inline", "none")  # inline: print the SVG into the page; none: render, print nothing


def prepare_process(figures: str) -> None:
    if figures not in FIGURE_MODES:
        raise ValueError(f"figures must be one of {FIGURE_MODES}, not {figures!r}")
    os.environ["MLSGUIDE_OFFLINE"] = "1"  # importing mlsguide now blocks the network
    os.environ["MLSGUIDE_FIGURES"] = figures
    os.environ["MLSGUIDE_LIVE_AWS"] = "0"  # builds and tests never touch a real account
    # Not through MPLBACKEND: notebook kernels inherit the environment and keep inline figures.
    os.environ.pop("MPLBACKEND", None)
    import matplotlib

    matplotlib.use("Agg")
    import mlsguide  # noqa: F401  (its import applies MLSGUIDE_OFFLINE)


def fresh_state() -> None:
    import mlsguide
    import numpy as np
    from mlsguide import aws

    aws.activate(reset=True)
    random.seed(mlsguide.SEED)
    np.random.seed(mlsguide.SEED)


def end_page() -> None:
    from mlsguide import spark

    spark.stop()


def end() -> None:
    from mlsguide import aws

    end_page()
    aws.deactivate()
