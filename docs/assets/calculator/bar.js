// The reminder bar: on a phone the answer sits below a long form, so while the form is in sight
// and the answer is not, a bar keeps the verdict (or the loading status, which has scrolled out
// of sight) on screen, one tap from the answer. Also the one live region: the verdict line.
// Drawn from the page's state only, so its words always match what the answer area shows.
import { el } from "./dom.js";
import { byId } from "./page_data.js";
import { resultState } from "./state.js";

function inView(element) {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight && box.height > 0;
}

/** The bar's class modifier and words for a state ("" when it has none to show). */
export function barContent(s, t) {
  const shown = resultState(s);
  const verdict = shown === "answered" ? String(s.answer.result?.verdict ?? "") : shown;
  const percent = Math.floor(s.progress * 100);
  const text = {
    answered: t.verdictTitle[verdict] || "",
    input_error: t.errorsTitle,
    loading: t.loadingShort(percent),
    offline: t.networkShort,
  }[shown];
  return { modifier: verdict, text: text ?? "" };
}

/** Adds the bar and the live region to `root`; returns the view that draws them. */
export function barView({ root, form, answerArea, resultBox, t, showVerdict }) {
  const words = el("span", { className: "cip-bar-text" });
  const jump = el("a", { className: "cip-bar-link", text: t.seeAnswer, attrs: { href: `#${answerArea.id}` } });
  const bar = el("div", { className: "cip-bar", attrs: { id: "cip-bar", hidden: "" } }, [words, jump]);
  const live = el("p", {
    className: "cip-visually-hidden",
    attrs: { id: "cip-live", "aria-live": "polite", "aria-atomic": "true" },
  });
  root.append(bar, live);

  let latest = null; // the state last drawn (scrolling redraws it)
  function draw(s) {
    latest = s;
    const { modifier, text } = barContent(s, t);
    bar.className = `cip-bar cip-bar--${modifier}`;
    if (words.textContent !== text) words.textContent = text;
    const gone = s.phase === "failed" || s.phase === "framed";
    // Hidden once the verdict card itself is in sight (not merely the top of the answer area).
    bar.hidden = gone || !text || inView(byId("verdict") || resultBox) || !inView(form);
    const shown = resultState(s);
    // Announced once per verdict line: the details below it are plain text.
    if ((shown === "answered" || shown === "input_error") && live.textContent !== text) live.textContent = text;
  }

  // One tap from the form to the answer: to the verdict when there is one, focused for the
  // keyboard and screen readers.
  jump.addEventListener("click", (event) => {
    if (!showVerdict()) return; // no card yet: the link's own jump to the answer area
    event.preventDefault();
    if (latest) draw(latest);
  });
  let queued = false;
  const later = () => {
    if (queued || !latest) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      draw(latest);
    });
  };
  window.addEventListener("scroll", later, { passive: true });
  window.addEventListener("resize", later, { passive: true });
  return draw;
}
