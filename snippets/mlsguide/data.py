"""Synthetic datasets for the examples, generated from a fixed seed.

Real datasets would need a download; these are made on the spot, offline, and are the same on
every run. Each function documents the shape of what it returns.
"""

from datetime import UTC, datetime, timedelta

import numpy as np
import pandas as pd

from mlsguide import SEED

START = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
"""A fixed clock: timestamps in the examples start here, so printed dates never change."""


def clickstream(n_events: int = 1_000, n_users: int = 50, seed: int = SEED) -> pd.DataFrame:
    """Web-shop click events: one row per event.

    Columns: `event_id` (str), `user_id` (str, e.g. `u017`), `event_type` (`view`, `add_to_cart`
    or `purchase`), `price` (float, 0 for views), `ts` (UTC timestamps over two days, sorted).
    """
    rng = np.random.default_rng(seed)
    users = [f"u{i:03d}" for i in range(n_users)]
    kinds = rng.choice(["view", "add_to_cart", "purchase"], size=n_events, p=[0.8, 0.15, 0.05])
    prices = np.where(kinds == "view", 0.0, rng.gamma(2.0, 20.0, size=n_events).round(2))
    seconds = np.sort(rng.integers(0, 2 * 24 * 3600, size=n_events))
    return pd.DataFrame(
        {
            "event_id": [f"e{i:06d}" for i in range(n_events)],
            "user_id": rng.choice(users, size=n_events),
            "event_type": kinds,
            "price": prices,
            "ts": [START + timedelta(seconds=int(s)) for s in seconds],
        }
    )


def imbalanced_classification(
    n_samples: int = 4_000, positive_rate: float = 0.1, seed: int = SEED
) -> tuple[np.ndarray, np.ndarray]:
    """A binary problem where positives are rare (fraud, churn, disease).

    Returns `(X, y)`: `X` has 8 numeric features, `y` is 0/1 with about `positive_rate` ones.
    """
    from sklearn.datasets import make_classification

    return make_classification(
        n_samples=n_samples,
        n_features=8,
        n_informative=5,
        n_redundant=1,
        weights=[1 - positive_rate],
        class_sep=0.9,
        flip_y=0.02,
        random_state=seed,
    )


def house_prices(n_samples: int = 600, seed: int = SEED) -> pd.DataFrame:
    """A small regression dataset: predict `price` (thousands) from size, rooms and age.

    Columns: `size_m2`, `rooms`, `age_years`, `price`. The noise is Gaussian, so a good linear
    model leaves residuals that are centred on zero and bell-shaped.
    """
    rng = np.random.default_rng(seed)
    size = rng.uniform(40, 220, n_samples)
    rooms = np.clip(np.round(size / 30 + rng.normal(0, 0.7, n_samples)), 1, 8)
    age = rng.uniform(0, 60, n_samples)
    price = 50 + 2.1 * size + 12 * rooms - 1.3 * age + rng.normal(0, 25, n_samples)
    return pd.DataFrame(
        {"size_m2": size.round(1), "rooms": rooms, "age_years": age.round(1), "price": price.round(1)}
    )
