// The calculator page: keeps the case (URL query <-> form), asks the worker (cip_core in Pyodide)
// for the answer and shows it. Contract: ../../shared/checker-contract.md, door 3.
import { el, pageData } from "./dom.js";
import { renderErrors, renderMessage, renderResult } from "./render.js";
import "./offline.js"; // the service worker: registered once the checker is ready

const DEBOUNCE_MS = 150;
const options = Object.assign(
  // Generous limits: a slow phone on a slow line needs time to fetch and start Python.
  { silenceMs: 120_000, loadMs: 300_000, answerMs: 30_000 },
  typeof window.cipCheckerOptions === "object" ? window.cipCheckerOptions : {},
);

const data = pageData();
const fill = (template, values) =>
  String(template ?? "").replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
const ui = data.ui || {};
const t = {
  ...ui,
  stages: ui.stages || {},
  verdictTitle: ui.verdictTitle || {},
  rmmgLine: (rmmg, since) => fill(ui.rmmgLine, { rmmg, since }),
  agePart: (percent) => fill(ui.agePart, { percent }),
  timePart: (percent) => fill(ui.timePart, { percent }),
  checkedUntil: (day) => fill(ui.checkedUntil, { day }),
};
const BOOLEAN_WORDS = {};
for (const answer of ["yes", "no"]) {
  for (const word of data.booleans?.[answer] || []) BOOLEAN_WORDS[word] = answer;
}
// The core's one whitespace rule (cip_core.case.WHITESPACE), not trim(): both ends strip the
// same characters, so what the form shows is what the answer used.
const spaceClass = [...String(data.whitespace || " ")]
  .map((c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"))
  .join("");
const EDGE_SPACE = new RegExp(`^[${spaceClass}]+|[${spaceClass}]+$`, "g");
const strip = (value) => String(value).replace(EDGE_SPACE, "");

const root = document.getElementById("cip-calculator");
const form = document.getElementById("cip-checker");
const resultBox = document.getElementById("cip-result");
const lang = root?.dataset.lang || "";
const FIELDS = form ? [...new Set([...form.elements].map((c) => c.name).filter(Boolean))] : [];

let currentCase = {};
let worker = null;
let nextId = 1;
let latestId = 0;
let ready = false;
let failed = false;
let debounceTimer = null;
let watchdog = null;
let loadCap = null;
const waiters = new Map();

const api = {
  lastResult: null,
  lastErrors: null,
  timings: {}, // ms since navigation start at each loading stage and at the first answer
  answers: 0, // how many answers were shown (tests wait for it to grow)
  get state() {
    return resultBox?.dataset.state;
  },
  get case() {
    return { ...currentCase };
  },
  /** Takes a query string as the case, shows it in the form and answers it; resolves with the answer. */
  evaluateQuery(query) {
    currentCase = caseFromQuery(query);
    fillForm();
    return evaluateNow();
  },
};
window.cipChecker = api;

// --- the case --------------------------------------------------------------------------------

function caseFromQuery(query) {
  const params = new URLSearchParams(query);
  const found = {};
  for (const name of FIELDS) {
    const values = params.getAll(name).filter((v) => strip(v) !== "");
    if (!values.length) continue;
    const distinct = new Set(values.map((v) => strip(v)));
    // Repeated keys with different values go to the core as a list: it answers "conflicting".
    found[name] = distinct.size === 1 ? values[0] : values;
  }
  return found;
}

function queryFromCase() {
  const params = new URLSearchParams();
  for (const name of FIELDS) {
    const value = currentCase[name];
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === "string" && v !== "") params.append(name, v);
    }
  }
  return params.toString();
}

function updateUrl() {
  const query = queryFromCase();
  const url = `${location.pathname}${query ? "?" + query : ""}${location.hash}`;
  history.replaceState(history.state, "", url);
}

// --- the form --------------------------------------------------------------------------------

function controls(name) {
  return [...form.elements].filter((c) => c.name === name);
}

function radioValueFor(name, raw) {
  const values = controls(name).map((c) => c.value);
  const word = strip(raw).toLowerCase();
  if (values.includes("yes") && values.includes("no")) return BOOLEAN_WORDS[word] ?? null;
  return values.includes(word) && word !== "" ? word : null;
}

