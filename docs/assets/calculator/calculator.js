// The calculator page: keeps the case (URL query <-> form), asks the worker (cip_core in Pyodide)
// for the answer and shows it. Contract: CONTRACT.md at the top of the repository, door 3.
import { el, pageData } from "./dom.js";
import { renderErrors, renderMessage, renderResult } from "./render.js";
import "./offline.js"; // the service worker: registered once the checker is ready

// Typing is answered when the field is left ("change") or after this pause: never while a
// number is only partly typed ("9" of "900").
const PAUSE_MS = 1200;
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
  loadingWithAnswers: (percent) => fill(ui.loadingWithAnswers, { percent }),
  loadingNoAnswers: (percent) => fill(ui.loadingNoAnswers, { percent }),
  loadingShort: (percent) => fill(ui.loadingShort, { percent }),
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
let loadProgress = 0;
let offline = false; // a download broke while loading: the reader can try again
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
  // carry.js puts the case on the language switch and on the links to the sheet's pages.
  window.dispatchEvent(new CustomEvent("cip-case", { detail: query }));
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
  // Typing: the field's "change" (it was left, or Enter) answers at once, but only if the value
  // differs from what was last asked; otherwise wait for a pause.
  if (choice || event.type === "change") {
    if (choice || lastAsked[control.name] !== currentCase[control.name]) evaluateNow();
  } else debounceTimer = setTimeout(() => evaluateNow(), PAUSE_MS);
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
  const rows = []; // [field name, question, answer shown]: the questions asked, not the hidden ones
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
    rows.push([name, data.short?.[name] || questionLabel(name), shown]);
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
  changeField: (name) => focusField(name),
  hasField: (name) => FIELDS.includes(name),
};

// --- the reminder bar: the verdict stays in sight while the reader scrolls through the form ---

// On a phone it also carries the loading status, since the status line scrolls out of sight.
const bar = el("div", { className: "cip-bar", attrs: { id: "cip-bar", hidden: "" } }, [
  el("span", { className: "cip-bar-text" }),
  el("a", { className: "cip-bar-link", text: t.seeAnswer, attrs: { href: "#cip-answer" } }),
]);
// The only live region: the verdict line, set only when it changes (the details are plain text).
const live = el("p", { className: "cip-visually-hidden", attrs: { id: "cip-live", "aria-live": "polite", "aria-atomic": "true" } });
function announce(text) {
  if (live.textContent !== text) live.textContent = text;
}
function inView(element) {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight && box.height > 0;
}

function updateBar() {
  const state = resultBox?.dataset.state;
  const shown = state === "answered" || state === "input_error" || state === "loading" || state === "offline";
  bar.hidden = failed || !shown || inView(resultBox) || !inView(form);
}

function watchBar() {
  root.append(bar, live);
  // One tap from the form to the answer: to the verdict when there is one, focused for the
  // keyboard and screen readers.
  bar.lastChild.addEventListener("click", (event) => {
    const target = document.getElementById("cip-verdict") || document.getElementById("cip-answer");
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: "start" });
    if (target.id === "cip-verdict") target.focus({ preventScroll: true });
    updateBar();
  });
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

function setBar(state, result, text) {
  const verdict = result && state === "answered" ? String(result.verdict ?? "") : state;
  bar.className = `cip-bar cip-bar--${verdict}`;
  bar.firstChild.textContent = text ?? (state === "answered" ? t.verdictTitle[verdict] || "" : t.errorsTitle);
  updateBar();
}

