"""Wait, in a Playwright page, until every Mermaid diagram of it is drawn.

Diagrams are drawn when they come near the screen (assets/javascripts/mermaid-lazy.js), so this
scrolls to each. Material draws a diagram into a closed shadow root in place of its `<pre>`: a
diagram is done once no `<pre class="mermaid">` is left and its host element has a height. A
diagram drawn while the page scrolls to another leaves the list, so the ones still waiting are
visited again, a few rounds. Used by the PDF printer and the page checks.
"""

from __future__ import annotations

WAITING = "pre.mermaid"


def draw_every_diagram(page, timeout_ms: int = 60_000) -> None:
    from playwright.sync_api import Error as PlaywrightError

    for _ in range(3):
        for diagram in page.query_selector_all(WAITING):
            try:
                diagram.scroll_into_view_if_needed(timeout=10_000)
            except PlaywrightError:
                pass  # drawn, and so replaced, since the list was read
        if not page.query_selector(WAITING):
            break
    page.wait_for_function(
        f"""() => !document.querySelector('{WAITING}')
              && [...document.querySelectorAll('div.mermaid')].every((m) => m.offsetHeight > 0)""",
        timeout=timeout_ms)
