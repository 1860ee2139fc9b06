"""Show a matplotlib figure in the page the example belongs to.

During the site build the guide sets `MLSGUIDE_FIGURES=inline`, and [`show`][mlsguide.figures.show]
prints the figure as SVG, which the page shows under the code that drew it (the build moves it
into a file beside the page). When you run an
example yourself, `show` opens a window if matplotlib has an interactive backend, and otherwise
saves a PNG under `./figures/` and prints its path.
"""

import io
import os
import re
import sys
from html import escape
from pathlib import Path

import matplotlib

# Text drawn as outlines of matplotlib's own DejaVu Sans: a figure looks the same on every machine
# that builds it and every browser or PDF reader that shows it (an SVG shown by <img> cannot use
# the page's fonts, and "none" would leave the typeface to whatever the reader's system has).
matplotlib.rcParams["svg.fonttype"] = "path"
matplotlib.rcParams["svg.hashsalt"] = "mlsguide"  # stable element ids from run to run


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "figure"


def to_svg(fig, alt: str) -> str:
    """Return the figure as an accessible `<svg>` element (no XML prologue, no timestamp)."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    label = escape(alt, quote=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def show(fig, alt: str) -> None:
    """Display `fig`; `alt` describes what the figure shows, for readers who cannot see it."""
    import matplotlib.pyplot as plt

    if not alt.strip():
        raise ValueError("show() needs an alt text that says what the figure shows")
    mode = os.environ.get("MLSGUIDE_FIGURES", "")
    if mode == "inline":
        # markdown-exec captures output by giving the executed code its own `print`; use the
        # caller's, so the figure lands in the page and not on the build's console.
        caller_print = sys._getframe(1).f_globals.get("print", print)
        caller_print(f'<figure class="mlsguide-figure">{to_svg(fig, alt)}'
                     f"<figcaption>{escape(alt)}</figcaption></figure>")
    elif mode == "none":
        to_svg(fig, alt)  # still render it, so a broken figure fails the tests
    elif matplotlib.get_backend().lower() not in {"agg", "svg", "pdf", "ps", "cairo", "template"}:
        plt.show()
    else:
        path = Path("figures") / f"{_slug(alt)}.png"
        path.parent.mkdir(exist_ok=True)
        fig.savefig(path, dpi=150, bbox_inches="tight")
        print(f"figure saved to {path}")
    plt.close(fig)
