// Material wraps wide tables in a scrolling container. A keyboard user must be able to focus it to
// scroll it (WCAG 2.1.1), so give every such container that actually scrolls a tab stop and a name.
document$.subscribe(({ body }) => {
  body.querySelectorAll(".md-typeset__scrollwrap").forEach((wrap) => {
    if (wrap.scrollWidth > wrap.clientWidth + 1 && !wrap.hasAttribute("tabindex")) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      const caption = wrap.closest(".decision-table")?.querySelector("strong")?.textContent;
      wrap.setAttribute("aria-label", caption ? `${caption} (scrolls sideways)` : "Table (scrolls sideways)");
    }
  });
});