// The form shows the case as the core reads it: the same stripping and the same words, so a
// radio is checked only for a value the core takes as that answer.
function fillForm() {
  for (const name of FIELDS) {
    const value = currentCase[name];
    const raw = Array.isArray(value) ? value[0] : value ?? "";
    const group = controls(name);
    if (group[0]?.type === "radio") {
      const wanted = raw === "" ? "" : radioValueFor(name, raw);
      for (const radio of group) radio.checked = wanted !== null && radio.value === wanted;
    } else {
      for (const input of group) input.value = strip(raw); // a date input drops what it cannot show
    }
  }
  showAsked();
}

// --- which questions are asked (questions.toml asked_if, as cip_core.case.is_asked) ----------

function parsedChoice(name) {
  const value = currentCase[name];
  if (typeof value !== "string") return null; // unanswered, or conflicting repeated values
  return controls(name)[0]?.type === "radio" ? radioValueFor(name, value) : strip(value);
}

function isAsked(question) {
  const condition = question.dataset.askedIf;
  if (!condition) return true;
  let accepted;
  try {
    accepted = JSON.parse(condition);
  } catch {
    return true;
  }
  return Object.entries(accepted).every(([field, values]) => {
    const value = parsedChoice(field);
    return value !== null && Array.isArray(values) && values.includes(value);
  });
}

function showAsked() {
  for (const question of form.querySelectorAll(".cip-question[data-asked-if]")) {
    question.hidden = !isAsked(question);
  }
}

/** The case the core answers: the answers to questions that are asked (the URL keeps all). */
function askedCase() {
  const asked = {};
  for (const [name, value] of Object.entries(currentCase)) {
    if (!document.getElementById(`cip-q-${name}`)?.hidden) asked[name] = value;
  }
  return asked;
}

function readControl(control) {
  if (control.type === "radio") {
    const checked = controls(control.name).find((c) => c.checked);
    return checked ? checked.value : "";
  }
  return control.value;
}

function onFormInput(event) {
  const control = event.target;
  if (!control?.name || !FIELDS.includes(control.name)) return;
  // A choice (radio, select) is final when made: answer at once on its "change", which follows
  // its "input" immediately. Only typing waits for a pause (the debounce).
  const choice = control.type === "radio" || control.tagName === "SELECT";
  if (choice && event.type === "input") return;
  const value = readControl(control);
  if (value === "") delete currentCase[control.name];
  else currentCase[control.name] = value;
  showAsked();
  updateUrl();
  clearTimeout(debounceTimer);
  if (choice) evaluateNow();
  else debounceTimer = setTimeout(() => evaluateNow(), DEBOUNCE_MS);
}

function questionLabel(name) {
  const question = document.getElementById(`cip-q-${name}`);
  const label = question?.querySelector(".cip-legend");
  return label ? label.textContent.trim() : name;
}

function focusField(name) {
  const group = controls(name);
  const target = group.find((c) => c.checked) || group[0];
  if (!target) return;
  document.getElementById(`cip-q-${name}`)?.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
}

function answers() {
  const rows = [];
  const asked = askedCase();
  for (const name of FIELDS) {
    const value = asked[name];
    if (value === undefined) continue;
    const raw = Array.isArray(value) ? value.join(" / ") : value;
    const group = controls(name);
    let shown = raw;
    if (group[0]?.type === "radio") {
      const picked = group.find((c) => c.checked);
      const label = picked && form.querySelector(`label[for="${picked.id}"]`);
      if (label) shown = label.textContent.trim();
    }
    rows.push([data.short?.[name] || questionLabel(name), shown]);
  }
  return rows;
}

