// The only way the calculator writes to the page: elements and text nodes, never HTML strings,
// so nothing that comes from a URL or from the worker can become markup or script.
export function el(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = String(options.text);
  for (const [name, value] of Object.entries(options.attrs || {})) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** The URL if it is http(s) or mailto, otherwise null (javascript:, data:, relative junk…). */
export function safeHref(value) {
  if (typeof value !== "string" || value.length > 2000) return null;
  try {
    const url = new URL(value);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** A link when the URL is safe, plain text otherwise. */
export function link(href, text, className) {
  const safe = safeHref(href);
  if (!safe) return el("span", { className, text });
  const attrs = { href: safe };
  if (!safe.startsWith("mailto:")) attrs.rel = "noopener noreferrer";
  return el("a", { className, text, attrs });
}

/** Short, readable name of a source: its host without "www.". */
export function sourceName(href) {
  const safe = safeHref(href);
  if (!safe) return null;
  const url = new URL(safe);
  return url.protocol === "mailto:" ? url.pathname : url.hostname.replace(/^www\./, "");
}

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}$/;

/** A body's contact: an e-mail address becomes a mailto link, a web address a link. */
export function contactNode(contact) {
  if (typeof contact !== "string") return null;
  if (EMAIL.test(contact)) return link(`mailto:${contact}`, contact);
  const safe = safeHref(contact);
  return safe ? link(safe, sourceName(safe) || contact) : el("span", { text: contact });
}

/** Sets data-<name> to `value`, or removes it for null/undefined (written only on a change). */
export function setData(element, name, value) {
  if (value === null || value === undefined) delete element.dataset[name];
  else if (element.dataset[name] !== value) element.dataset[name] = value;
}
