// What the build hands the scripts in the page's data block (site_plugins/figures/calculator_form.py,
// script_texts): the sentences of the page's language, each question's short label, the core's
// reading rules, and the ids of the elements the Python-rendered block and the scripts share —
// each written once there, so nothing in the scripts is per language or repeats an id.

// The data block's own id: the one name the scripts must know before they can read the rest.
const BLOCK = "cip-texts";

function read() {
  try {
    const data = JSON.parse(document.getElementById(BLOCK)?.textContent || "{}");
    return data && typeof data === "object" ? data : {};
  } catch {
    return {};
  }
}

export const data = read();
export const ids = data.ids && typeof data.ids === "object" ? data.ids : {};

/** The element the table names `key` (root, form, result, status…), or null. */
export function byId(key) {
  return typeof ids[key] === "string" ? document.getElementById(ids[key]) : null;
}

/** The id of a question's element: kind is question, control, choice, hint or error. */
export function fieldId(kind, name, value = "") {
  return String(ids.fields?.[kind] ?? "").replaceAll("{name}", name).replaceAll("{value}", value);
}

/** The element of a question (see fieldId), or null. */
export function fieldElement(kind, name, value) {
  const id = fieldId(kind, name, value);
  return id ? document.getElementById(id) : null;
}

export const fill = (template, values) =>
  String(template ?? "").replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
const ui = data.ui || {};

/** The page's sentences; those with a blank to fill are functions. */
export const t = {
  ...ui,
  stages: ui.stages || {},
  verdictTitle: ui.verdictTitle || {},
  mark: ui.mark || {},
  stepTitles: ui.stepTitles || {},
  labels: data.labels && typeof data.labels === "object" ? data.labels : {},
  stepDue: (day) => fill(ui.stepDue, { day }),
  answeredOn: (day) => fill(ui.answeredOn, { day }),
  sourcesChecked: (day) => fill(data.sourcesChecked, { day }),
  rmmgLine: (rmmg, since) => fill(ui.rmmgLine, { rmmg, since }),
  agePart: (percent) => fill(ui.agePart, { percent }),
  timePart: (percent) => fill(ui.timePart, { percent }),
  checkedUntil: (day) => fill(ui.checkedUntil, { day }),
  loadingWithAnswers: (percent) => fill(ui.loadingWithAnswers, { percent }),
  loadingNoAnswers: (percent) => fill(ui.loadingNoAnswers, { percent }),
  loadingShort: (percent) => fill(ui.loadingShort, { percent }),
};
