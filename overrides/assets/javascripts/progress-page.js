// The progress page: what the reader's progress (progress.js) holds, computed in the browser. Per
// domain and task statement: the questions seen, the answers given and the share right; the
// weakest task statements with links to their chapters; the fixed practice exams' results; the
// review's size; and export to a file and import from one. Plain JavaScript, no network.
(function () {
  "use strict";

  const { el, fill, pct, siteRoot } = window.MLSGUIDE_QUESTIONS;
  const progress = window.MLSGUIDE_PROGRESS;
  const WEAKEST = 3;
  const FILE_NAME = "mls-c01-guide-progress.json";

  function tally(answers, key) {
    const out = {};
    for (const a of answers) {
      const t = (out[a[key]] = out[a[key]] || { seen: new Set(), answers: 0, right: 0 });
      t.seen.add(a.id);
      t.answers += 1;
      t.right += a.right ? 1 : 0;
    }
    return out;
  }

  function table(id, caption, head, rows) {
    return el("table", { id },
      el("caption", { class: "progress-caption", text: caption }),
      el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, rows));
  }

  function start(root) {
    const bank = window.MLSGUIDE_BANK;
    const view = el("div", { class: "progress-view" });
    const status = el("p", { id: "progress-import-status", role: "status" });
    root.replaceChildren(view);

    function chapterLink(task) {
      const title = `${task} ${bank.tasks[task]}`;
      return bank.chapters[task] ? el("a", { href: siteRoot() + bank.chapters[task], text: title }) : title;
    }

    function render() {
      const answers = progress.answers();
      const byDomain = tally(answers, "domain");
      const byTask = tally(answers, "task");
      const cells = (t) => (t
        ? [el("td", { text: String(t.seen.size) }), el("td", { text: String(t.answers) }), el("td", { text: pct(t.right, t.answers) })]
        : [el("td", { text: "0" }), el("td", { text: "0" }), el("td", { text: "–" })]);
      const head = ["Seen", "Answers", "Right"];
      const domainRows = bank.domains.map((d) =>
        el("tr", { "data-domain": d.id }, el("th", { scope: "row", text: `${d.id}. ${d.title}` }), cells(byDomain[d.id])));
      const taskRows = bank.domains.flatMap((d) => d.tasks).map((t) =>
        el("tr", { "data-task": t }, el("th", { scope: "row" }, chapterLink(t)), cells(byTask[t])));
      const weakest = Object.entries(byTask).filter(([t, s]) => bank.tasks[t] && s.right < s.answers)
        .sort((a, b) => a[1].right / a[1].answers - b[1].right / b[1].answers || b[1].answers - a[1].answers
          || a[0].localeCompare(b[0], "en", { numeric: true }))
        .slice(0, WEAKEST);
      const done = progress.exams();
      const result = (r) => `${r.right} of ${r.total} (${pct(r.right, r.total)}), scaled ${r.scaled}, on ${r.day}`;
      const examRows = bank.exams.map((ids, i) => {
        const r = done[i + 1];
        return el("tr", { "data-exam": String(i + 1) }, el("th", { scope: "row", text: `Exam ${i + 1}` }),
          el("td", { text: r ? String(r.attempts) : "0" }), el("td", { text: r ? result(r.best) : "not taken" }),
          el("td", { text: r ? result(r.latest) : "not taken" }));
      });
      const { due, later } = progress.review();
      const fileInput = el("input", { type: "file", id: "progress-import", accept: ".json,application/json", onchange: importFile });

      fill(view,
        progress.problem ? el("p", { class: "practice-problem", id: "progress-problem", text: progress.problem }) : null,
        el("p", { id: "progress-summary", text: answers.length
          ? `${answers.length} answers to ${new Set(answers.map((a) => a.id)).size} questions, ${pct(answers.filter((a) => a.right).length, answers.length)} right.`
          : "No answers yet: take a chapter's quiz, a practice exam or a practice round, and your progress appears here." }),
        el("h2", { id: "progress-weakest-heading", text: "Where to study next" }),
        weakest.length
          ? el("ol", { id: "progress-weakest" }, weakest.map(([t, s]) => el("li", { "data-task": t }, chapterLink(t),
            `: ${pct(s.right, s.answers)} right of ${s.answers} answer${s.answers > 1 ? "s" : ""}`)))
          : el("p", { id: "progress-weakest", text: "No task statement with a wrong answer yet." }),
        el("p", { id: "progress-review" }, `The review of missed questions holds ${due.length + later.length}: ${due.length} due today. `,
          el("a", { href: siteRoot() + bank.pages.practice, text: "Practise or review" })),
        el("h2", { id: "progress-domains-heading", text: "By domain" }),
        table("progress-by-domain", "Questions seen, answers given and the share right, by domain", ["Domain", ...head], domainRows),
        el("h2", { id: "progress-tasks-heading", text: "By task statement" }),
        table("progress-by-task", "The same by task statement, each linked to its chapter", ["Task statement", ...head], taskRows),
        el("h2", { id: "progress-exams-heading", text: "Fixed practice exams" }),
        bank.exams.length
          ? table("progress-exams", "Each fixed exam's attempts, best and latest result", ["Exam", "Attempts", "Best", "Latest"], examRows)
          : el("p", { text: "The pool does not hold a full fixed exam yet." }),
        el("p", {}, el("a", { href: siteRoot() + bank.pages.exam, text: "Take a practice exam" })),
        el("h2", { id: "progress-keep-heading", text: "Keep your progress" }),
        el("p", {}, "Your progress lives in this browser only. Download it as a file to keep it or to carry it to another browser, ",
          "and import that file there: it is merged with what that browser already holds."),
        el("p", {}, el("button", { type: "button", class: "md-button md-button--primary", id: "progress-export",
          text: "Download your progress", onclick: download })),
        el("p", { class: "progress-import" }, el("label", { for: "progress-import", text: "Import a progress file: " }), fileInput),
        status,
        el("p", {}, el("button", { type: "button", class: "md-button", id: "progress-clear", text: "Delete all progress in this browser",
          onclick: () => {
            if (!window.confirm("Delete every answer and exam result kept in this browser?")) return;
            progress.clear();
            render();
            status.textContent = "Your progress in this browser was deleted.";
          } })),
      );
    }

    function download() {
      const url = URL.createObjectURL(new Blob([progress.exportText()], { type: "application/json" }));
      const link = el("a", { href: url, download: FILE_NAME, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      status.textContent = `Downloaded as ${FILE_NAME}.`;
    }

    function importFile(event) {
      const file = event.target.files[0];
      if (!file) return;
      const reader = new FileReader();
      reader.addEventListener("load", () => {
        const outcome = progress.importText(String(reader.result));
        render();
        status.textContent = `${file.name}: ${outcome.message}`;
        status.className = outcome.ok ? "is-correct" : "is-wrong";
        view.querySelector("#progress-import").focus();
      });
      reader.addEventListener("error", () => {
        status.textContent = `${file.name} could not be read. Nothing was changed.`;
      });
      reader.readAsText(file);
    }

    render();
  }

  function init() {
    const root = document.getElementById("progress-app");
    if (root && window.MLSGUIDE_BANK && window.MLSGUIDE_PROGRESS && !root.dataset.started) {
      root.dataset.started = "true";
      start(root);
    }
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
