// The calculator page: the reader's answers (form <-> address) go to the worker (cip_core in
// Pyodide) and its reply is shown. Every part of the page is drawn from one state value
// (./state.js); this module only turns events into updates of it.
// Contract: CONTRACT.md at the top of the repository, door 3.
// Every module is imported here, so the browser fetches them all at once (a flat module graph).
import { setupActions } from "./actions.js";
import { publishApi } from "./api.js";
import { answerView } from "./answer.js";
import { barView } from "./bar.js";
import { workerClient } from "./client.js";
import { formOf } from "./form.js";
import { loadingWatch } from "./loading.js";
import { byId, data, ids, t } from "./page_data.js";
import { reading } from "./reading.js";
import { revealer, showVerdict } from "./reveal.js";
import { answerOf, state, subscribe, update } from "./state.js";
import { statusView } from "./status.js";
import { addressView, caseFromQuery } from "./url.js";
import "./dom.js";
import "./render.js";
import "./sections.js";
import "./offline.js"; // the service worker: registered once the checker is ready

// Typing is answered when the field is left ("change") or after this pause: never while a
// number is only partly typed ("9" of "900").
const PAUSE_MS = 1200;
const options = Object.assign(
  // Generous limits: a slow phone on a slow line needs time to fetch and start Python.
  { silenceMs: 120_000, loadMs: 300_000, answerMs: 30_000 },
  typeof window.cipCheckerOptions === "object" ? window.cipCheckerOptions : {},
);

const root = byId("root");
const resultBox = byId("result");
const rules = reading(data);
const form = formOf(byId("form"), rules);
const lang = root?.dataset.lang || "";
const mark = publishApi(askQuery);
const reveal = revealer(form);
let client = null;
let typingPause = null;
const loading = loadingWatch({ root, state, update, client: () => client, mark });

/** Asks the worker for the current case; resolves with the reply (or {type: "empty"}). */
function ask() {
  clearTimeout(typingPause);
  const s = state();
  if (s.phase === "failed" || !client) return Promise.resolve({ type: s.phase });
  const asked = s.asked + 1;
  if (!Object.keys(s.case).length) {
    update({ asked, sent: s.case, pending: false, answer: null });
    return Promise.resolve({ id: asked, type: "empty" });
  }
  update({ asked, sent: s.case, pending: true });
  return client.ask({ type: "evaluate", case: form.askedCase(s.case), lang }).then((reply) => {
    if (asked !== state().asked) return reply; // overtaken by a newer question: dropped
    if (reply.type !== "result" && reply.type !== "input_error") {
      update({ pending: false }); // the worker stopped (offline, failed): its view says so
      return reply;
    }
    mark("answer");
    update({ pending: false, answer: answerOf(reply), shown: state().shown + 1 });
    return reply;
  });
}

function onFormInput(event) {
  const control = event.target;
  if (!control?.name || !form.fields.includes(control.name)) return;
  // A choice (radio, select) is final when made: answer at once on its "change", which follows
  // its "input" immediately. Only typing waits for a pause.
  const choice = control.type === "radio" || control.tagName === "SELECT";
  if (choice && event.type === "input") return;
  const { [control.name]: _, ...others } = state().case;
  const value = form.valueOf(control);
  update({ case: value === "" ? others : { ...others, [control.name]: value } });
  clearTimeout(typingPause);
  // Leaving a typed field (or Enter) answers at once, unless that value was already asked.
  const { sent, case: now } = state();
  if (choice || (event.type === "change" && sent[control.name] !== now[control.name])) {
    ask().then((reply) => reveal(control, reply, now));
  } else if (event.type !== "change") typingPause = setTimeout(ask, PAUSE_MS);
}

/** Shows the case a query string holds in the form, and asks it. */
function askQuery(query) {
  const theCase = caseFromQuery(query, form.fields, rules.collapse);
  update({ case: theCase });
  form.fill(theCase);
  return ask();
}

/** "Start again": no answers, an empty address, the form at its top. */
function reset() {
  update({ case: {} });
  form.fill({});
  ask();
  form.focus(form.fields[0]);
}

function retry() {
  loading.retry();
  ask();
}

function start() {
  if (!root || !form.element || !resultBox) return;
  const query = location.search; // read before the address view writes the address
  if (window.top !== window.self) update({ phase: "framed" }); // drawn so from the first paint
  subscribe(statusView(t, retry));
  if (state().phase === "framed") return;
  const context = {
    t,
    ids,
    lang,
    questionLabel: form.label,
    questionHref: form.questionHref,
    focusField: form.focus,
    changeField: form.focus,
    answers: () => form.answerRows(state().case, data.short),
    permalink: () => location.href,
    hasField: (name) => form.fields.includes(name),
  };
  subscribe(addressView(form.fields));
  subscribe(form.view());
  subscribe(answerView({ box: resultBox, t, context, onRetry: retry }));
  const answerArea = byId("answer");
  subscribe(barView({ root, form: form.element, answerArea, resultBox, t, showVerdict }));
  for (const type of ["input", "change"]) form.element.addEventListener(type, onFormInput);
  form.element.addEventListener("submit", (event) => {
    event.preventDefault();
    ask();
  });
  setupActions({ reset });
  const early = window.cipEarlyWorker || null; // started by early.js, if it came first
  window.cipEarlyWorker = false; // from now on early.js starts nothing
  mark("start", early?.startedAt);
  client = workerClient(new URL("./worker.js", import.meta.url), options, loading.onWorker, early);
  loading.watch();
  askQuery(query);
}

start();
