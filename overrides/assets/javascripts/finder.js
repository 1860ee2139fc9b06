/* Which service? (docs/reference/which-service.md; the data comes from guidebuild.finder).
   One question at a time, as radio buttons in a fieldset: first what is being chosen (a decision
   table), then that table's questions. Each question offers only the answers that some remaining
   option fits, and is skipped when it would not narrow them; when one option remains, or the
   questions run out, the answer shows with its reason and a link to the table in its chapter.
   Everything works with the keyboard: arrows choose, Enter or the button goes on. */
(function () {
  "use strict";

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    if (text) node.textContent = text;
    return node;
  }

  function fitting(options, question, answer) {
    return options.filter((option) => option.fits[question.key].includes(answer));
  }

  // The next question that narrows the remaining options, with the answers they fit.
  function nextQuestion(topic, answered, options) {
    for (const question of topic.questions.slice(answered)) {
      const answers = question.answers.filter((a) => fitting(options, question, a).length > 0);
      const narrows = answers.some((a) => fitting(options, question, a).length < options.length);
      if (answers.length > 1 && narrows) return { question, answers, index: topic.questions.indexOf(question) };
    }
    return null;
  }

  function start(app) {
    const topics = JSON.parse(app.dataset.finder);
    const form = element("form", { class: "finder-form", novalidate: "" });
    const result = element("div", { class: "finder-result", "aria-live": "polite" });
    app.replaceChildren(form, result);
    let state;

    function reset(focus = true) {
      state = { topic: null, asked: 0, options: [], choices: [] };
      ask("What are you choosing?", topics.map((t) => t.title), "topic", focus);
    }

    function ask(legendText, answers, name, focus = true) {
      result.replaceChildren();
      form.replaceChildren();
      const fieldset = element("fieldset", { class: "finder-question" });
      const legend = element("legend", { tabindex: "-1" }, legendText);
      fieldset.append(legend);
      answers.forEach((answer, i) => {
        const id = `finder-${name}-${i}`;
        const input = element("input", { type: "radio", name, id, value: answer });
        if (i === 0) input.required = true;
        const label = element("label", { for: id }, answer);
        const row = element("div", { class: "finder-answer" });
        row.append(input, label);
        fieldset.append(row);
      });
      const next = element("button", { type: "submit", class: "md-button md-button--primary" }, "Next");
      form.append(fieldset, next);
      if (state.choices.length) form.append(restartButton());
      if (focus) legend.focus();
    }

    function restartButton() {
      const button = element("button", { type: "button", class: "md-button finder-restart" }, "Start over");
      button.addEventListener("click", () => reset());
      return button;
    }

    function proceed() {
      const next = nextQuestion(state.topic, state.asked, state.options);
      if (next && state.options.length > 1) {
        state.current = next;
        ask(next.question.ask, next.answers, next.question.key);
      } else {
        answer();
      }
    }

    function answer() {
      form.replaceChildren(restartButton());
      const topic = state.topic;
      const heading = element("h2", { tabindex: "-1", id: "finder-answer" },
        state.options.length === 1 ? `Answer: ${state.options[0].name}` : "Answers: " +
          state.options.map((o) => o.name).join(", "));
      const parts = [heading];
      const given = element("ul", { class: "finder-choices" });
      state.choices.forEach(([question, choice]) => given.append(element("li", {}, `${question} ${choice}`)));
      parts.push(element("p", {}, "You answered:"), given);
      state.options.forEach((option) => {
        const block = element("div", { class: "finder-option" });
        if (state.options.length > 1) block.append(element("h3", {}, option.name));
        block.append(element("p", {}, `Why: ${option.reason}`));
        const values = element("ul", {});
        Object.entries(option.values).forEach(([criterion, value]) =>
          values.append(element("li", {}, `${criterion}: ${value}`)));
        block.append(values);
        parts.push(block);
      });
      const more = element("p", {});
      const link = element("a", { href: topic.link }, `${topic.title}, in chapter ${topic.task}`);
      more.append("Compare every option in the decision table: ", link, ".");
      parts.push(more);
      result.replaceChildren(...parts);
      heading.focus();
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const chosen = form.querySelector("input[type=radio]:checked");
      if (!chosen) {
        form.querySelector("legend").focus();
        return;
      }
      if (chosen.name === "topic") {
        state.topic = topics.find((t) => t.title === chosen.value);
        state.options = state.topic.options.slice();
        state.choices.push(["Choosing:", chosen.value]);
      } else {
        const question = state.current.question;
        state.options = fitting(state.options, question, chosen.value);
        state.asked = state.current.index + 1;
        state.choices.push([question.ask, chosen.value]);
      }
      proceed();
    });
    reset(false); // no jump on load: focus moves once the reader answers
  }

  document.querySelectorAll("#finder-app[data-finder]").forEach(start);
})();
