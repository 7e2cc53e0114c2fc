// Turns the worker's answer (the contract's result object) into the page's result section.
import { contactNode, el, link, sourceName } from "./dom.js";

const VERDICTS = new Set(["eligible", "not_eligible", "refer", "incomplete"]);

function asList(value) {
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

function itemsSection(title, items, t, ordered, className) {
  if (!items.length) return null;
  return section(title, [el(ordered ? "ol" : "ul", {}, items.map((item) => itemNode(item, t)))], className);
}

function missingSection(missing, ctx) {
  const names = Array.isArray(missing) ? missing.filter((name) => typeof name === "string") : [];
  if (!names.length) return null;
  const list = el("ul", { className: "cip-missing" }, names.map((name) => {
    const a = el("a", { text: ctx.questionLabel(name), attrs: { href: `#cip-q-${name}` } });
    a.addEventListener("click", (event) => {
      event.preventDefault();
      ctx.focusField(name);
    });
    return el("li", {}, [a]);
  }));
  return section(ctx.t.missing, [list], "cip-part--missing");
}

function bodySection(body, t) {
  if (!body || typeof body !== "object") return null;
  const children = [el("p", { className: "cip-body-name" }, [link(body.url, String(body.name ?? ""))])];
  const contact = contactNode(body.contact);
  if (contact) children.push(el("p", {}, [`${t.bodyContact} `, contact]));
  return section(t.body, children, "cip-part--body");
}

// Figures come already written for the page's language (allowance.display, from the core).
function allowanceSection(a, t) {
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
    if (a.age_percent && a.age_percent !== "100") factors.push(t.agePart(String(d.age_percent)));
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

// "Your answers", GOV.UK style: each answer with a link back to its question, in the form's own
// words (ctx.answers() reads the labels from the page: no second copy of the questions).
function answersSection(ctx) {
  const rows = ctx.answers();
  if (!rows.length) return null;
  const list = el("dl", { className: "cip-answers" });
  for (const [name, label, value] of rows) {
    const change = el("a", { className: "cip-change", attrs: { href: `#cip-q-${name}` } }, [
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

// data-certainty (contract, door 3): the answer's, and none while there is no answer.
function setCertainty(container, result) {
  if (result && typeof result === "object") {
    container.dataset.certainty = result.certainty === "to_confirm" ? "to_confirm" : "firm";
  } else {
    delete container.dataset.certainty;
  }
}

/** Replaces the result section's content with the answer, the reader's answers above it. */
export function renderResult(container, result, ctx) {
  setCertainty(container, result);
  container.replaceChildren(...[answersSection(ctx), ...resultParts(result, ctx)].filter(Boolean));
}

/** The input errors, as a summary that links to each field (the messages also sit beside the
 * fields), then the answer computed without the bad fields when there is one. */
export function renderErrors(container, errors, ctx, result = null) {
  setCertainty(container, result);
  const list = el("ul", { className: "cip-error-list" }, errors.map((error) => {
    const message = String(error.message ?? "");
    if (!ctx.hasField(error.field)) return el("li", { text: message });
    const a = el("a", { text: message, attrs: { href: `#cip-q-${error.field}` } });
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
