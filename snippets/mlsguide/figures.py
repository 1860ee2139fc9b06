"""Show a matplotlib figure in the page the example belongs to.

During the site build the guide sets `MLSGUIDE_FIGURES=inline`, and [`show`][mlsguide.figures.show]
prints the figure as SVG, which the page shows under the code that drew it (the build moves it
into a file beside the page). It prints it twice: as drawn, and laid out again for a phone's
column ([`for_a_phone`][mlsguide.figures.for_a_phone]), which the page shows on narrow screens so
that the text in the figure stays as large there as on a desktop. When you run an
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


PHONE_WIDTH = 4.0  # inches (288 pt): about the width of a phone's text column, in CSS pixels
PHONE_PANEL_HEIGHT = 2.6  # inches: each panel's height once panels are stacked


def for_a_phone(fig) -> bool:
    """Lay `fig` out again for a narrow column; False if it is narrow enough as it is.

    Panels side by side (a one-row grid of subplots) go one under another, with their tick labels
    shown again where a shared axis had hidden them; the figure is redrawn `PHONE_WIDTH` wide. Its
    text keeps its size in points, so on a phone it is shown at about its size on a desktop
    instead of shrunk with the figure.
    """
    width, height = fig.get_size_inches()
    if width <= PHONE_WIDTH * 1.1:
        return False
    axes = [ax for ax in fig.axes if ax.get_subplotspec() is not None]
    grids = {ax.get_subplotspec().get_gridspec() for ax in axes}
    grid = grids.pop() if len(grids) == 1 else None
    if grid is not None and grid.nrows == 1 and grid.ncols == len(axes) > 1:
        column = fig.add_gridspec(len(axes), 1)
        for row, ax in enumerate(axes):
            ax.set_subplotspec(column[row, 0])
            ax.tick_params(labelleft=True, labelbottom=True)
        fig.set_size_inches(PHONE_WIDTH, PHONE_PANEL_HEIGHT * len(axes))
    else:
        fig.set_size_inches(PHONE_WIDTH, height * PHONE_WIDTH / width)
    fig.set_layout_engine("constrained")
    return True


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
        svg = to_svg(fig, alt)
        phone = to_svg(fig, alt).replace("<svg ", '<svg data-phone="" ', 1) if for_a_phone(fig) else ""
        caller_print(f'<figure class="mlsguide-figure">{svg}{phone}'
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
