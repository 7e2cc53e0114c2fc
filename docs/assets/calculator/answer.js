// The answer area (#cip-result), drawn from the page's state: the answer or the input errors,
// "the checker starts: n %", "answer the questions", or "connection lost" with a Retry button.
// Its attributes are the page's contract (CONTRACT.md, door 3): data-state, and once
// answered data-verdict, data-certainty, data-body and data-minimum; aria-busy while a
// question waits for its reply.
import { el, setData } from "./dom.js";
import { renderErrors, renderMessage, renderResult } from "./render.js";
import { hasAnswers, resultState } from "./state.js";

// The status line at the top has the same button (#cip-retry): this one is for a reader who
// waits down here, by the answer.
function offlineNotice(t, network, onRetry) {
  const retry = el("button", { className: "md-button md-button--primary", text: t.retry, attrs: { type: "button" } });
  retry.addEventListener("click", onRetry);
  return el("div", { className: "cip-notice" }, [
    el("p", { className: "cip-notice-text", text: network ? t.networkFailure : t.startFailed, attrs: { role: "alert" } }),
    retry,
  ]);
}

/** box: the answer area; context: what render.js needs (texts, labels, links to the form). */
export function answerView({ box, t, context, onRetry }) {
  box.removeAttribute("aria-live"); // the verdict line alone is announced (the bar's #cip-live)
  let drawn = null; // on screen: "loading", "waiting", "offline" or the answer object

  function drawContent(s, shown) {
    if (shown === "answered" || shown === "input_error") {
      if (drawn === s.answer) return;
      const { result, errors } = s.answer;
      if (shown === "answered") renderResult(box, result, context);
      else renderErrors(box, errors, context, result);
      drawn = s.answer;
    } else if (shown === "loading") {
      const percent = Math.floor(s.progress * 100);
      const text = hasAnswers(s) ? t.loadingWithAnswers(percent) : t.loadingNoAnswers(percent);
      const line = box.querySelector(".cip-placeholder");
      // The same line, its words updated: no layout shift while the percentage rises.
      if (drawn === "loading" && line) {
        if (line.textContent !== text) line.textContent = text;
      } else renderMessage(box, text);
      drawn = "loading";
    } else if (drawn !== shown) {
      if (shown === "offline") box.replaceChildren(offlineNotice(t, s.network, onRetry));
      else renderMessage(box, t.waiting);
      drawn = shown;
    }
  }

  return (s) => {
    if (s.phase === "failed" || s.phase === "framed") return;
    const shown = resultState(s);
    drawContent(s, shown);
    setData(box, "state", shown);
    if (s.pending && shown !== "offline") box.setAttribute("aria-busy", "true");
    else box.removeAttribute("aria-busy");
    const result = s.answer?.result && typeof s.answer.result === "object" ? s.answer.result : null;
    setData(box, "verdict", result ? String(result.verdict ?? "") : null);
    setData(box, "body", result ? String(result.body?.code ?? "") : null);
    setData(box, "minimum", result ? String(result.allowance?.minimum ?? "") : null);
    setData(box, "certainty", result ? (result.certainty === "to_confirm" ? "to_confirm" : "firm") : null);
  };
}
