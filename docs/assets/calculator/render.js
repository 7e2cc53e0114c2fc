// Turns the worker's answer (the contract's result object) into the page's result section.
import { el } from "./dom.js";
import { allowanceSection, asList, bodySection, itemsSection, missingSection } from "./sections.js";

const VERDICTS = new Set(["eligible", "not_eligible", "refer", "incomplete"]);

// "Your answers", GOV.UK style: each answer with a link back to its question, in the form's own
// words (ctx.answers() reads the labels from the page: no second copy of the questions).
function answersSection(ctx) {
  const rows = ctx.answers();
  if (!rows.length) return null;
  const list = el("dl", { className: "cip-answers" });
  for (const [name, label, value] of rows) {
    const change = el("a", { className: "cip-change", attrs: { href: ctx.questionHref(name) } }, [
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
  return el("section", { className: "cip-part cip-part--answers" }, [
    el("h3", { text: ctx.t.answers }),
    list,
    el("p", { className: "cip-permalink cip-print-only" }, [`${ctx.t.permalink} `, el("span", { text: ctx.permalink() })]),
  ]);
}

function resultParts(result, ctx) {
  const { t } = ctx;
  const verdict = VERDICTS.has(result.verdict) ? result.verdict : "incomplete";
  // The core words the verdict line, "to confirm" and why included (result.headline).
  const certainty = result.certainty === "to_confirm" ? "to_confirm" : "firm";
  const head = el(
    "div",
    { className: `cip-verdict cip-verdict--${verdict} cip-certainty--${certainty}`, attrs: { id: "cip-verdict", tabindex: "-1" } },
    [
      el("h3", { className: "cip-verdict-title", text: t.verdictTitle[verdict] }),
      el("p", { className: "cip-verdict-summary", text: String(result.headline ?? result.summary ?? "") }),
    ],
  );
  return [
    head,
    itemsSection(t.reasons, asList(result.reasons), t, false, "cip-part--reasons"),
    missingSection(result.missing, ctx),
    bodySection(result.body, t),
    allowanceSection(result.allowance, t),
    itemsSection(t.steps, asList(result.steps), t, true, "cip-part--steps"),
    itemsSection(t.warnings, asList(result.warnings), t, false, "cip-part--warnings"),
  ];
}

/** Replaces the result section's content with the answer, the reader's answers above it. */
export function renderResult(container, result, ctx) {
  container.replaceChildren(...[answersSection(ctx), ...resultParts(result, ctx)].filter(Boolean));
}

/** The input errors, as a summary that links to each field (the messages also sit beside the
 * fields), then the answer computed without the bad fields when there is one. */
export function renderErrors(container, errors, ctx, result = null) {
  const list = el("ul", { className: "cip-error-list" }, errors.map((error) => {
    const message = String(error.message ?? "");
    if (!ctx.hasField(error.field)) return el("li", { text: message });
    const a = el("a", { text: message, attrs: { href: ctx.questionHref(error.field) } });
    a.addEventListener("click", (event) => {
      event.preventDefault();
      ctx.focusField(error.field);
    });
    return el("li", {}, [a]);
  }));
  const rest = result && typeof result === "object" ? resultParts(result, ctx) : [];
  rest[0]?.removeAttribute("id"); // the jump to the answer lands on the errors first
  container.replaceChildren(
    ...[
      answersSection(ctx),
      el("div", { className: "cip-verdict cip-verdict--error", attrs: { id: "cip-verdict", tabindex: "-1" } }, [
        el("h3", { className: "cip-verdict-title", text: ctx.t.errorsTitle }),
      ]),
      list,
      ...rest,
    ].filter(Boolean),
  );
}

/** A one-paragraph message (waiting for answers, working…). */
export function renderMessage(container, text) {
  container.replaceChildren(el("p", { className: "cip-placeholder", text }));
}
