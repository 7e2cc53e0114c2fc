// After the last question on a phone, the answer sits far below: bring the verdict card into
// view (at once when the reader asked for reduced motion) and move the focus to its heading,
// so a screen reader reads the verdict next. Never while questions remain, nor on a wide
// screen, where the answer column stays in view beside the form.
import { ids } from "./page_data.js";

const WIDE = "(min-width: 60em)"; // calculator.css: the two columns start there

/** Brings the card into view and focuses its heading; returns whether it could. */
export function showVerdict() {
  const title = document.getElementById(ids.verdictTitle);
  const card = document.getElementById(ids.verdict);
  if (!title || !card) return false;
  const reduced = matchMedia("(prefers-reduced-motion: reduce)").matches;
  card.scrollIntoView({ block: "start", behavior: reduced ? "auto" : "smooth" });
  title.focus({ preventScroll: true });
  return true;
}

/** form: the form module (formOf); returns reveal(control, reply) for an answer just given. */
export function revealer(form) {
  return function reveal(control, reply, theCase) {
    if (matchMedia(WIDE).matches || reply?.type !== "result") return;
    if (reply.result?.verdict === "incomplete") return;
    if (control?.name !== form.lastAsked(theCase)) return;
    showVerdict();
  };
}
