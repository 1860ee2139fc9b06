// Material wraps wide tables in a scrolling container, and notebook cells scroll sideways too. A
// keyboard user must be able to focus such a region to scroll it (WCAG 2.1.1), so give every one
// that actually scrolls a tab stop and a name.
// Code blocks get the tab stop from Material, which measures them only when a block's box changes
// size: a block that the fallback font fits but the wider code face makes scroll would get none.
// So everything is measured again once the web fonts have arrived, and when the window resizes.
// Every width is read first and every mark written after: a write between two reads would make
// the browser lay the whole page out again for each region (on a long chapter, most of the
// page's blocking time on a phone).
function markScrollingRegions(body) {
  const regions = [...body.querySelectorAll(".md-typeset__scrollwrap, .highlight-ipynb, .jp-OutputArea-output pre")]
    .map((wrap) => [wrap, wrap.scrollWidth > wrap.clientWidth + 1]);
  const codes = [...body.querySelectorAll(".md-typeset pre > code")]
    .filter((code) => code.scrollWidth > code.clientWidth + 1);
  regions.forEach(([wrap, scrolls]) => {
    // A table that scrolls says so above itself (guide.css, "Tables"), not only by its scrollbar.
    if (wrap.classList.contains("md-typeset__scrollwrap")) wrap.classList.toggle("is-scrollable", scrolls);
    if (scrolls && !wrap.hasAttribute("tabindex")) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      const caption = wrap.closest(".decision-table")?.querySelector("strong")?.textContent;
      const what = wrap.classList.contains("md-typeset__scrollwrap") ? "Table" : "Code";
      wrap.setAttribute("aria-label", caption ? `${caption} (scrolls sideways)` : `${what} (scrolls sideways)`);
    }
  });
  codes.forEach((code) => { code.tabIndex = 0; }); // as Material does
}

document$.subscribe(({ body }) => {
  markScrollingRegions(body);
  document.fonts.ready.then(() => markScrollingRegions(body));
});
let resized = null;
window.addEventListener("resize", () => {
  cancelAnimationFrame(resized);
  resized = requestAnimationFrame(() => markScrollingRegions(document.body));
});
