// A body and how to reach it (the contract's body object): its name linked to its page, then
// only the contact details a page states (contact_details: address, phone, e-mail, each null
// when no page we read gives it), with the page that states them. Answers without
// contact_details keep the fact sheet's one contact (a page or an address). One line each, so
// the verdict card stays one phone screen tall.
import { contactNode, el, link, sourceName } from "./dom.js";
import { fill } from "./page_data.js";

const PHONE = /^\+?[\d\s./()-]{6,20}$/;

function telHref(phone) {
  const digits = phone.replace(/[^\d+]/g, "");
  return digits.startsWith("+") ? `tel:${digits}` : `tel:+32${digits.replace(/^0/, "")}`;
}

// A value with its label read out by screen readers; the value says what it is to the eye.
function labelled(label, node) {
  return [el("span", { className: "cip-visually-hidden", text: `${label ?? ""} ` }), node];
}

/** The contact details of a body as one paragraph (or none), labelled in the core's words. */
export function contactLines(body, t) {
  const details = body?.contact_details && typeof body.contact_details === "object" ? body.contact_details : null;
  if (!details) {
    const contact = contactNode(body?.contact);
    if (contact) contact.classList.add("cip-tap");
    return contact ? [el("p", { className: "cip-contact" }, [`${t.bodyContact} `, contact])] : [];
  }
  const labels = t.labels || {};
  const parts = [];
  if (typeof details.address === "string" && details.address) {
    parts.push(labelled(labels.address, el("span", { text: details.address })));
  }
  if (typeof details.phone === "string" && PHONE.test(details.phone)) {
    parts.push(labelled(labels.phone, el("a", { className: "cip-tap", text: `☎\u00a0${details.phone.replace(/ /g, "\u00a0")}`, attrs: { href: telHref(details.phone) } })));
  }
  const mail = typeof details.email === "string" ? contactNode(details.email) : null;
  if (mail) {
    mail.classList.add("cip-tap");
    parts.push(labelled(labels.email, mail));
  }
  if (!parts.length) return [];
  // One wrapping row (card.css): each value its own 44 px target, side by side when they fit.
  const line = el("p", { className: "cip-contact" }, parts.map((part) => el("span", {}, part)));
  const name = sourceName(details.source);
  if (name) {
    const note = details.source_note ? ` (${details.source_note})` : "";
    line.append(el("span", { className: "cip-source cip-print-hide" }, [`${t.source} `, link(details.source, name, "cip-tap"), note]));
  }
  return [line];
}

/** The body line of the card ("Organisme compétent : <name>"), then its contact details. */
export function bodyBlock(body, t, format) {
  if (!body || typeof body !== "object") return null;
  const page = body.contact_details?.page || body.url;
  const label = fill(format?.label ?? "{label}:", { label: t.labels.body ?? t.body });
  return el("div", { className: "cip-card-body" }, [
    el("p", { className: "cip-body-line" }, [
      el("span", { className: "cip-card-label", text: `${label} ` }),
      link(page, String(body.name ?? ""), "cip-tap cip-body-name"),
    ]),
    ...contactLines(body, t),
  ]);
}
