// The reader's progress: one localStorage record of every answer given anywhere in the guide (the
// chapters' quizzes, the practice exams, practice by task statement, the review of missed
// questions). Plain JavaScript, no network. The practice pages and the progress page read it.
//
// API, as window.MLSGUIDE_PROGRESS (no function throws):
//   today()                   the day, "YYYY-MM-DD" in local time; the store's only clock (Date)
//   record(answer)            add one answer: {id, task, domain, right: true|false,
//                             flagged: true|false, source: "quiz"|"exam"|"practice"|"review"};
//                             the store adds `day` and `at` (milliseconds)
//   answers()                 every answer, oldest first
//   recordExam(n, result)     an attempt at fixed practice exam n: {right, total, scaled}
//   exams()                   {exam number: {attempts, best, latest}}, each result with its day
//   reviewState(id)           {inReview, streak, due} by the Leitner rule below
//   review()                  {due: [ids, oldest miss first], later: [ids]}
//   exportText()              the record as JSON text, for a download
//   importText(text)          merge a downloaded record in: {ok, message}
//   clear()                   delete the record
//   problem                   "" or a sentence saying the saved record could not be read
//
// The record (key "mlsguide-progress-v1"): {"version": 1, "answers": [{"id", "task", "domain",
// "right", "flagged", "source", "day", "at"}], "exams": {"1": [{"right", "total", "scaled",
// "day", "at"}]}}. A record that cannot be read (not JSON, another version, a field of the
// wrong type) is never used and never lost: it is moved to "mlsguide-progress-v1-unreadable",
// a new record is started, and `problem` says so.
//
// The Leitner rule of the review: a question enters the review when it is answered wrongly or
// flagged, anywhere. Each later right answer on a new day moves it up one box; after two it
// leaves the review. A right answer on a day that already counted counts once, and a wrong or
// flagged answer puts it back to the start. A question one box up is due again from the next day.
(function () {
  "use strict";

  const KEY = "mlsguide-progress-v1";
  const VERSION = 1;
  const RIGHT_DAYS_TO_LEAVE = 2;
  const SOURCES = ["quiz", "exam", "practice", "review"];
  const DAY = /^\d{4}-\d{2}-\d{2}$/;

  function today() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  function empty() {
    return { version: VERSION, answers: [], exams: {} };
  }

  // What is wrong with a record, or "" (a loaded one and an imported file are checked alike).
  function problemWith(record) {
    if (!record || typeof record !== "object" || Array.isArray(record)) return "it is not a progress record";
    if (!("version" in record)) return "it has no version number";
    if (record.version !== VERSION) return `it has version ${JSON.stringify(record.version)}, this guide reads version ${VERSION}`;
    if (!Array.isArray(record.answers)) return "it has no list of answers";
    for (const [n, a] of record.answers.entries()) {
      const where = `answer ${n + 1}`;
      if (!a || typeof a !== "object") return `${where} is not an object`;
      for (const field of ["id", "task", "domain"]) {
        if (typeof a[field] !== "string" || !a[field]) return `${where}: '${field}' must be a text`;
      }
      for (const field of ["right", "flagged"]) {
        if (typeof a[field] !== "boolean") return `${where}: '${field}' must be true or false`;
      }
      if (!SOURCES.includes(a.source)) return `${where}: 'source' must be one of ${SOURCES.join(", ")}`;
      if (typeof a.day !== "string" || !DAY.test(a.day)) return `${where}: 'day' must be a date like 2026-01-31`;
      if (!Number.isFinite(a.at)) return `${where}: 'at' must be a time in milliseconds`;
    }
    if (!record.exams || typeof record.exams !== "object" || Array.isArray(record.exams)) return "it has no exam results";
    for (const [exam, attempts] of Object.entries(record.exams)) {
      if (!/^[1-9]$/.test(exam) || !Array.isArray(attempts)) return `exam ${exam}: not a fixed exam's list of attempts`;
      for (const [n, r] of attempts.entries()) {
        const fields = ["right", "total", "scaled", "at"];
        if (!r || fields.some((f) => !Number.isFinite(r[f])) || !DAY.test(r.day)) {
          return `exam ${exam}, attempt ${n + 1}: needs right, total, scaled, at (numbers) and day`;
        }
      }
    }
    return "";
  }

  let problem = "";
  const memory = { text: null }; // where the record lives when localStorage cannot be used

  function readStorage() {
    try {
      return localStorage.getItem(KEY);
    } catch (e) {
      problem = "This browser does not let the guide keep your progress, so it is kept only until you leave the page.";
      return memory.text;
    }
  }

  function writeStorage(text) {
    memory.text = text;
    try {
      localStorage.setItem(KEY, text);
    } catch (e) {
      problem = `Your progress could not be saved in this browser (${e.name}); it is kept only until you leave the page.`;
    }
  }

  function load() {
    const text = readStorage();
    if (text === null) return empty();
    let record = null;
    let why = "";
    try {
      record = JSON.parse(text);
      why = problemWith(record);
    } catch (e) {
      why = "it is not valid JSON";
    }
    if (!why) return record;
    try {
      localStorage.setItem(`${KEY}-unreadable`, text);
      localStorage.removeItem(KEY);
    } catch (e) {
      /* nothing more can be done; the message says what happened */
    }
    problem = `Your saved progress could not be read (${why}). It was set aside, under "${KEY}-unreadable" in this browser's storage, and a new record was started.`;
    return empty();
  }

  let data = load();

  function save() {
    writeStorage(JSON.stringify(data));
  }

  // Before a change, what another tab of the guide may have saved meanwhile.
  function refresh() {
    try {
      const saved = JSON.parse(localStorage.getItem(KEY));
      if (saved && !problemWith(saved)) data = saved;
    } catch (e) {
      /* keep what this page has */
    }
  }

  // A time for a new entry: now, or just after the last one, so that times are unique and in order
  // (the merge of an import tells entries apart by them).
  function nextTime(entries) {
    return Math.max(Date.now(), ...entries.slice(-1).map((e) => e.at + 1));
  }

  function record(answer) {
    refresh();
    const at = nextTime(data.answers);
    data.answers.push({ id: String(answer.id), task: String(answer.task), domain: String(answer.domain),
      right: Boolean(answer.right), flagged: Boolean(answer.flagged), source: answer.source, day: today(), at });
    save();
  }

  function recordExam(n, result) {
    refresh();
    const key = String(n);
    data.exams[key] = (data.exams[key] || []).concat({ right: result.right, total: result.total,
      scaled: result.scaled, day: today(), at: nextTime(data.exams[key] || []) });
    save();
  }

  function exams() {
    const out = {};
    for (const [n, attempts] of Object.entries(data.exams)) {
      if (!attempts.length) continue;
      const byTime = attempts.slice().sort((a, b) => a.at - b.at);
      const best = byTime.reduce((b, r) => (r.right / r.total > b.right / b.total ? r : b));
      out[n] = { attempts: byTime.length, best, latest: byTime[byTime.length - 1] };
    }
    return out;
  }

  function states() {
    const out = {};
    for (const a of data.answers) {
      const s = (out[a.id] = out[a.id] || { inReview: false, streak: 0, lastRightDay: null, since: 0 });
      if (!a.right || a.flagged) {
        Object.assign(s, { inReview: true, streak: 0, lastRightDay: null, since: a.at });
      } else if (s.inReview && a.day !== s.lastRightDay) {
        s.streak += 1;
        s.lastRightDay = a.day;
        if (s.streak >= RIGHT_DAYS_TO_LEAVE) Object.assign(s, { inReview: false, streak: 0, lastRightDay: null });
      }
    }
    const day = today();
    for (const s of Object.values(out)) s.due = s.inReview && (s.streak === 0 || day > s.lastRightDay);
    return out;
  }

  function reviewState(id) {
    const s = states()[id];
    return s ? { inReview: s.inReview, streak: s.streak, due: s.due } : { inReview: false, streak: 0, due: false };
  }

  function review() {
    const all = Object.entries(states()).filter(([, s]) => s.inReview).sort((a, b) => a[1].since - b[1].since);
    return { due: all.filter(([, s]) => s.due).map(([id]) => id), later: all.filter(([, s]) => !s.due).map(([id]) => id) };
  }

  function exportText() {
    return JSON.stringify(data, null, 1);
  }

  function importText(text) {
    let incoming;
    try {
      incoming = JSON.parse(text);
    } catch (e) {
      return { ok: false, message: "That file is not a progress file from this guide: it is not valid JSON. Nothing was changed." };
    }
    const why = problemWith(incoming);
    if (why) return { ok: false, message: `That file is not a progress file this guide can read: ${why}. Nothing was changed.` };
    refresh();
    const seen = new Set(data.answers.map((a) => `${a.id}|${a.at}`));
    const added = incoming.answers.filter((a) => !seen.has(`${a.id}|${a.at}`));
    data.answers = data.answers.concat(added).sort((a, b) => a.at - b.at);
    let results = 0;
    for (const [n, attempts] of Object.entries(incoming.exams)) {
      const mine = data.exams[n] || [];
      const fresh = attempts.filter((r) => !mine.some((m) => m.at === r.at));
      results += fresh.length;
      data.exams[n] = mine.concat(fresh).sort((a, b) => a.at - b.at);
    }
    save();
    const known = incoming.answers.length - added.length;
    return { ok: true, message: `Imported ${added.length} answers and ${results} exam results` +
      (known ? `; ${known} answers were already here.` : ".") };
  }

  function clear() {
    data = empty();
    save();
  }

  window.MLSGUIDE_PROGRESS = {
    today, record, recordExam, exams, reviewState, review, exportText, importText, clear,
    answers: () => data.answers.map((a) => ({ ...a })),
    get problem() { return problem; },
  };
})();
