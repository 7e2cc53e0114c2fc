// The form (rendered by site_plugins/figures/calculator_form.py): reads the reader's answers, shows a
// case as the core reads it, asks only the questions that apply (questions.toml asked_if, read
// as cip_core.questions.condition_holds reads it) and puts the core's messages beside their fields.
import { fieldElement, fieldId } from "./page_data.js";

export function formOf(element, rules) {
  const fields = element ? [...new Set([...element.elements].map((c) => c.name).filter(Boolean))] : [];
  const controls = (name) => [...element.elements].filter((c) => c.name === name);

  /** A question as the reading rules need it: {kind: yes_no | choice | text, choices}. */
  function question(name) {
    const group = controls(name);
    if (group[0]?.type !== "radio") return { kind: "text", choices: [] };
    const choices = group.map((c) => c.value).filter(Boolean);
    return { kind: choices.includes("yes") && choices.includes("no") ? "yes_no" : "choice", choices };
  }

  /** Whether an asked_if condition holds for a case, each answer read as its question's kind. */
  function holds(condition, theCase) {
    return rules.conditionHolds(condition, (field) => rules.read(question(field), theCase[field]));
  }

  function isAsked(name, theCase) {
    let condition = null;
    try {
      condition = JSON.parse(fieldElement("question", name)?.dataset.askedIf || "null");
    } catch {
      return true; // a condition the page cannot read never hides a question
    }
    return !condition || holds(condition, theCase);
  }

  /** The case the core answers: the answers to questions that are asked (the URL keeps all). */
  function askedCase(theCase) {
    return Object.fromEntries(Object.entries(theCase).filter(([name]) => isAsked(name, theCase)));
  }

  /** The last question asked for this case: answering it completes the form. */
  function lastAsked(theCase) {
    return fields.filter((name) => isAsked(name, theCase)).at(-1) ?? null;
  }

  function showAsked(theCase) {
    for (const wrapper of element.querySelectorAll(".cip-question[data-asked-if]")) {
      wrapper.hidden = !isAsked(wrapper.dataset.field, theCase);
    }
  }

  /** Shows a case as the core reads it: a radio is checked only for a value read as its answer. */
  function fill(theCase) {
    for (const name of fields) {
      const value = theCase[name];
      const raw = Array.isArray(value) ? value[0] : value ?? "";
      const group = controls(name);
      if (group[0]?.type === "radio") {
        const wanted = raw === "" ? "" : rules.read(question(name), raw);
        for (const radio of group) radio.checked = wanted !== null && radio.value === wanted;
      } else {
        for (const input of group) input.value = rules.strip(raw); // a date input drops what it cannot show
      }
    }
    showAsked(theCase);
  }

  /** The value a control gives its field now ("" for none). */
  function valueOf(control) {
    if (control.type !== "radio") return control.value;
    return controls(control.name).find((c) => c.checked)?.value ?? "";
  }

  function label(name) {
    const legend = fieldElement("question", name)?.querySelector(".cip-legend");
    return legend ? legend.textContent.trim() : name;
  }

  function focus(name) {
    const group = controls(name);
    const target = group.find((c) => c.checked) || group[0];
    if (!target) return;
    fieldElement("question", name)?.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }

  /** [field, question, answer shown] for each answered question that is asked. */
  function answerRows(theCase, shortLabels) {
    const rows = [];
    const asked = askedCase(theCase);
    for (const name of fields) {
      const value = asked[name];
      if (value === undefined) continue;
      let shown = Array.isArray(value) ? value.join(" / ") : value;
      const picked = controls(name).find((c) => c.type === "radio" && c.checked);
      const pickedLabel = picked && element.querySelector(`label[for="${picked.id}"]`);
      if (pickedLabel) shown = pickedLabel.textContent.trim();
      rows.push([name, shortLabels?.[name] || label(name), shown]);
    }
    return rows;
  }

  /** The core's messages beside their fields (none: every field clean). */
  function showErrors(errors) {
    const byField = new Map();
    for (const error of errors) {
      if (!fields.includes(error.field)) continue;
      byField.set(error.field, [...(byField.get(error.field) || []), String(error.message ?? "")]);
    }
    for (const name of fields) {
      const box = fieldElement("error", name);
      const messages = byField.get(name);
      const hint = fieldElement("hint", name);
      const described = [hint?.id, messages ? box?.id : null].filter(Boolean).join(" ");
      for (const control of controls(name)) {
        if (messages) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
        if (described) control.setAttribute("aria-describedby", described);
        else control.removeAttribute("aria-describedby");
      }
      fieldElement("question", name)?.classList.toggle("cip-question--invalid", Boolean(messages));
      if (!box) continue;
      box.textContent = messages ? messages.join(" ") : "";
      box.hidden = !messages;
    }
  }

  /** A view: the questions asked follow the case, the messages follow the answer shown. */
  function view() {
    let shownCase = null;
    let shownAnswer;
    return (s) => {
      if (s.case !== shownCase) showAsked((shownCase = s.case));
      if (s.answer === shownAnswer) return;
      shownAnswer = s.answer;
      showErrors(s.answer?.type === "input_error" ? s.answer.errors : []);
    };
  }

  const questionHref = (name) => `#${fieldId("question", name)}`;
  return { element, fields, fill, valueOf, holds, askedCase, lastAsked, label, focus, answerRows, view, questionHref };
}
