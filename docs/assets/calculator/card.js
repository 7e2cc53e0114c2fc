// The verdict card (#cip-verdict), first in the answer: ✓ / ✗ / ? with its words for screen
// readers, the verdict line, the least to pay, the fixes after a "no", the competent body and
// how to reach it, the next steps numbered (their titles and dates).
// Built to fit one phone screen: the details, the recap and the sources come after it.
import { bodyBlock, contactLines } from "./contacts.js";
import { el } from "./dom.js";
import { data } from "./page_data.js";
import { longDate, todayIso } from "./format.js";
import { asList, itemLinks } from "./sections.js";

const MARKS = { eligible: "✓", not_eligible: "✗", refer: "→", incomplete: "…", to_confirm: "?", error: "!" };

/** The card's head: the mark (its meaning as text for screen readers) and the focusable title. */
export function cardHead(kind, title, t, ids) {
  const mark = el("span", { className: "cip-verdict-mark", text: MARKS[kind], attrs: { role: "img", "aria-label": t.mark[kind] } });
  const heading = el("h3", { className: "cip-verdict-title", text: title, attrs: { id: ids.verdictTitle, tabindex: "-1" } });
  return el("div", { className: "cip-verdict-head" }, [mark, heading]);
}

// "À payer au moins : 884,84 € par mois": the safe figure (the top of a range), marked "for
// reference" when the body applies its own amount (refer, minimum_for_reference).
function payLine(result, t) {
  const a = result.allowance;
  const shown = a && typeof a === "object" && a.display && typeof a.display === "object" ? a.display : {};
  const amount = a && a.minimum ? shown.to_pay : null;
  if (!amount) return null;
  const [before, after = ""] = String(t.payAtLeast ?? "{amount}").split("{amount}");
  const line = el("p", { className: "cip-pay" }, [before, el("strong", { text: amount }), after]);
  const reference = result.verdict === "refer" || asList(result.warnings).some((w) => w.code === "minimum_for_reference");
  if (reference) line.append(" ", el("span", { className: "cip-for-reference", text: `(${t.forReference})` }));
  const checked = shown.checked_on;
  const parts = [line];
  if (checked) parts.push(el("p", { className: "cip-checked-on", text: t.sourcesChecked(checked) }));
  return parts;
}

function subheading(text) {
  return el("h4", { className: "cip-card-heading", text });
}

function fixesBlock(result, t) {
  const fixes = asList(result.fixes);
  if (!fixes.length) return null;
  const items = fixes.map((fix) => {
    const li = el("li", {}, [String(fix.message ?? "")]);
    const links = itemLinks(fix);
    if (links) li.append(" ", links);
    if (fix.body && fix.body.code !== result.body?.code) li.append(...contactLines(fix.body, t));
    return li;
  });
  return el("div", { className: "cip-fixes" }, [subheading(t.labels.fixes || ""), el("ul", {}, items)]);
}

// The steps as short numbered titles, with their dates: each unfolds in full (its sentence, who
// acts, its links and contacts) in the part after the card (sections.js, stepsSection).
function stepsBlock(result, t) {
  const steps = asList(result.steps);
  if (!steps.length) return null;
  const items = steps.map((step) => {
    const due = step.date_text;
    const li = el("li", {}, [t.stepTitles[step.code] || String(step.message ?? "")]);
    if (due) li.append(" ", el("span", { className: "cip-step-date", text: `— ${t.stepDue(due)}` }));
    return li;
  });
  return el("div", { className: "cip-steps" }, [subheading(t.steps), el("ol", {}, items)]);
}

function reasonsList(result) {
  const reasons = asList(result.reasons);
  return reasons.length ? el("ul", { className: "cip-reasons" }, reasons.map((r) => el("li", { text: String(r.message ?? "") }))) : null;
}

/** The card for a result; `permalink` is the address of this answer (printed with its date). */
export function verdictCard(result, verdict, ctx) {
  const { t, ids } = ctx;
  const certainty = result.certainty === "to_confirm" ? "to_confirm" : "firm";
  // "?" when a yes or a no rests on a figure no source states; refer and incomplete keep theirs.
  const hedged = certainty === "to_confirm" && (verdict === "eligible" || verdict === "not_eligible");
  const kind = hedged ? "to_confirm" : verdict;
  const printed = el("p", { className: "cip-print-only cip-printed" }, [
    `${t.answeredOn(longDate(todayIso()) ?? todayIso())} — ${t.permalink} `,
    el("span", { className: "cip-permalink-url", text: ctx.permalink() }),
  ]);
  return el("section", {
    className: `cip-verdict cip-verdict--${verdict} cip-certainty--${certainty}`,
    attrs: { id: ids.verdict, "aria-labelledby": ids.verdictTitle },
  }, [
    cardHead(kind, t.verdictTitle[verdict], t, ids),
    el("p", { className: "cip-verdict-summary", text: String(result.headline ?? result.summary ?? "") }),
    verdict === "not_eligible" || verdict === "refer" ? reasonsList(result) : null,
    fixesBlock(result, t),
    ...(payLine(result, t) || []),
    bodyBlock(result.body, t, data.format),
    verdict === "not_eligible" ? null : stepsBlock(result, t),
    printed,
  ]);
}
