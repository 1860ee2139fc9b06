"""Helpers shared by the guide's examples.

The examples themselves are plain Python and boto3. This package only holds what several of them
need: a switch between the local AWS emulator and a real account ([`mlsguide.aws`][]), synthetic
datasets with fixed seeds ([`mlsguide.data`][]), a guard that keeps runs offline
([`mlsguide.offline`][]), a way to show a matplotlib figure in the built page
([`mlsguide.figures`][]) and a lint for the IAM policies examples attach
([`mlsguide.policies`][]).
"""

import os

from mlsguide import offline

SEED = 20260331
"""The seed every example uses, so that numbers and figures are the same on every run."""

if os.environ.get("MLSGUIDE_OFFLINE") == "1":
    offline.block_network()
