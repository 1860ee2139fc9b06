// The timed practice exam: a seeded random draw, or one of the fixed practice exams the build
// assembled (`exams` in the bank, guidebuild/practice.py). Plain JavaScript, no framework and no
// network: the question bank arrives as `window.MLSGUIDE_BANK` from
// assets/javascripts/question-bank.js, which the build writes, with ids, tasks and kinds only; the
// texts of each domain's questions are a script of their own (`parts`), loaded when an attempt
// starts or resumes (format: overrides/guidebuild/bank.py; loading: questions.js). The attempt is
// kept in localStorage, so a reload resumes it where it was; a submitted attempt's answers, and a
// fixed exam's result, go to the reader's progress (progress.js).
(function () {
  "use strict";

  const STORAGE_KEY = "mlsguide-practice-exam-v2"; // v2: an attempt keeps its own duration
  const EXAM_SIZE = 65;
  const EXAM_MINUTES = 180; // for all 65 questions: 2.77 minutes a question
  const ANNOUNCE_AT_MINUTES = [30, 5];
  const PASS_SCALED = 750;
  // Unofficial: AWS does not publish how raw results become scaled scores. We assume the pass
  // mark sits at 72% correct and interpolate linearly on both sides of it (documented on the page).
  const ASSUMED_PASS_FRACTION = 0.72;
  const { LETTERS, el, fill, loadTexts, isCorrect, letters, pct, siteRoot } = window.MLSGUIDE_QUESTIONS;
  const progress = window.MLSGUIDE_PROGRESS;

  // --- pure helpers (also described on the page, so readers can check their result) -----------

  function mulberry32(seed) {
    let a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function shuffled(items, random) {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  function targets(domains, size) {
    // Largest-remainder rounding of size x weight, so the targets always add up to `size`.
    const raw = domains.map((d) => (size * d.weight) / 100);
    const base = raw.map(Math.floor);
    let left = size - base.reduce((a, b) => a + b, 0);
    const order = raw.map((r, i) => [r - base[i], i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (const [, i] of order) {
      if (left === 0) break;
      base[i] += 1;
      left -= 1;
    }
    return base;
  }

  function draw(bank, seed, size) {
    const random = mulberry32(seed);
    const wanted = targets(bank.domains, size);
    const plan = [];
    let ids = [];
    bank.domains.forEach((domain, i) => {
      const pool = bank.questions.filter((q) => q.domain === domain.id).map((q) => q.id);
      const chosen = shuffled(pool, random).slice(0, wanted[i]);
      plan.push({ domain: domain.id, title: domain.title, wanted: wanted[i], drawn: chosen.length });
      ids = ids.concat(chosen);
    });
    return { ids: shuffled(ids, random), plan };
  }

  // `?exam=2` in the page's address: fixed exam 2, on the start screen ready to begin (the study
  // plan links its fixed exams so). -> {exam: its number or null, problem: "" or why there is none}
  function linkedExam(search, made) {
    const asked = new URLSearchParams(search).get("exam");
    if (asked === null) return { exam: null, problem: "" };
    if (/^[1-9]$/.test(asked) && Number(asked) <= made) return { exam: Number(asked), problem: "" };
    const have = made > 1 ? `there are fixed exams 1 to ${made}` : made ? "there is fixed exam 1 only"
      : "the pool does not fill a fixed exam yet";
    return { exam: null, problem: `This link asks for fixed exam "${asked}", which does not exist: ${have}. Choose an exam below.` };
  }

  // What the page's address asks for: `?size=20` a shorter draw (1 to 65 questions), `?seed=7` a
  // given seed (the study plan links to its checkpoints so). Anything else: a full exam, a new seed.
  function requested(search) {
    const params = new URLSearchParams(search);
    const whole = (name, min, max) => {
      const n = Number(params.get(name));
      return params.get(name) && Number.isInteger(n) && n >= min && n <= max ? n : null;
    };
    return { size: whole("size", 1, EXAM_SIZE) ?? EXAM_SIZE, seed: whole("seed", 0, 2 ** 32 - 1) };
  }

  function durationMs(questions) {
    // The real exam's pace, in whole minutes: 180 for 65 questions, 83 for 30.
    return Math.round((questions * EXAM_MINUTES) / EXAM_SIZE) * 60000;
  }

  function scaledScore(fraction) {
    const p = ASSUMED_PASS_FRACTION;
    const score = fraction <= p ? 100 + (650 * fraction) / p : 750 + (250 * (fraction - p)) / (1 - p);
    return Math.round(score);
  }

  function formatClock(ms) {
    const total = Math.max(0, Math.ceil(ms / 1000));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    return `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
  }

  // --- the app -------------------------------------------------------------------------------

  function start(root) {
    const bank = window.MLSGUIDE_BANK;
    const byId = Object.fromEntries(bank.questions.map((q) => [q.id, q]));
    const status = el("div", { class: "exam-sr-status", role: "status", "aria-live": "polite" });
    const alert = el("div", { class: "exam-sr-alert", role: "alert" });
    const view = el("div", { class: "exam-view" });
    const notice = el("p", { class: "practice-problem", id: "exam-notice", hidden: true });
    root.replaceChildren(notice, view, status, alert);
    const link = linkedExam(window.location.search, bank.exams.length);
    let state = load();
    let ticker = null;

    function load() {
      try {
        const saved = JSON.parse(localStorage.getItem(STORAGE_KEY));
        if (saved && Array.isArray(saved.ids) && saved.ids.every((id) => id in byId)) return saved;
      } catch (e) {
        /* unreadable progress is discarded */
      }
      return null;
    }

    function save() {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    }

    function clear() {
      localStorage.removeItem(STORAGE_KEY);
      state = null;
      stopClock();
      renderStart();
    }

    function remaining() {
      return state.startedAt + state.durationMs - Date.now();
    }

    function stopClock() {
      if (ticker) clearInterval(ticker);
      ticker = null;
    }

    function tick() {
      const left = remaining();
      const clock = view.querySelector(".exam-clock-time");
      if (clock) clock.textContent = formatClock(left);
      for (const minutes of ANNOUNCE_AT_MINUTES) {
        if (left <= minutes * 60000 && !state.announced.includes(minutes) && left > 0) {
          state.announced.push(minutes);
          save();
          alert.textContent = `${minutes} minutes left in the practice exam.`;
        }
      }
      if (left <= 0) {
        submit(true);
      }
    }

    function startClock() {
      stopClock();
      ticker = setInterval(tick, 1000);
      tick();
    }

    function say(text) {
      notice.textContent = text;
      notice.hidden = !text;
    }

    // Start screen --------------------------------------------------------------------------
    function renderStart() {
      say(link.problem);
      if (link.exam) return renderLinked(link.exam);
      const asked = requested(window.location.search);
      const size = asked.size;
      const seed = asked.seed ?? Math.floor(Math.random() * 1e9);
      const wanted = targets(bank.domains, size);
      const draws = size === EXAM_SIZE ? "a full exam draws" : `this ${size}-question draw asks for`;
      const held = bank.domains.map((d) => bank.questions.filter((q) => q.domain === d.id).length);
      const drawn = held.map((n, i) => Math.min(n, wanted[i]));
      const total = drawn.reduce((a, b) => a + b, 0);
      const minutes = durationMs(total) / 60000;
      const counts = bank.domains.map((d, i) => {
        const of = `${drawn[i]} of the ${wanted[i]} ${draws}`;
        if (held[i] === 0) return `${d.id}. ${d.title}: none yet (the pool has no questions for this domain)`;
        return `${d.id}. ${d.title}: ${of}${held[i] < wanted[i] ? ` (every question the pool holds)` : ""}`;
      });
      const seedInput = el("input", { id: "exam-seed", type: "number", min: "0", step: "1", value: String(seed), inputmode: "numeric" });
      fill(view,
        el("p", { id: "exam-pool" },
          `The practice-exam pool holds ${bank.questions.length} questions; the ${bank.quiz_count} questions of the chapters' quizzes are kept out of it. `,
          `A full exam draws ${EXAM_SIZE} in the blueprint's proportions (20/24/36/20 by domain). `,
          size < EXAM_SIZE
            ? [el("strong", { text: `This link asks for a shorter draw of ${size}, in the same proportions` }), " (",
              el("a", { href: window.location.pathname, id: "exam-full", text: "take a full exam instead" }), "). "]
            : null,
          total < size
            ? el("strong", { text: `The pool is still smaller than that, so this attempt has ${total} questions:` })
            : `This attempt has ${total} questions:`),
        el("ul", { id: "exam-draw" }, counts.map((c) => el("li", { text: c }))),
        el("p", { id: "exam-time" }, `You have ${minutes} minutes, the real exam's pace of 2.77 minutes a question (180 minutes for 65). `,
          "The clock keeps running if you reload or close the page."),
        el("p", { class: "exam-seed" },
          el("label", { for: "exam-seed", text: "Seed (the same seed draws the same questions in the same order): " }), seedInput),
        el("button", { type: "button", class: "md-button md-button--primary", id: "exam-start", text: "Start the practice exam",
          onclick: () => begin(Number.parseInt(seedInput.value, 10) || 0, size) }),
        fixedExams(),
      );
    }

    // The reader's results on fixed exam n so far, in a sentence.
    function fixedResults(n) {
      const r = progress.exams()[n];
      const result = (x) => `${x.right} of ${x.total} (${pct(x.right, x.total)}, ${x.scaled}) on ${x.day}`;
      return r ? `Best ${result(r.best)}; latest ${result(r.latest)}; ${r.attempts} attempt${r.attempts > 1 ? "s" : ""}.`
        : "Not taken yet.";
    }

    // The start screen of a link to fixed exam n: that exam, ready to begin.
    function renderLinked(n) {
      fill(view,
        el("h2", { id: "exam-linked-heading", text: `Fixed practice exam ${n}` }),
        el("p", { id: "exam-linked" }, `${EXAM_SIZE} questions in the blueprint's proportions (20/24/36/20 by domain), `,
          `none of them in another fixed exam, on the full ${EXAM_MINUTES} minutes. `,
          "The clock keeps running if you reload or close the page. ",
          el("span", { class: "exam-fixed-result", text: fixedResults(n) })),
        el("button", { type: "button", class: "md-button md-button--primary exam-fixed-start", id: "exam-start", "data-exam": String(n),
          text: `Start exam ${n}`, onclick: () => beginFixed(n) }),
        el("p", {}, el("a", { href: window.location.pathname, id: "exam-all", text: "The other fixed exams, and a seeded draw" })),
      );
    }

    // The fixed exams, each with the reader's best and latest result so far.
    function fixedExams() {
      const made = bank.exams.length;
      const items = bank.exams.map((ids, i) => el("li", { "data-exam": String(i + 1) },
        el("button", { type: "button", class: "md-button exam-fixed-start", "data-exam": String(i + 1),
          text: `Start exam ${i + 1}`, onclick: () => beginFixed(i + 1) }), " ",
        el("span", { class: "exam-fixed-result", text: fixedResults(i + 1) })));
      return el("div", { class: "exam-fixed" },
        el("h2", { id: "exam-fixed-heading", text: "Or take a fixed practice exam" }),
        el("p", { id: "exam-fixed-intro" }, made
          ? `${made === 5 ? "Five" : `${made} of the five`} fixed exams of ${EXAM_SIZE} questions, in the same proportions, on the full ${EXAM_MINUTES} minutes; no question is in two of them, so taking them in order shows your progress. `
          : `The pool does not hold a full fixed exam of ${EXAM_SIZE} questions yet. `,
        made < 5 ? `The remaining ones arrive when the pool holds enough questions for them.` : null),
        made ? el("ul", { id: "exam-fixed" }, items) : null);
    }

    function beginFixed(n) {
      const ids = bank.exams[n - 1].slice();
      const plan = bank.domains.map((d) => {
        const drawn = ids.filter((id) => byId[id].domain === d.id).length;
        return { domain: d.id, title: d.title, wanted: drawn, drawn };
      });
      open({ exam: n, seed: null, size: EXAM_SIZE, ids, plan });
    }

    function begin(seed, size) {
      const { ids, plan } = draw(bank, seed, size);
      open({ seed, size, ids, plan });
    }

    // A new attempt at these questions (`attempt`: {exam?, seed, size, ids, plan}), once their texts are loaded.
    function open(attempt) {
      view.querySelectorAll("#exam-start, .exam-fixed-start").forEach((button) => (button.disabled = true));
      withTexts(() => {
        say("");
        state = { ...attempt, answers: {}, flagged: [], current: 0, startedAt: Date.now(), durationMs: durationMs(attempt.ids.length),
          announced: [], submitted: false, autoSubmitted: false };
        save();
        renderQuestion();
        startClock();
        view.querySelector("h2")?.focus();
      });
    }

    function withTexts(then) {
      loadTexts(bank).then(then, (error) => {
        alert.textContent = `The questions could not be loaded (${error.message}). Reload the page to try again.`;
      });
    }

    // Question screen -----------------------------------------------------------------------
    function renderQuestion() {
      const i = state.current;
      const q = byId[state.ids[i]];
      const chosen = state.answers[q.id] || [];
      const flagged = state.flagged.includes(q.id);
      const type = q.kind === "single" ? "radio" : "checkbox";
      const choose = q.kind === "single" ? "Choose one." : `Choose ${q.choose}.`;
      const options = Object.entries(q.options).map(([key, html], n) =>
        el("label", { class: "quiz-option", "data-key": key },
          el("input", { type, name: "exam-choice", value: key, checked: chosen.includes(key), onchange: onAnswer }),
          el("span", { class: "quiz-letter", text: `${LETTERS[n]}.` }),
          el("span", { class: "quiz-text", html })));

      fill(view,
        el("div", { class: "exam-bar" },
          el("p", { class: "exam-clock" }, "Time left: ", el("span", { class: "exam-clock-time", text: formatClock(remaining()) })),
          el("p", { class: "exam-progress", text: `${Object.keys(state.answers).length} of ${state.ids.length} answered` })),
        el("h2", { tabindex: "-1", id: "exam-question-heading", "data-qid": q.id, text: `Question ${i + 1} of ${state.ids.length}` }),
        el("p", { class: "exam-meta", text: `Task statement ${q.task} · ${choose}` }),
        el("div", { class: "exam-stem", id: "exam-stem", html: q.stem }),
        el("fieldset", { class: "quiz-form", "aria-labelledby": "exam-question-heading", "aria-describedby": "exam-stem" },
          el("legend", { class: "exam-legend", text: choose }), options),
        el("div", { class: "exam-actions" },
          el("button", { type: "button", class: "md-button", id: "exam-prev", disabled: i === 0, text: "Previous", onclick: () => go(i - 1) }),
          el("button", { type: "button", class: "md-button", id: "exam-flag", "aria-pressed": String(flagged),
            text: flagged ? "Unflag" : "Flag for review", onclick: toggleFlag }),
          el("button", { type: "button", class: "md-button", id: "exam-next", disabled: i === state.ids.length - 1, text: "Next", onclick: () => go(i + 1) }),
          el("button", { type: "button", class: "md-button md-button--primary", id: "exam-submit", text: "Submit exam", onclick: () => submit(false) })),
        navigator(),
        el("p", {}, el("button", { type: "button", class: "md-button exam-restart", text: "Start over", onclick: confirmRestart })),
      );
    }

    // A drawn flag, not the character ⚑: none of the guide's fonts has that glyph. In a navigator
    // button it is decoration (the button's label says "flagged"); in the legend it is the word.
    function flagIcon(decoration) {
      return el("span", decoration ? { class: "exam-flag-icon", "aria-hidden": "true" }
        : { class: "exam-flag-icon", role: "img", "aria-label": "flag" });
    }

    function navigator() {
      const buttons = state.ids.map((id, n) => {
        const answered = Boolean(state.answers[id]?.length);
        const flagged = state.flagged.includes(id);
        const words = [answered ? "answered" : "unanswered", flagged ? "flagged" : null, n === state.current ? "current" : null].filter(Boolean);
        return el("li", {},
          el("button", { type: "button", class: `exam-nav-item${answered ? " is-answered" : ""}${flagged ? " is-flagged" : ""}${n === state.current ? " is-current" : ""}`,
            "aria-label": `Question ${n + 1}, ${words.join(", ")}`, "aria-current": n === state.current ? "step" : false,
            text: `${n + 1}`, onclick: () => go(n) }, flagged ? [" ", flagIcon(true)] : []));
      });
      return el("nav", { class: "exam-navigator", "aria-label": "Question navigator" },
        el("p", { class: "exam-legend-keys" }, "Filled: answered · ", flagIcon(), ": flagged for review · outlined: unanswered"),
        el("ol", {}, buttons));
    }

    function onAnswer() {
      const q = byId[state.ids[state.current]];
      const chosen = [...view.querySelectorAll('input[name="exam-choice"]')].filter((i) => i.checked).map((i) => i.value);
      if (chosen.length) state.answers[q.id] = chosen;
      else delete state.answers[q.id];
      save();
      view.querySelector(".exam-progress").textContent = `${Object.keys(state.answers).length} of ${state.ids.length} answered`;
      view.querySelector(".exam-navigator").replaceWith(navigator());
    }

    function toggleFlag() {
      const id = state.ids[state.current];
      state.flagged = state.flagged.includes(id) ? state.flagged.filter((x) => x !== id) : state.flagged.concat(id);
      save();
      renderQuestion();
      view.querySelector("#exam-flag").focus();
      status.textContent = state.flagged.includes(id) ? "Flagged for review." : "Flag removed.";
    }

    function go(n) {
      state.current = Math.max(0, Math.min(state.ids.length - 1, n));
      save();
      renderQuestion();
      view.querySelector("h2").focus();
    }

    function confirmRestart() {
      if (window.confirm("Start over? Your answers in this attempt will be deleted.")) clear();
    }

    function submit(automatic) {
      if (state.submitted) return;
      if (!automatic) {
        const open = state.ids.length - Object.keys(state.answers).length;
        const message = open
          ? `Submit now? ${open} question(s) are unanswered and will count as wrong.`
          : "Submit your answers now?";
        if (!window.confirm(message)) return;
      }
      state.submitted = true;
      state.autoSubmitted = automatic;
      state.submittedAt = Date.now();
      save();
      stopClock();
      keepProgress();
      renderResults();
      if (automatic) alert.textContent = "Time is up. Your exam was submitted automatically.";
    }

    // Every question of the attempt goes to the reader's progress (an unanswered one as wrong,
    // as it is scored), and a fixed exam's result to that exam's results.
    function keepProgress() {
      const r = results();
      r.rows.forEach(({ q, correct }) => progress.record({ id: q.id, task: q.task, domain: q.domain, right: correct,
        flagged: state.flagged.includes(q.id), source: "exam" }));
      if (state.exam) progress.recordExam(state.exam, { right: r.right, total: r.rows.length, scaled: r.scaled });
    }

    // Results screen ------------------------------------------------------------------------
    function results() {
      const rows = state.ids.map((id) => {
        const q = byId[id];
        const chosen = state.answers[id] || [];
        return { q, chosen, correct: isCorrect(q, chosen) };
      });
      const right = rows.filter((r) => r.correct).length;
      const fraction = rows.length ? right / rows.length : 0;
      const scaled = scaledScore(fraction);
      const group = (key) => {
        const out = {};
        rows.forEach((r) => {
          const k = r.q[key];
          out[k] = out[k] || { correct: 0, total: 0 };
          out[k].total += 1;
          out[k].correct += r.correct ? 1 : 0;
        });
        return out;
      };
      return { rows, right, fraction, scaled, passed: scaled >= PASS_SCALED, byDomain: group("domain"), byTask: group("task") };
    }

    function fixedSummary(n) {
      const r = progress.exams()[n];
      if (!r) return "";
      return `Your best result on it: ${r.best.right} of ${r.best.total} (${pct(r.best.right, r.best.total)}), ` +
        `in ${r.attempts} attempt${r.attempts > 1 ? "s" : ""}. Your progress page shows every fixed exam's results.`;
    }

    function renderResults() {
      const r = results();
      const domainRows = bank.domains.filter((d) => r.byDomain[d.id]).map((d) =>
        el("tr", {}, el("th", { scope: "row", text: `${d.id}. ${d.title}` }),
          el("td", { text: `${r.byDomain[d.id].correct} / ${r.byDomain[d.id].total}` }),
          el("td", { text: pct(r.byDomain[d.id].correct, r.byDomain[d.id].total) })));
      const taskRows = Object.keys(r.byTask).sort((a, b) => a.localeCompare(b, "en", { numeric: true })).map((t) =>
        el("tr", {}, el("th", { scope: "row", text: `${t} ${bank.tasks[t]}` }),
          el("td", { text: `${r.byTask[t].correct} / ${r.byTask[t].total}` }),
          el("td", { text: pct(r.byTask[t].correct, r.byTask[t].total) })));
      const review = r.rows.map((row, n) => {
        const q = row.q;
        return el("li", { class: `exam-review-item ${row.correct ? "is-correct" : "is-wrong"}`, "data-qid": q.id },
          el("h3", {}, `Question ${n + 1}: `, el("span", { class: "exam-review-mark", text: row.correct ? "correct" : "incorrect" })),
          el("div", { class: "exam-stem", html: q.stem }),
          el("p", {}, el("strong", { text: "Your answer: " }), letters(row.chosen), " · ", el("strong", { text: "Correct answer: " }), letters(q.answer)),
          el("ul", { class: "exam-explanations" }, Object.entries(q.options).map(([k, html], i) =>
            el("li", {}, el("strong", { text: `${LETTERS[i]}${q.answer.includes(k) ? " (correct)" : ""}: ` }),
              el("span", { html }), el("div", { class: "exam-why", html: q.explanations[k] })))),
          el("p", {}, el("a", { href: siteRoot() + q.link, text: `Review task statement ${q.task} in the guide` }), " · ",
            el("a", { href: q.report, class: "exam-report", text: "Report a problem with this question" })));
      });
      const parts = [
        el("h2", { tabindex: "-1", id: "exam-results-heading", text: "Results" }),
        state.autoSubmitted ? el("p", { class: "exam-auto", text: "Time ran out, so the exam was submitted automatically." }) : null,
        el("dl", { class: "exam-score" },
          el("dt", { text: "Correct" }), el("dd", { id: "exam-percent", text: `${r.right} of ${r.rows.length} (${pct(r.right, r.rows.length)})` }),
          el("dt", { text: "Estimated scaled score (unofficial)" }), el("dd", { id: "exam-scaled", text: String(r.scaled) }),
          el("dt", { text: "Result against the pass mark of 750" }), el("dd", { id: "exam-verdict", class: r.passed ? "is-pass" : "is-fail", text: r.passed ? "Pass" : "Fail" })),
        state.exam
          ? el("p", { id: "exam-fixed-best" }, `Fixed exam ${state.exam}. `, fixedSummary(state.exam))
          : el("p", {}, `Seed ${state.seed}: enter it again to retake the same questions`,
            (state.size || EXAM_SIZE) < EXAM_SIZE
              ? [" (", el("a", { href: `?size=${state.size}&seed=${state.seed}`, text: `this draw of ${state.size}` }), ")."]
              : "."),
        el("h3", { text: "By domain" }),
        el("table", { id: "exam-by-domain" },
          el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Domain" }), el("th", { scope: "col", text: "Correct" }), el("th", { scope: "col", text: "Percent" }))),
          el("tbody", {}, domainRows)),
        el("h3", { text: "By task statement" }),
        el("table", { id: "exam-by-task" },
          el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Task statement" }), el("th", { scope: "col", text: "Correct" }), el("th", { scope: "col", text: "Percent" }))),
          el("tbody", {}, taskRows)),
        el("p", {}, el("button", { type: "button", class: "md-button md-button--primary exam-restart", text: "Start over", onclick: clear })),
        el("h3", { text: "Review every question" }),
        el("ol", { class: "exam-review" }, review),
      ];
      fill(view, parts);
      view.querySelector("h2").focus();
    }

    // An attempt under way resumes, whatever the address asks for; a link to a fixed exam or a
    // bad link opens the start screen rather than the last results.
    if (state && !state.submitted) {
      const current = state.exam ? `fixed exam ${state.exam}` : "a drawn exam";
      if (link.exam && link.exam !== state.exam) {
        say(`This link opens fixed exam ${link.exam}, but you have ${current} under way, so here it is. ` +
          `Submit it, or choose Start over, to take exam ${link.exam}.`);
      } else say(link.problem);
      withTexts(() => {
        renderQuestion();
        startClock();
      });
    } else if (state && !link.exam && !link.problem) withTexts(renderResults);
    else renderStart();
  }

  function init() {
    const root = document.getElementById("exam-app");
    if (root && window.MLSGUIDE_BANK && !root.dataset.started) {
      root.dataset.started = "true";
      start(root);
    }
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
