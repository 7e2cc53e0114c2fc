// The parts of an answer (the contract's result object) as page elements: reasons, steps and
// warnings with their sources, the questions left, the competent body, the minimum allowance.
import { contactNode, el, link, sourceName } from "./dom.js";

export function asList(value) {
  return Array.isArray(value) ? value.filter((item) => item && typeof item === "object") : [];
}

// A step's pages (official form or page, the guide's section), labelled by the core.
function stepLinks(item) {
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
    if (href) out.push(link(href, String(entry.label ?? "")));
  }
  return out;
}

function itemNode(item, t) {
  // A step says who acts (the core's words), then what to do.
  const who = item.actor_label ? [el("strong", { className: "cip-actor", text: String(item.actor_label) }), " — "] : [];
  const li = el("li", {}, [...who, String(item.message ?? "")]);
  const pages = stepLinks(item);
  if (pages.length) {
    const span = el("span", { className: "cip-step-links" });
    pages.forEach((a, i) => span.append(i ? " · " : "", a));
    li.append(" ", span);
  } else {
    const name = sourceName(item.source);
    // source_note: the core's "(in French)" when the source's page is not in the reader's language.
    const note = item.source_note ? ` (${item.source_note})` : "";
    if (name) li.append(" ", el("span", { className: "cip-source" }, [`${t.source} `, link(item.source, name), note]));
  }
  return li;
}

function section(title, children, className) {
  return el("section", { className: `cip-part ${className || ""}`.trim() }, [
    el("h3", { text: title }),
    ...children,
  ]);
}

export function itemsSection(title, items, t, ordered, className) {
  if (!items.length) return null;
  return section(title, [el(ordered ? "ol" : "ul", {}, items.map((item) => itemNode(item, t)))], className);
}

export function missingSection(missing, ctx) {
  const names = Array.isArray(missing) ? missing.filter((name) => typeof name === "string") : [];
  if (!names.length) return null;
  const list = el("ul", { className: "cip-missing" }, names.map((name) => {
    const a = el("a", { text: ctx.questionLabel(name), attrs: { href: ctx.questionHref(name) } });
    a.addEventListener("click", (event) => {
      event.preventDefault();
      ctx.focusField(name);
    });
    return el("li", {}, [a]);
  }));
  return section(ctx.t.missing, [list], "cip-part--missing");
}

export function bodySection(body, t) {
  if (!body || typeof body !== "object") return null;
  const children = [el("p", { className: "cip-body-name" }, [link(body.url, String(body.name ?? ""))])];
  const contact = contactNode(body.contact);
  if (contact) children.push(el("p", {}, [`${t.bodyContact} `, contact]));
  return section(t.body, children, "cip-part--body");
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
  const name = sourceName(a.rmmg_source);
  if (name) checked.append(" ", el("span", { className: "cip-source" }, [`${t.rmmgSource} `, link(a.rmmg_source, name)]));
  parts.push(checked);
  return section(t.allowance, parts, "cip-part--allowance");
}

