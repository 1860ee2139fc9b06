// Mermaid weighs about 0.8 MB compressed, so it loads when a diagram first comes within half a screen
// of the viewport, not with the page: a reader who never scrolls to a diagram never pays for it.
//
// Material draws each diagram itself: it calls `mermaid.initialize(config)` once and then
// `mermaid.render(id, source)` for every diagram, and it fetches Mermaid from a CDN when no
// `window.mermaid` exists. This stand-in takes those calls, loads the copy the site serves
// (the `data-mermaid` URL of this script tag) and hands each call on once it is there.
(() => {
  const source = document.currentScript.dataset.mermaid;
  let config = {};
  let library;

  function load() {
    library ??= new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = source;
      script.onload = () => {
        window.mermaid.initialize(config); // the real library has replaced this stand-in
        resolve(window.mermaid);
      };
      script.onerror = () => reject(new Error(`Mermaid could not be loaded from ${source}`));
      document.head.append(script);
    });
    return library;
  }

  let nearby;
  function diagramNearby() {
    nearby ??= new Promise((resolve) => {
      const observer = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          resolve();
        }
      }, { rootMargin: "50% 0px" }); // half a screen ahead: time enough to load and draw
      document.querySelectorAll(".mermaid").forEach((diagram) => observer.observe(diagram));
    });
    return nearby;
  }

  window.mermaid = {
    initialize(options) {
      config = options;
    },
    render(id, text) {
      return diagramNearby().then(load).then((mermaid) => mermaid.render(id, text));
    },
  };
})();
