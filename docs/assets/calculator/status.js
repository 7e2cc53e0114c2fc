// The checker's status, drawn from the page's state: the status line and its progress bar while
// it loads, "connection lost" when a download broke, the failure notice (with links to the sheet
// and the bodies) when it cannot run here, and the notice that replaces it inside a frame. The
// root element carries the phase for the tests, the loader and offline.js: data-stage (the
// worker's loading stage), data-state (failed | offline | framed) and data-failure.
import { el, setData } from "./dom.js";
import { byId } from "./page_data.js";

// In a frame another site could crop the page to a verdict of its choosing: no answer, only a
// link that opens the checker in its own tab.
function framedNotice(t) {
  const link = el("a", { text: t.openChecker, attrs: { href: location.pathname, target: "_blank", rel: "noopener" } });
  return el("p", { className: "cip-notice", attrs: { id: "cip-framed" } }, [`${t.framed} `, link]);
}

// The status line's words: the stage while loading, or why loading stopped or stands still.
function statusWords(s, t) {
  if (s.phase === "offline") return s.network ? t.networkShort : t.startFailed;
  if (s.stalled) return t.stalled;
  return t.stages[s.stage] || t.stages.start;
}

/** The view of the checker's status (elements found by the ids of the page's data block);
 * onRetry: what the status line's "Try again" button does. */
export function statusView(t, onRetry) {
  const root = byId("root");
  const status = byId("status");
  const statusText = byId("statusText");
  const progress = byId("progress");
  const app = byId("app");
  const failure = byId("failure");
  const retry = byId("retry");
  const help = byId("statusHelp");
  const wasm = byId("failureWasm");
  retry?.addEventListener("click", onRetry);
  let framed = null;

  return (s) => {
    const failed = s.phase === "failed";
    setData(root, "state", ["failed", "offline", "framed"].includes(s.phase) ? s.phase : null);
    setData(root, "failure", failed ? String(s.failure) : null);
    if (s.phase === "framed") {
      framed ??= root.insertBefore(framedNotice(t), root.firstChild);
      return; // nothing else starts in a frame
    }
    setData(root, "stage", s.stage);
    app.hidden = failed;
    failure.hidden = !failed;
    status.hidden = failed;
    // The WebAssembly explanation only when WebAssembly is really missing.
    if (wasm) wasm.hidden = !(failed && s.failure === "no-wasm");
    if (failed) return;
    const offline = s.phase === "offline";
    const text = statusWords(s, t);
    if (statusText.textContent !== text) statusText.textContent = text;
    progress.value = s.progress;
    progress.hidden = offline || s.stage === "ready";
    const stuck = offline || (s.stalled && s.phase === "loading");
    setData(status, "stuck", stuck ? "true" : null);
    if (retry) retry.hidden = !stuck;
    if (help) help.hidden = !stuck;
  };
}
