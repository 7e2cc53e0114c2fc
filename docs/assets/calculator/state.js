// The page's state: ONE value, replaced (never edited in place) by update(), then drawn by
// every view that subscribed, in the order they subscribed. So the status line, the answer
// area, the form and the phone bar always show the same moment: no view can read a part of
// the page another view has not drawn yet.
//
//   phase     "loading" (the checker starts, or answers its first question) | "ready"
//             | "offline" (a download broke: Retry)
//             | "failed" (it cannot run here) | "framed" (inside another site's frame)
//   stage     the worker's last loading stage: start | runtime | core | ready
//   progress  share of the loading done, 0..1 (never goes back while loading)
//   failure   why it failed (the root's data-failure), when phase is "failed"
//   stalled   loading has not moved for the root's data-stall-ms: the status line says so
//   network   when phase is "offline": a download's fault (true) or Python's start (false)
//   case      the reader's answers {field: string | [strings]}, as the address holds them
//   sent      the case last sent to the worker
//   asked     how many questions were asked (the number of the latest)
//   pending   the latest question waits for its reply
//   answer    the latest reply shown: {type: "result" | "input_error", result, errors} or null
//   shown     how many answers were shown (tests wait for it to grow)

let current = Object.freeze({
  phase: "loading",
  stage: "start",
  progress: 0,
  failure: null,
  stalled: false,
  network: true,
  case: Object.freeze({}),
  sent: Object.freeze({}),
  asked: 0,
  pending: false,
  answer: null,
  shown: 0,
});
const views = [];

/** The current state (frozen). */
export function state() {
  return current;
}

/** Replaces the state by a copy with `changes`, then draws every view once. */
export function update(changes) {
  const next = { ...current, ...changes };
  // For the reader the checker has started once the worker is ready and no question asked
  // while it loaded still waits: until then the answer area keeps saying it starts.
  if (next.phase === "loading" && next.stage === "ready" && !next.pending) next.phase = "ready";
  current = Object.freeze(next);
  for (const draw of views) draw(current);
}

/** Adds a view: `draw(state)` now and after each update. Views only read the state. */
export function subscribe(draw) {
  views.push(draw);
  draw(current);
}

/** Whether the case holds any answer. */
export function hasAnswers(s) {
  return Object.keys(s.case).length > 0;
}

/**
 * What the answer area shows (the result's data-state, which the tests and the contract read):
 * offline, answered, input_error, loading (the checker starts) or waiting.
 */
export function resultState(s) {
  if (s.phase === "offline") return "offline";
  if (s.answer) return s.answer.type === "result" ? "answered" : "input_error";
  return s.phase === "loading" ? "loading" : "waiting";
}

/** The answer a worker's reply gives the page (a reply typed "result" without one: an error). */
export function answerOf(reply) {
  const result = reply.result && typeof reply.result === "object" ? reply.result : null;
  if (reply.type === "result" && result) return { type: "result", result, errors: null };
  return { type: "input_error", result, errors: Array.isArray(reply.errors) ? reply.errors : [] };
}