function showFieldErrors(errors) {
  const byField = new Map();
  for (const error of errors) {
    if (!FIELDS.includes(error.field)) continue;
    byField.set(error.field, [...(byField.get(error.field) || []), String(error.message ?? "")]);
  }
  for (const name of FIELDS) {
    const box = document.getElementById(`cip-error-${name}`);
    const messages = byField.get(name);
    const hint = document.getElementById(`cip-hint-${name}`);
    const described = [hint?.id, messages ? box?.id : null].filter(Boolean).join(" ");
    for (const control of controls(name)) {
      if (messages) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
      if (described) control.setAttribute("aria-describedby", described);
      else control.removeAttribute("aria-describedby");
    }
    document.getElementById(`cip-q-${name}`)?.classList.toggle("cip-question--invalid", Boolean(messages));
    if (!box) continue;
    box.textContent = messages ? messages.join(" ") : "";
    box.hidden = !messages;
  }
}

// --- answers ---------------------------------------------------------------------------------

const renderContext = {
  t,
  lang,
  questionLabel,
  focusField,
  answers,
  permalink: () => location.href,
  hasField: (name) => FIELDS.includes(name),
};

// --- the reminder bar: the verdict stays in sight while the reader scrolls through the form ---

const bar = el("div", { className: "cip-bar", attrs: { id: "cip-bar", hidden: "" } }, [
  el("span", { className: "cip-bar-text" }),
  el("a", { className: "cip-bar-link", text: t.seeAnswer, attrs: { href: "#cip-answer" } }),
]);
function inView(element) {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight && box.height > 0;
}

function updateBar() {
  const state = resultBox?.dataset.state;
  const answered = state === "answered" || state === "input_error";
  bar.hidden = failed || !answered || inView(resultBox) || !inView(form);
}

function watchBar() {
  root.append(bar);
  let queued = false;
  const later = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      updateBar();
    });
  };
  window.addEventListener("scroll", later, { passive: true });
  window.addEventListener("resize", later, { passive: true });
}

function setBar(state, result) {
  const verdict = result ? String(result.verdict ?? "") : state;
  bar.className = `cip-bar cip-bar--${verdict}`;
  bar.firstChild.textContent = result ? t.verdictTitle[verdict] || "" : t.errorsTitle;
  updateBar();
}

function setAnswered(state, result) {
  setBar(state, result);
  resultBox.dataset.state = state;
  resultBox.removeAttribute("aria-busy");
  if (result) {
    resultBox.dataset.verdict = String(result.verdict ?? "");
    resultBox.dataset.body = String(result.body?.code ?? "");
    resultBox.dataset.minimum = String(result.allowance?.minimum ?? "");
  } else {
    for (const key of ["verdict", "body", "minimum"]) delete resultBox.dataset[key];
  }
}

function evaluateNow() {
  clearTimeout(debounceTimer);
  updateUrl();
  if (failed) return Promise.resolve({ type: "failed" });
  const id = nextId++;
  latestId = id;
  if (!Object.keys(currentCase).length) {
    api.lastResult = null;
    api.lastErrors = null;
    showFieldErrors([]);
    renderMessage(resultBox, t.waiting);
    setAnswered("waiting", null);
    return Promise.resolve({ id, type: "empty" });
  }
  resultBox.setAttribute("aria-busy", "true");
  if (ready) armWatchdog(options.answerMs);
  const answer = new Promise((resolve) => waiters.set(id, resolve));
  worker.postMessage({ id, type: "evaluate", case: askedCase(), lang });
  return answer;
}

function onAnswer(message) {
  const resolve = waiters.get(message.id);
  waiters.delete(message.id);
  if (message.id === latestId) {
    disarmWatchdog();
    api.answers += 1;
    if (message.type === "result" && message.result && typeof message.result === "object") {
      api.lastResult = message.result;
      api.lastErrors = null;
      showFieldErrors([]);
      renderResult(resultBox, message.result, renderContext);
      setAnswered("answered", message.result);
    } else {
      const errors = Array.isArray(message.errors) ? message.errors : [];
      api.lastResult = null;
      api.lastErrors = errors;
      showFieldErrors(errors);
      renderErrors(resultBox, errors, renderContext);
      setAnswered("input_error", null);
    }
  }
  // An older answer overtaken by a newer question is dropped, but its caller still hears of it.
  resolve?.(message);
}

// --- the worker ------------------------------------------------------------------------------

const status = document.getElementById("cip-status");
const statusText = document.getElementById("cip-status-text");
const progress = document.getElementById("cip-progress");

