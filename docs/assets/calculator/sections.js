// The parts of an answer after the card (the contract's result object) as page elements:
// warnings with their sources, the questions left, how the minimum is worked out. The long
// ones fold (<details>): the card above them says what to do.
import { contactLines } from "./contacts.js";
import { el, link, sourceName } from "./dom.js";

export function asList(value) {
  return Array.isArray(value) ? value.filter((item) => item && typeof item === "object") : [];
}

/** An item's pages (the body's or a form's, the guide's section), labelled by the core; null if none. */
export function itemLinks(item) {
  const out = [];
  for (const entry of asList(item.links)) {
    let href = entry.url;
    if (entry.kind === "site") {
      try {
        const url = new URL(String(entry.url), window.location.href);
        href = url.origin === window.location.origin ? url.href : null;
      } catch {
        href = null;
      }
    }
    if (href) out.push(link(href, String(entry.label ?? ""), "cip-tap"));
  }
  if (!out.length) return null;
  return el("span", { className: "cip-item-links" }, out); // a wrapping row (card.css)
}

function sourceNode(href, note, label) {
  const name = sourceName(href);
  // note: the core's "(in French)" when the source's page is not in the reader's language.
  if (!name) return null;
  return el("span", { className: "cip-source" }, [`${label} `, link(href, name, "cip-tap"), note ? ` (${note})` : ""]);
}

function itemNode(item, t) {
  const li = el("li", {}, [String(item.message ?? "")]);
  const links = itemLinks(item);
  const source = links ? null : sourceNode(item.source, item.source_note, t.source);
  if (links || source) li.append(" ", links || source);
  return li;
}

/** A folded part: its summary is the title (with a count when it lists items). */
export function folded(title, children, className, open = false) {
  const details = el("details", { className: `cip-part ${className || ""}`.trim() }, [
    el("summary", { className: "cip-part-summary", text: title }),
    ...children,
  ]);
  details.open = open;
  return details;
}

export function itemsSection(title, items, t, className) {
  if (!items.length) return null;
  return folded(`${title} (${items.length})`, [el("ul", {}, items.map((item) => itemNode(item, t)))], className);
}

// A step in full: who acts, the core's sentence, its date, its links, the body to contact.
function stepNode(step, t) {
  const who = step.actor_label ? [el("strong", { text: String(step.actor_label) }), " — "] : [];
  const li = el("li", {}, [...who, String(step.message ?? "")]);
  const due = step.date_text;
  if (due) li.append(" ", el("strong", { className: "cip-step-date", text: `(${t.stepDue(due)})` }));
  const links = itemLinks(step);
  if (links) li.append(" ", links);
  if (step.body) li.append(...contactLines(step.body, t));
  return li;
}

export function stepsSection(steps, t) {
  if (!steps.length) return null;
  return folded(t.stepsDetail, [el("ol", {}, steps.map((step) => stepNode(step, t)))], "cip-part--steps");
}

export function missingSection(missing, ctx) {
  const names = Array.isArray(missing) ? missing.filter((name) => typeof name === "string") : [];
  if (!names.length) return null;
  const list = el("ul", { className: "cip-missing" }, names.map((name) => {
    const a = el("a", { className: "cip-tap", text: ctx.questionLabel(name), attrs: { href: ctx.questionHref(name) } });
    a.addEventListener("click", (event) => {
      event.preventDefault();
      ctx.focusField(name);
    });
    return el("li", {}, [a]);
  }));
  return el("section", { className: "cip-part cip-part--missing" }, [el("h3", { text: ctx.t.missing }), list]);
}

// Figures come already written for the page's language (allowance.display, from the core).
export function allowanceSection(a, t) {
  if (!a || typeof a !== "object") return null;
  const d = a.display && typeof a.display === "object" ? a.display : {};
  const parts = [];
  if (a.minimum) {
    parts.push(el("p", { className: "cip-minimum" }, [`${t.minimumPerMonth} `, el("strong", { text: String(d.minimum_range || d.minimum) })]));
  } else {
    parts.push(el("p", { text: t.noMinimum }));
  }
  parts.push(el("p", { text: t.rmmgLine(String(d.rmmg), String(d.rmmg_since)) }));
  if (a.minimum) {
    const factors = [String(d.rmmg), t.half];
    // An 18-20 year-old's share is a range: the line shows it, so it ends on the quoted range.
    if (d.age_percent_range) factors.push(t.agePart(String(d.age_percent_range)));
    else if (a.age_percent && a.age_percent !== "100") factors.push(t.agePart(String(d.age_percent)));
    if (a.fraction && a.fraction !== "1") factors.push(t.timePart(String(d.fraction)));
    parts.push(el("p", { className: "cip-computation" }, [`${t.computed} ${factors.join(" × ")} = ${d.minimum}`]));
  }
  if (a.offered) {
    const verdict = a.meets_minimum === true ? t.meets : a.meets_minimum === false ? t.below : "";
    parts.push(el("p", {}, [`${t.offered} ${d.offered}${verdict ? " — " + verdict : ""}`]));
  }
  const checked = el("p", { className: "cip-checked" }, [t.checkedUntil(String(d.checked_until))]);
  const source = sourceNode(a.rmmg_source, a.rmmg_source_note, t.rmmgSource);
  if (source) checked.append(" ", source);
  parts.push(checked);
  return folded(t.computation, parts, "cip-part--allowance");
}
