"""Time and signal features: lags and rolling means, and a spectrogram of a sound.

Builds lag and rolling-window features from a seeded daily sales series with shift() so that each
row sees only the past, checks that no feature uses the day it predicts, and turns a synthetic
one-second recording into a spectrogram, the image-like feature that speech models take.

Run it from the repository root: `.venv/bin/python` followed by this file's path.
"""

# --8<-- [start:lags]
import numpy as np
import pandas as pd
from mlsguide import SEED

rng = np.random.default_rng(SEED)
days = pd.date_range("2026-01-01", periods=60, freq="D")
weekly = 20 * np.sin(2 * np.pi * days.day_of_week / 7)
sales = pd.Series(200 + weekly + rng.normal(0, 5, 60), index=days, name="sales").round(1)
features = pd.DataFrame({
    "sales": sales,
    "lag_1": sales.shift(1),  # yesterday
    "lag_7": sales.shift(7),  # the same weekday last week
    "mean_7": sales.shift(1).rolling(7).mean().round(1),  # the past week, excluding today
})
print(features.iloc[6:10].to_string())
usable = features.dropna()
print(f"rows with every feature: {len(usable)} of {len(features)}")
for lag in ("lag_1", "lag_7"):
    print(f"correlation of sales with {lag}: {usable['sales'].corr(usable[lag]):.2f}")
assert usable["sales"].corr(usable["lag_7"]) > 0.9, "the weekly pattern makes lag 7 strong"
assert usable["sales"].corr(usable["lag_7"]) > usable["sales"].corr(usable["lag_1"]) + 0.2
assert features["mean_7"].iloc[7] == sales.iloc[0:7].mean().round(1), "the window ends yesterday"
# --8<-- [end:lags]

# --8<-- [start:spectrogram]
from scipy.signal import spectrogram

rate = 8_000  # samples per second
t = np.arange(rate) / rate
# A one-second sound: a 440 Hz tone for the first half, then 1,200 Hz, with background noise.
sound = np.where(t < 0.5, np.sin(2 * np.pi * 440 * t), np.sin(2 * np.pi * 1_200 * t))
sound = sound + 0.3 * rng.normal(0, 1, rate)
freqs, times, power = spectrogram(sound, fs=rate, nperseg=256)
print(f"raw audio: {sound.shape[0]} samples; spectrogram: {power.shape[0]} frequencies x "
      f"{power.shape[1]} time frames")
loudest = freqs[power.argmax(axis=0)]
print(f"loudest frequency in the first frame {loudest[0]:.0f} Hz, in the last {loudest[-1]:.0f} Hz")
assert abs(loudest[0] - 440) < 40 and abs(loudest[-1] - 1_200) < 40, "the pitch change is visible"
# --8<-- [end:spectrogram]
