// End-of-chapter quizzes. The page already holds every question, its options, the answer and the
// explanations as plain HTML (readable without JavaScript and in print). This script turns each
// question into a form: pick, check, and see which options were right, with every explanation.
// Every checked answer goes to the reader's progress (progress.js), so that a missed question
// comes back in the review of missed questions. A question flagged before its answer is checked
// comes back too, as a flagged exam question does: the flag is part of the answer it goes with.
(function () {
  "use strict";

  const LETTERS = "ABCDEFGHIJ";

  function sameSet(a, b) {
    return a.length === b.length && a.every((x) => b.includes(x));
  }

  function enhance(question) {
    if (question.dataset.enhanced) return;
    question.dataset.enhanced = "true";
    const id = question.id;
    const kind = question.dataset.kind;
    const answer = question.dataset.answer.split(" ");
    const list = question.querySelector(".quiz-options");
    const details = question.querySelector(".quiz-answer");
    const stem = question.querySelector(".quiz-stem");
    stem.id = `${id}-stem`;

    const fieldset = document.createElement("fieldset");
    fieldset.className = "quiz-form";
    fieldset.setAttribute("aria-describedby", `${id}-stem`);
    const legend = document.createElement("legend");
    legend.textContent = question.querySelector(".quiz-number").textContent;
    fieldset.append(legend);

    [...list.children].forEach((item, i) => {
      const key = item.dataset.key;
      const label = document.createElement("label");
      label.className = "quiz-option";
      label.dataset.key = key;
      const input = document.createElement("input");
      input.type = kind === "single" ? "radio" : "checkbox";
      input.name = `${id}-choice`;
      input.value = key;
      const letter = document.createElement("span");
      letter.className = "quiz-letter";
      letter.textContent = `${LETTERS[i]}.`;
      const text = document.createElement("span");
      text.className = "quiz-text";
      text.innerHTML = item.innerHTML;
      const mark = document.createElement("span");
      mark.className = "quiz-mark";
      label.append(input, letter, text, mark);
      fieldset.append(label);
    });

    const actions = document.createElement("div");
    actions.className = "quiz-actions";
    const check = document.createElement("button");
    check.type = "button";
    check.className = "md-button md-button--primary quiz-check";
    check.textContent = "Check answer";
    const retry = document.createElement("button");
    retry.type = "button";
    retry.className = "md-button quiz-retry";
    retry.textContent = "Try again";
    retry.hidden = true;
    const flag = document.createElement("button");
    flag.type = "button";
    flag.className = "md-button quiz-flag";
    flag.setAttribute("aria-pressed", "false");
    flag.textContent = "Flag for review";
    actions.append(check, flag, retry);

    const feedback = document.createElement("p");
    feedback.className = "quiz-feedback";
    feedback.setAttribute("role", "status");

    list.replaceWith(fieldset);
    fieldset.after(actions, feedback);
    details.hidden = true; // explanations appear once the reader has answered

    const inputs = () => [...fieldset.querySelectorAll("input")];
    const flagged = () => flag.getAttribute("aria-pressed") === "true";

    flag.addEventListener("click", () => {
      const on = !flagged();
      flag.setAttribute("aria-pressed", String(on));
      flag.textContent = on ? "Unflag" : "Flag for review";
      feedback.textContent = on ? "Flagged: checking your answer sends this question to the review." : "Flag removed.";
    });

    check.addEventListener("click", () => {
      const chosen = inputs().filter((i) => i.checked).map((i) => i.value);
      if (chosen.length === 0) {
        feedback.textContent = "Choose an option first.";
        return;
      }
      if (kind === "multiple" && chosen.length !== answer.length) {
        feedback.textContent = `Choose exactly ${answer.length} options; you chose ${chosen.length}.`;
        return;
      }
      const right = sameSet(chosen, answer);
      const task = question.closest(".quiz").dataset.task;
      window.MLSGUIDE_PROGRESS?.record({ id, task, domain: task.split(".")[0], right, flagged: flagged(), source: "quiz" });
      fieldset.querySelectorAll(".quiz-option").forEach((label) => {
        const key = label.dataset.key;
        const isAnswer = answer.includes(key);
        const picked = chosen.includes(key);
        label.classList.toggle("is-correct", isAnswer);
        label.classList.toggle("is-wrong", picked && !isAnswer);
        label.querySelector(".quiz-mark").textContent = isAnswer
          ? picked ? " ✓ correct, your choice" : " ✓ correct"
          : picked ? " ✗ your choice, incorrect" : "";
      });
      inputs().forEach((i) => (i.disabled = true));
      const letters = answer.map((k) => LETTERS[k.charCodeAt(0) - 97]).join(", ");
      feedback.textContent = (right
        ? `Correct. The answer is ${letters}.`
        : `Not quite. The answer is ${letters}. Read why each option is right or wrong below.`) +
        (flagged() ? " Flagged: it comes back in the review of missed questions." : "");
      feedback.classList.toggle("is-correct", right);
      feedback.classList.toggle("is-wrong", !right);
      details.hidden = false;
      details.open = true;
      check.hidden = true;
      flag.disabled = true; // the flag went with this answer; "Try again" starts a new one
      retry.hidden = false;
      retry.focus();
    });

    retry.addEventListener("click", () => {
      inputs().forEach((i) => {
        i.disabled = false;
        i.checked = false;
      });
      fieldset.querySelectorAll(".quiz-option").forEach((label) => {
        label.classList.remove("is-correct", "is-wrong");
        label.querySelector(".quiz-mark").textContent = "";
      });
      feedback.textContent = "";
      feedback.classList.remove("is-correct", "is-wrong");
      details.open = false;
      details.hidden = true;
      retry.hidden = true;
      check.hidden = false;
      flag.disabled = false;
      flag.setAttribute("aria-pressed", "false");
      flag.textContent = "Flag for review";
      inputs()[0].focus();
    });
  }

  function init() {
    // The print page (the PDF) keeps the static questions: there is nothing to click on paper.
    if (document.getElementById("print-site-page")) return;
    document.querySelectorAll(".quiz-question").forEach(enhance);
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