function setAnswered(state, result) {
  setBar(state, result);
  if (state === "answered" || state === "input_error") announce(bar.firstChild.textContent);
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

let lastAsked = {}; // the case last sent to the worker

function evaluateNow() {
  clearTimeout(debounceTimer);
  updateUrl();
  lastAsked = { ...currentCase };
  if (failed) return Promise.resolve({ type: "failed" });
  const id = nextId++;
  latestId = id;
  if (!Object.keys(currentCase).length) {
    api.lastResult = null;
    api.lastErrors = null;
    showFieldErrors([]);
    renderMessage(resultBox, t.waiting);
    setAnswered("waiting", null);
    showLoading();
    return Promise.resolve({ id, type: "empty" });
  }
  resultBox.setAttribute("aria-busy", "true");
  if (ready) armWatchdog(options.answerMs);
  const answer = new Promise((resolve) => waiters.set(id, resolve));
  if (offline) return answer; // asked again after "try again"
  if (!ready) showLoading();
  worker.postMessage({ id, type: "evaluate", case: askedCase(), lang });
  return answer;
}

// While the checker starts: the answer area says so, with the share of the download received.
function showLoading() {
  if (ready || failed || offline || resultBox.dataset.state === "answered" || resultBox.dataset.state === "input_error") return;
  const percent = Math.floor(loadProgress * 100);
  const text = Object.keys(currentCase).length ? t.loadingWithAnswers(percent) : t.loadingNoAnswers(percent);
  const p = resultBox.querySelector(".cip-placeholder");
  if (resultBox.dataset.state === "loading" && p) p.textContent = text;
  else renderMessage(resultBox, text);
  resultBox.dataset.state = "loading";
  setBar("loading", null, t.loadingShort(percent));
}

function onAnswer(message) {
  const resolve = waiters.get(message.id);
  waiters.delete(message.id);
  if (message.id === latestId) {
    disarmWatchdog();
    api.answers += 1;
    const result = message.result && typeof message.result === "object" ? message.result : null;
    if (message.type === "result" && result) {
      api.lastResult = result;
      api.lastErrors = null;
      showFieldErrors([]);
      renderResult(resultBox, result, renderContext);
      setAnswered("answered", result);
    } else {
      // A bad field counts as missing: the answer computed without it stays under the errors.
      const errors = Array.isArray(message.errors) ? message.errors : [];
      api.lastResult = result;
      api.lastErrors = errors;
      showFieldErrors(errors);
      renderErrors(resultBox, errors, renderContext, result);
      setAnswered("input_error", result);
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
  if (typeof value === "number" && Number.isFinite(value)) {
    loadProgress = Math.min(1, Math.max(loadProgress, value));
    progress.value = loadProgress;
  }
  progress.hidden = stage === "ready";
  root.dataset.stage = stage;
  if (stage !== "ready") showLoading();
}

// A download broke: say so, keep the form and the answers (they are in the address), and offer
// to try again.
function showOffline() {
  offline = true;
  disarmWatchdog();
  clearTimeout(loadCap);
  try {
    worker?.terminate();
  } catch {
    /* already gone */
  }
  worker = null;
  root.dataset.state = "offline";
  statusText.textContent = t.networkShort;
  progress.hidden = true;
  const retry = el("button", { className: "md-button md-button--primary", text: t.retry, attrs: { type: "button", id: "cip-retry" } });
  retry.addEventListener("click", () => {
    offline = false;
    delete root.dataset.state;
    loadProgress = 0;
    progress.value = 0;
    startWorker();
    if (!failed) evaluateNow();
  });
  resultBox.replaceChildren(el("div", { className: "cip-notice" }, [el("p", { className: "cip-notice-text", text: t.networkFailure, attrs: { role: "alert" } }), retry]));
  resultBox.dataset.state = "offline";
  resultBox.removeAttribute("aria-busy");
  setBar("offline", null, t.networkShort);
  for (const resolve of waiters.values()) resolve({ type: "offline" });
  waiters.clear();
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
  if (!message || typeof message !== "object" || failed || offline || event.target !== worker) return;
  mark(message.type === "status" ? String(message.stage) : "answer");
  switch (message.type) {
    case "status":
      showStatus(message.stage, message.progress);
      if (message.stage === "ready") {
        ready = true;
        if (resultBox.dataset.state === "loading" && !waiters.size) {
          renderMessage(resultBox, t.waiting);
          setAnswered("waiting", null);
        }
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
      if (message.network && !ready) showOffline();
      else fail("fatal");
      break;
    default:
      break;
  }
}

function startWorker() {
  mark("start");
  ready = false;
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
  worker.addEventListener("error", () => {
    // The worker's own script could not be fetched: offline if the line is down, else a failure.
    if (navigator.onLine === false) showOffline();
    else fail("worker-error");
  });
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
  resultBox.removeAttribute("aria-live"); // the verdict line alone is announced (#cip-live)
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
