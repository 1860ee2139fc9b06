// Mermaid weighs about 0.8 MB compressed, so it loads when a diagram first comes within half a screen
// of the viewport, not with the page: a reader who never scrolls to a diagram never pays for it.
//
// Material draws each diagram itself: it calls `mermaid.initialize(config)` once and then
// `mermaid.render(id, source)` for every diagram, and it fetches Mermaid from a CDN when no
// `window.mermaid` exists. This stand-in takes those calls, loads the copy the site serves
// (the `data-mermaid` URL of this script tag) and hands each call on once it is there.
//
// Diagrams are drawn for the width they are shown at: on a phone's column (Material's breakpoint,
// 44.9375em, on screens only) Mermaid draws each at its natural size instead of shrinking it to
// the column, so its labels keep their 16 px, and the diagram scrolls sideways in place
// (guide.css). Under every diagram a button opens it full size, in a dialog over the page.
(() => {
  const source = document.currentScript.dataset.mermaid;
  const narrow = window.matchMedia("screen and (max-width: 44.9375em)").matches;
  const DIAGRAMS = ["flowchart", "sequence", "class", "state", "er", "gantt", "journey", "mindmap", "timeline"];
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

  function openFullSize(diagram, button) {
    const dialog = document.createElement("dialog");
    dialog.className = "diagram-dialog";
    dialog.setAttribute("aria-label", "Diagram, full size");
    const close = document.createElement("button");
    close.type = "button";
    close.className = "md-button diagram-dialog__close";
    close.textContent = "Close";
    close.addEventListener("click", () => dialog.close());
    const place = document.createComment("diagram");
    diagram.replaceWith(place);
    dialog.append(close, diagram);
    dialog.addEventListener("close", () => {
      place.replaceWith(diagram);
      dialog.remove();
      button.focus();
    });
    document.body.append(dialog);
    dialog.showModal();
  }

  // Material puts each drawn diagram (a div.mermaid with a closed shadow root) in place of its
  // <pre> right after render() resolves; give the new ones their button and, on a phone, a tab stop
  // so that a keyboard can scroll them.
  function addButtons() {
    document.querySelectorAll("div.mermaid:not([data-open-button])").forEach((diagram) => {
      diagram.dataset.openButton = "";
      if (narrow) diagram.tabIndex = 0;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "diagram-open";
      button.textContent = "Open the diagram full size";
      button.addEventListener("click", () => openFullSize(diagram, button));
      diagram.after(button);
    });
  }

  window.mermaid = {
    initialize(options) {
      config = options;
      if (narrow) {
        for (const kind of DIAGRAMS) config[kind] = { ...config[kind], useMaxWidth: false };
      }
    },
    render(id, text) {
      return diagramNearby().then(load).then((mermaid) => mermaid.render(id, text)).then((drawn) => {
        setTimeout(addButtons); // after Material has put the diagram in the page
        return drawn;
      });
    },
  };
})();
