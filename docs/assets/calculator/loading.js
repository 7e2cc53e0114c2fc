// The checker's loading, from the worker's events to the page's state: its stages and progress,
// a download that stopped moving (stalled: the status line says so and offers to try again,
// while the download may still finish), a loading that stopped (offline: try again) and a
// checker that cannot run here (failed). Retry starts a new worker, from the start.

/**
 * root: the calculator's root (its data-stall-ms: how long loading may stand still);
 * client(): the worker client; mark(name): notes when a stage was first reached.
 */
export function loadingWatch({ root, state, update, client, mark }) {
  const stallMs = Number(root?.dataset.stallMs) > 0 ? Number(root.dataset.stallMs) : 15_000;
  let timer = null;

  function watch() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const s = state();
      if (s.phase === "loading" && s.stage !== "ready") update({ stalled: true });
    }, stallMs);
  }

  function onWorker(event) {
    const s = state();
    if (event.type === "status") {
      mark(event.stage);
      const value = Number.isFinite(event.progress) ? Math.min(1, Math.max(s.progress, event.progress)) : s.progress;
      if (event.stage === "ready") clearTimeout(timer);
      else watch(); // any news from the worker is progress
      update({ stage: event.stage, progress: value, stalled: false });
    } else if (event.type === "offline") {
      clearTimeout(timer);
      update({ phase: "offline", network: event.network !== false, stalled: false, pending: false, answer: null });
    } else if (event.type === "failed") {
      clearTimeout(timer);
      update({ phase: "failed", failure: event.why, stalled: false, pending: false });
    }
  }

  /** A new worker, from the start (after a failed or a stalled loading). */
  function retry() {
    update({ phase: "loading", stage: "start", progress: 0, stalled: false });
    client().retry();
    watch();
  }

  return { onWorker, retry, watch };
}
