// Untimed practice, one question at a time with the explanations after each answer, in two modes:
// practice by domain or task statement (from the practice-exam pool), and the review of missed
// questions (every question the reader's progress holds in review, quiz questions too: their texts
// are in the bank's parts). Every answer goes to the reader's progress (progress.js), which also
// decides, by its Leitner rule, what the review holds. The round under way is kept in localStorage
// (its questions in order, where it is, the answers checked and the current flag), so a reload
// resumes it, as the timed exam's attempt does; its summary, or "End this round", clears it.
// Plain JavaScript, no network; the bank's format: overrides/guidebuild/bank.py.
(function () {
  "use strict";

  const { LETTERS, el, fill, loadTexts, isCorrect, letters, pct, siteRoot } = window.MLSGUIDE_QUESTIONS;
  const progress = window.MLSGUIDE_PROGRESS;
  const ROUND_KEY = "mlsguide-practice-round-v1";

  function start(root) {
    const bank = window.MLSGUIDE_BANK;
    const byId = Object.fromEntries(bank.questions.concat(bank.quiz).map((q) => [q.id, q]));
    const fromQuiz = new Set(bank.quiz.map((q) => q.id));
    const status = el("div", { class: "exam-sr-status", role: "status", "aria-live": "polite" });
    const alert = el("div", { class: "exam-sr-alert", role: "alert" });
    const view = el("div", { class: "exam-view" });
    root.replaceChildren(view, status, alert);
    // {mode: "topic"|"review", topic, ids, current, answers: {id: {chosen, right, flagged}}, flagged}:
    // `flagged` is the flag of the current question, until its answer is checked.
    let round = null;

    function saveRound() {
      try {
        localStorage.setItem(ROUND_KEY, JSON.stringify(round));
      } catch (e) {
        /* the round goes on in this page; only a reload loses it */
      }
    }

    function clearRound() {
      try {
        localStorage.removeItem(ROUND_KEY);
      } catch (e) {
        /* nothing was kept */
      }
    }

    // The saved round, or null if there is none or it does not fit this edition's bank.
    function savedRound() {
      try {
        const r = JSON.parse(localStorage.getItem(ROUND_KEY));
        const fits = r && ["topic", "review"].includes(r.mode) && Array.isArray(r.ids) && r.ids.length &&
          r.ids.every((id) => id in byId) && Number.isInteger(r.current) && r.current >= 0 && r.current < r.ids.length &&
          r.answers && typeof r.answers === "object" && Object.keys(r.answers).every((id) => r.ids.includes(id)) &&
          (r.mode === "review" || r.topic in bank.tasks || bank.domains.some((d) => d.id === r.topic));
        return fits ? r : null;
      } catch (e) {
        return null;
      }
    }

    function title() {
      return round.mode === "review" ? "Review of missed questions" : `Practice: ${topicName(round.topic)}`;
    }

    function score() {
      const given = Object.values(round.answers);
      return { right: given.filter((a) => a.right).length, answered: given.length };
    }

    function scoreLine() {
      const { right, answered } = score();
      return `${title()} · ${right} of ${answered} right so far`;
    }

    // A domain ("1") or a task statement ("1.2") -> its questions in the pool, those never
    // answered first, then those answered longest ago.
    function topicQuestions(topic) {
      const last = {};
      progress.answers().forEach((a) => (last[a.id] = a.at));
      const pool = bank.questions.filter((q) => (topic.includes(".") ? q.task === topic : q.domain === topic));
      return pool.map((q, n) => [last[q.id] || 0, n, q.id]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
    }

    function topicName(topic) {
      if (topic.includes(".")) return `task statement ${topic} ${bank.tasks[topic]}`;
      const domain = bank.domains.find((d) => d.id === topic);
      return `Domain ${domain.id}, ${domain.title}`;
    }

    function reviewCounts() {
      const { due, later } = progress.review();
      return { due: due.filter((id) => id in byId), later: later.filter((id) => id in byId) };
    }

    // Start screen ------------------------------------------------------------------------------
    function renderStart() {
      const options = bank.domains.map((d) => el("optgroup", { label: `Domain ${d.id}` },
        el("option", { value: d.id, text: `Domain ${d.id}. ${d.title} (${topicQuestions(d.id).length} questions)` }),
        d.tasks.map((t) => el("option", { value: t, text: `${t} ${bank.tasks[t]} (${topicQuestions(t).length} questions)` }))));
      const select = el("select", { id: "practice-topic" }, options);
      const { due, later } = reviewCounts();
      const count = (n) => `${n} question${n === 1 ? "" : "s"}`;
      fill(view,
        progress.problem ? el("p", { class: "practice-problem", id: "practice-problem", text: progress.problem }) : null,
        el("h2", { id: "practice-topic-heading", text: "Practice by domain or task statement" }),
        el("p", {}, `Untimed, one question at a time from the practice-exam pool (${bank.questions.length} questions), `,
          "with the explanations after each answer. Questions you have not answered yet come first."),
        el("p", { class: "practice-choose" }, el("label", { for: "practice-topic", text: "Domain or task statement: " }), select),
        el("button", { type: "button", class: "md-button md-button--primary", id: "practice-start", text: "Start practising",
          onclick: () => begin("topic", select.value) }),
        el("h2", { id: "review-heading", text: "Review missed questions" }),
        el("p", { id: "review-count" },
          due.length ? `${count(due.length)} ${due.length === 1 ? "is" : "are"} due for review today` : "No question is due for review today",
          later.length ? `; ${count(later.length)} more wait for another day.` : ".",
          " A question comes here when you answer it wrongly or flag it, in a chapter's quiz or a practice exam, ",
          "and leaves after you answer it right on two different days."),
        el("button", { type: "button", class: "md-button md-button--primary", id: "review-start", text: "Start the review",
          disabled: due.length === 0, onclick: () => begin("review") }),
      );
    }

    function begin(mode, topic) {
      const ids = mode === "review" ? reviewCounts().due : topicQuestions(topic);
      view.querySelectorAll("button").forEach((b) => (b.disabled = true));
      withTexts(() => {
        round = { mode, topic: mode === "review" ? null : topic, ids, current: 0, answers: {}, flagged: false };
        saveRound();
        renderQuestion();
      });
    }

    function withTexts(then) {
      loadTexts(bank).then(then, (error) => {
        alert.textContent = `The questions could not be loaded (${error.message}). Reload the page to try again.`;
      });
    }

    // Question screen ---------------------------------------------------------------------------
    function renderQuestion() {
      const q = byId[round.ids[round.current]];
      const type = q.kind === "single" ? "radio" : "checkbox";
      const choose = q.kind === "single" ? "Choose one." : `Choose ${q.choose}.`;
      const options = Object.entries(q.options).map(([key, html], n) =>
        el("label", { class: "quiz-option", "data-key": key },
          el("input", { type, name: "practice-choice", value: key }),
          el("span", { class: "quiz-letter", text: `${LETTERS[n]}.` }),
          el("span", { class: "quiz-text", html }),
          el("span", { class: "quiz-mark" })));
      const given = round.answers[q.id];
      const flagged = given ? given.flagged : round.flagged;
      const source = fromQuiz.has(q.id) ? " · from the chapter's quiz" : "";
      fill(view,
        el("p", { class: "exam-progress", id: "practice-title", text: scoreLine() }),
        el("h2", { tabindex: "-1", id: "practice-question-heading", "data-qid": q.id, text: `Question ${round.current + 1} of ${round.ids.length}` }),
        el("p", { class: "exam-meta", text: `Task statement ${q.task} · ${choose}${source}` }),
        el("div", { class: "exam-stem", id: "practice-stem", html: q.stem }),
        el("fieldset", { class: "quiz-form", "aria-labelledby": "practice-question-heading", "aria-describedby": "practice-stem" },
          el("legend", { class: "exam-legend", text: choose }), options),
        el("p", { class: "quiz-feedback", id: "practice-feedback", role: "status" }),
        el("div", { class: "exam-actions" },
          el("button", { type: "button", class: "md-button md-button--primary", id: "practice-check", text: "Check answer", onclick: check }),
          el("button", { type: "button", class: "md-button", id: "practice-flag", "aria-pressed": String(flagged),
            text: flagged ? "Unflag" : "Flag for review", onclick: toggleFlag }),
          el("button", { type: "button", class: "md-button", id: "practice-next", hidden: true,
            text: round.current === round.ids.length - 1 ? "See how you did" : "Next question", onclick: next }),
          el("button", { type: "button", class: "md-button", id: "practice-end", text: "End this round", onclick: renderSummary })),
        el("div", { id: "practice-explanations" }),
      );
      view.querySelector("h2").focus();
      if (given) showAnswer(q, given.chosen, given.right);
    }

    function toggleFlag() {
      round.flagged = !round.flagged;
      const button = view.querySelector("#practice-flag");
      button.setAttribute("aria-pressed", String(round.flagged));
      button.textContent = round.flagged ? "Unflag" : "Flag for review";
      status.textContent = round.flagged ? "Flagged: this question will come back in the review." : "Flag removed.";
      saveRound();
    }

    function check() {
      const q = byId[round.ids[round.current]];
      const chosen = [...view.querySelectorAll('input[name="practice-choice"]')].filter((i) => i.checked).map((i) => i.value);
      const feedback = view.querySelector("#practice-feedback");
      if (!chosen.length) {
        feedback.textContent = "Choose an option first.";
        return;
      }
      if (q.kind === "multiple" && chosen.length !== q.answer.length) {
        feedback.textContent = `Choose exactly ${q.answer.length} options; you chose ${chosen.length}.`;
        return;
      }
      const right = isCorrect(q, chosen);
      round.answers[q.id] = { chosen, right, flagged: round.flagged };
      saveRound();
      progress.record({ id: q.id, task: q.task, domain: q.domain, right, flagged: round.flagged, source: round.mode === "review" ? "review" : "practice" });
      showAnswer(q, chosen, right);
      view.querySelector("#practice-next").focus();
    }

    // A checked answer: the options marked, the feedback, every explanation, and Next.
    function showAnswer(q, chosen, right) {
      const feedback = view.querySelector("#practice-feedback");
      view.querySelectorAll(".quiz-option").forEach((label) => {
        const key = label.dataset.key;
        const isAnswer = q.answer.includes(key);
        const picked = chosen.includes(key);
        label.classList.toggle("is-correct", isAnswer);
        label.classList.toggle("is-wrong", picked && !isAnswer);
        label.querySelector(".quiz-mark").textContent = isAnswer
          ? picked ? " ✓ correct, your choice" : " ✓ correct"
          : picked ? " ✗ your choice, incorrect" : "";
        const input = label.querySelector("input");
        input.checked = picked;
        input.disabled = true;
      });
      feedback.textContent = right ? `Correct. The answer is ${letters(q.answer)}.` : `Not quite. The answer is ${letters(q.answer)}.`;
      feedback.classList.add(right ? "is-correct" : "is-wrong");
      view.querySelector("#practice-title").textContent = scoreLine();
      fill(view.querySelector("#practice-explanations"),
        el("ul", { class: "exam-explanations" }, Object.entries(q.options).map(([k], i) =>
          el("li", {}, el("strong", { text: `${LETTERS[i]}${q.answer.includes(k) ? " (correct)" : ""}: ` }),
            el("span", { class: "exam-why", html: q.explanations[k] })))),
        el("p", {}, el("a", { href: siteRoot() + q.link, text: `Review task statement ${q.task} in the guide` }),
          q.where ? [" · ", el("a", { href: siteRoot() + q.where, text: "This question in its chapter's quiz" })] : null,
          " · ", el("a", { href: q.report, class: "exam-report", text: "Report a problem with this question" })));
      view.querySelector("#practice-check").hidden = true;
      view.querySelector("#practice-flag").disabled = true;
      view.querySelector("#practice-next").hidden = false;
    }

    function next() {
      if (round.current === round.ids.length - 1) return renderSummary();
      round.current += 1;
      round.flagged = false;
      saveRound();
      renderQuestion();
    }

    // Summary -----------------------------------------------------------------------------------
    function renderSummary() {
      clearRound();
      const { due, later } = reviewCounts();
      const { right, answered } = score();
      fill(view,
        el("h2", { tabindex: "-1", id: "practice-summary-heading", text: `${title()}: how you did` }),
        el("p", { id: "practice-score", text: `${right} of ${answered} answered right (${pct(right, answered)}).` }),
        el("p", { id: "practice-review-left", text: `The review now holds ${due.length + later.length} question(s): ${due.length} due today, ${later.length} due on a later day.` }),
        el("p", {}, el("a", { href: siteRoot() + bank.pages.progress, text: "See your progress by domain and task statement" })),
        el("button", { type: "button", class: "md-button md-button--primary", id: "practice-restart", text: "Back to the choice of practice",
          onclick: () => { round = null; renderStart(); view.querySelector("h2").focus(); } }),
      );
      view.querySelector("h2").focus();
    }

    const saved = savedRound();
    if (saved) {
      withTexts(() => {
        round = saved;
        renderQuestion();
      });
    } else renderStart();
  }

  function init() {
    const root = document.getElementById("practice-app");
    if (root && window.MLSGUIDE_BANK && window.MLSGUIDE_PROGRESS && !root.dataset.started) {
      root.dataset.started = "true";
      start(root);
    }
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
