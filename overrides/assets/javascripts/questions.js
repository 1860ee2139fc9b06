// What the practice exam (exam.js), the practice rounds (practice.js) and the progress page
// (progress-page.js) share: building elements, loading the bank's texts, scoring an answer.
// The bank's format: overrides/guidebuild/bank.py. As window.MLSGUIDE_QUESTIONS:
//   el(tag, attrs, ...children)   an element; attrs: html, text, on<event>, or attributes
//   fill(node, ...children)       replace node's children; null and undefined children are left
//                                 out (replaceChildren itself would print them as "null")
//   loadTexts(bank)               a promise: every question's texts added to its bank entry
//   isCorrect(question, chosen)   the choice matches the answer exactly (no partial credit)
//   letters(keys)                 "A, C" for ["a", "c"]; "no answer" for []
//   pct(right, total)             "75%", or "–" with no total
//   siteRoot()                    the relative path to the site's root, ending in "/"
(function () {
  "use strict";

  const LETTERS = "ABCDEFGHIJ";

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "html") {
        node.innerHTML = v;
        // A code block that scrolls sideways must take keyboard focus (WCAG 2.1.1), as Material's
        // own code blocks do; question texts arrive after Material has run.
        node.querySelectorAll("pre > code").forEach((code) => code.setAttribute("tabindex", "0"));
      } else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (v !== false && v !== null && v !== undefined) node.setAttribute(k, v === true ? "" : v);
    }
    children.flat().forEach((c) => c != null && node.append(c));
    return node;
  }

  function fill(node, ...children) {
    node.replaceChildren(...children.flat().filter((c) => c != null));
    return node;
  }

  // Loads the parts not loaded yet with script elements rather than fetch, so that it also works
  // from file://, and adds each question's texts to its entry in bank.questions and bank.quiz.
  function loadTexts(bank) {
    const index = document.querySelector('script[src*="question-bank.js"]');
    const base = index.src.slice(0, index.src.lastIndexOf("/") + 1);
    const loads = Object.values(bank.parts).map((name) => new Promise((resolve, reject) => {
      const loaded = document.querySelector(`script[data-bank-part="${name}"]`);
      if (loaded?.dataset.loaded) return resolve();
      const script = loaded || el("script", { src: base + name, "data-bank-part": name });
      script.addEventListener("load", () => {
        script.dataset.loaded = "true";
        resolve();
      });
      script.addEventListener("error", () => reject(new Error(`could not load ${name}`)));
      if (!loaded) document.body.append(script);
    }));
    return Promise.all(loads).then(() => {
      const byId = Object.fromEntries(bank.questions.concat(bank.quiz).map((q) => [q.id, q]));
      for (const [id, text] of Object.entries(window.MLSGUIDE_BANK_TEXT || {})) {
        if (byId[id]) Object.assign(byId[id], text);
      }
    });
  }

  function isCorrect(question, chosen) {
    return chosen.length === question.answer.length && chosen.every((k) => question.answer.includes(k));
  }

  function letters(keys) {
    return keys.length ? keys.map((k) => LETTERS[k.charCodeAt(0) - 97]).join(", ") : "no answer";
  }

  function pct(right, total) {
    return total ? `${Math.round((100 * right) / total)}%` : "–";
  }

  function siteRoot() {
    // Material writes the relative path to the site root into its config block on every page.
    const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
    return `${config.base || "."}/`;
  }

  window.MLSGUIDE_QUESTIONS = { LETTERS, el, fill, loadTexts, isCorrect, letters, pct, siteRoot };
})();