function showStatus(stage, value) {
  status.hidden = false;
  const text = t.stages[stage] || t.stages.start;
  if (statusText.textContent !== text) statusText.textContent = text;
  if (typeof value === "number" && Number.isFinite(value)) progress.value = Math.min(1, Math.max(0, value));
  progress.hidden = stage === "ready";
  root.dataset.stage = stage;
}

function armWatchdog(ms) {
  clearTimeout(watchdog);
  watchdog = setTimeout(() => fail("timeout"), ms);
}

function disarmWatchdog() {
  clearTimeout(watchdog);
  watchdog = null;
}

function fail(why) {
  if (failed) return;
  failed = true;
  disarmWatchdog();
  clearTimeout(loadCap);
  root.dataset.state = "failed";
  root.dataset.failure = String(why);
  status.hidden = true;
  document.getElementById("cip-app").hidden = true;
  document.getElementById("cip-failure").hidden = false;
  try {
    worker?.terminate();
  } catch {
    /* already gone */
  }
  for (const resolve of waiters.values()) resolve({ type: "failed" });
  waiters.clear();
}

function mark(name) {
  if (!(name in api.timings)) api.timings[name] = Math.round(performance.now());
}

function onWorkerMessage(event) {
  const message = event.data;
  if (!message || typeof message !== "object" || failed) return;
  mark(message.type === "status" ? String(message.stage) : "answer");
  switch (message.type) {
    case "status":
      showStatus(message.stage, message.progress);
      if (message.stage === "ready") {
        ready = true;
        clearTimeout(loadCap);
        if (waiters.size) armWatchdog(options.answerMs);
        else disarmWatchdog();
      } else {
        armWatchdog(options.silenceMs);
      }
      break;
    case "result":
    case "input_error":
      if (!ready) {
        ready = true; // an answer proves the runtime is up even if "ready" was never announced
        clearTimeout(loadCap);
        showStatus("ready", 1);
      }
      onAnswer(message);
      break;
    case "fatal":
      fail("fatal");
      break;
    default:
      break;
  }
}

function startWorker() {
  mark("start");
  showStatus("start", 0);
  if (typeof WebAssembly !== "object") {
    fail("no-wasm"); // WebAssembly switched off or too old a browser: Python cannot run
    return;
  }
  try {
    worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "cip-core" });
  } catch {
    fail("no-worker");
    return;
  }
  worker.addEventListener("message", onWorkerMessage);
  worker.addEventListener("error", () => fail("worker-error"));
  worker.addEventListener("messageerror", () => fail("message-error"));
  armWatchdog(options.silenceMs);
  loadCap = setTimeout(() => {
    if (!ready) fail("timeout");
  }, options.loadMs);
}

// --- buttons ---------------------------------------------------------------------------------

function setupButtons() {
  const copyStatus = document.getElementById("cip-copy-status");
  document.getElementById("cip-copy")?.addEventListener("click", async () => {
    updateUrl();
    try {
      await navigator.clipboard.writeText(location.href);
      copyStatus.textContent = t.copyDone;
    } catch {
      copyStatus.textContent = t.copyFailed;
    }
  });
  document.getElementById("cip-print")?.addEventListener("click", () => window.print());
}

// --- start -----------------------------------------------------------------------------------

// In a frame (another site could crop the page to a verdict of its choosing): no answer, only
// a link that opens the checker in its own tab.
function showFramed() {
  root.dataset.state = "framed";
  const link = el("a", { text: t.openChecker, attrs: { href: location.pathname, target: "_blank", rel: "noopener" } });
  const notice = el("p", { className: "cip-notice", attrs: { id: "cip-framed" } }, [`${t.framed} `, link]);
  root.prepend(notice);
}

function start() {
  if (!root || !form || !resultBox) return;
  if (window.top !== window.self) return showFramed();
  document.getElementById("cip-app").hidden = false;
  form.addEventListener("input", onFormInput);
  form.addEventListener("change", onFormInput);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    evaluateNow();
  });
  setupButtons();
  watchBar();
  startWorker();
  if (failed) return;
  currentCase = caseFromQuery(location.search);
  fillForm();
  evaluateNow();
}

start();
