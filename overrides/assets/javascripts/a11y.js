// Material wraps wide tables in a scrolling container, and notebook cells scroll sideways too. A
// keyboard user must be able to focus such a region to scroll it (WCAG 2.1.1), so give every one
// that actually scrolls a tab stop and a name.
document$.subscribe(({ body }) => {
  body.querySelectorAll(".md-typeset__scrollwrap, .highlight-ipynb, .jp-OutputArea-output pre").forEach((wrap) => {
    if (wrap.scrollWidth > wrap.clientWidth + 1 && !wrap.hasAttribute("tabindex")) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      const caption = wrap.closest(".decision-table")?.querySelector("strong")?.textContent;
      const what = wrap.classList.contains("md-typeset__scrollwrap") ? "Table" : "Code";
      wrap.setAttribute("aria-label", caption ? `${caption} (scrolls sideways)` : `${what} (scrolls sideways)`);
    }
  });
});
