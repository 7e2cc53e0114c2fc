// window.cipChecker: what the tests, the benchmark and a curious reader may ask the page. Read
// from the page's state, never a copy of it.
import { resultState, state } from "./state.js";

/** Publishes the page's API; returns mark(name), which notes when a stage was first reached. */
export function publishApi(evaluateQuery) {
  const timings = {}; // ms since navigation start at each loading stage and at the first answer
  window.cipChecker = {
    get lastResult() {
      return state().answer?.result ?? null;
    },
    get lastErrors() {
      return state().answer?.type === "input_error" ? state().answer.errors : null;
    },
    timings,
    get answers() {
      return state().shown; // how many answers were shown (tests wait for it to grow)
    },
    get state() {
      return resultState(state());
    },
    get case() {
      return { ...state().case };
    },
    /** Takes a query string as the case, shows it in the form and answers it; resolves with the reply. */
    evaluateQuery,
  };
  return (name, at = performance.now()) => {
    if (!(name in timings)) timings[name] = Math.round(at);
  };
}
