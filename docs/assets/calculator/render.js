// Turns the worker's answer (the contract's result object) into the answer area: the verdict
// card first (card.js), then what only some readers need, folded: the questions left, each step
// in full, what to check, how the minimum is worked out, and "what you told us" with a change link per answer.
import { cardHead, verdictCard } from "./card.js";
import { el } from "./dom.js";
import { allowanceSection, asList, folded, itemsSection, missingSection, stepsSection } from "./sections.js";

const VERDICTS = new Set(["eligible", "not_eligible", "refer", "incomplete"]);

// "What you told us", GOV.UK style: each answer with a link back to its question, in the form's
// own words (ctx.answers() reads the labels from the page: no second copy of the questions).
function recapSection(ctx) {
  const rows = ctx.answers();
  if (!rows.length) return null;
  const list = el("dl", { className: "cip-answers" });
  for (const [name, label, value] of rows) {
    const change = el("a", { className: "cip-change cip-tap", attrs: { href: ctx.questionHref(name) } }, [
      ctx.t.change,
      el("span", { className: "cip-visually-hidden", text: ` ${label}` }),
    ]);
    change.addEventListener("click", (event) => {
      event.preventDefault();
      ctx.changeField(name);
    });
    list.append(el("div", { className: "cip-answer-row" }, [
      el("dt", { text: label }),
      el("dd", { text: value }),
      el("dd", { className: "cip-change-cell" }, [change]),
    ]));
  }
  return folded(`${ctx.t.recap} (${rows.length})`, [list], "cip-part--answers");
}

function resultParts(result, ctx) {
  const { t } = ctx;
  const verdict = VERDICTS.has(result.verdict) ? result.verdict : "incomplete";
  return [
    verdictCard(result, verdict, ctx),
    missingSection(result.missing, ctx),
    stepsSection(asList(result.steps), t),
    itemsSection(t.warnings, asList(result.warnings), t, "cip-part--warnings"),
    allowanceSection(result.allowance, t),
  ];
}

/** Replaces the answer area's content: the card, the details, then the reader's answers. */
export function renderResult(container, result, ctx) {
  container.replaceChildren(...[...resultParts(result, ctx), recapSection(ctx)].filter(Boolean));
}

/** The input errors first, as a card that links to each field (the messages also sit beside
 * the fields), then the answer computed without the bad fields when there is one. */
export function renderErrors(container, errors, ctx, result = null) {
  const list = el("ul", { className: "cip-error-list" }, errors.map((error) => {
    const message = String(error.message ?? "");
    if (!ctx.hasField(error.field)) return el("li", { text: message });
    const a = el("a", { className: "cip-tap", text: message, attrs: { href: ctx.questionHref(error.field) } });
    a.addEventListener("click", (event) => {
      event.preventDefault();
      ctx.focusField(error.field);
    });
    return el("li", {}, [a]);
  }));
  const card = el("section", {
    className: "cip-verdict cip-verdict--error",
    attrs: { id: ctx.ids.verdict, "aria-labelledby": ctx.ids.verdictTitle },
  }, [cardHead("error", ctx.t.errorsTitle, ctx.t, ctx.ids), list]);
  const rest = result && typeof result === "object" ? resultParts(result, ctx) : [];
  // The page has one card with the card's ids: the errors' (the jump to the answer lands there).
  for (const node of [rest[0], rest[0]?.querySelector(`#${ctx.ids.verdictTitle}`)]) node?.removeAttribute("id");
  rest[0]?.removeAttribute("aria-labelledby");
  container.replaceChildren(...[card, ...rest, recapSection(ctx)].filter(Boolean));
}

/** A one-paragraph message (waiting for answers, working…). */
export function renderMessage(container, text) {
  container.replaceChildren(el("p", { className: "cip-placeholder", text }));
}
