// The case <-> the page's address: the answers live in the URL's query (never in storage), so
// a link, the Back button, a reload or the language switch keeps them.

/** The case a query string holds: the form's fields only, blank values dropped; a field
 * repeated with different values stays a list (the core answers "conflicting"). */
export function caseFromQuery(query, fields, collapse) {
  const params = new URLSearchParams(query);
  const found = {};
  for (const name of fields) {
    const value = collapse(params.getAll(name));
    if (value !== undefined) found[name] = value;
  }
  return found;
}

/** The query string of a case, in the form's order. */
export function queryFromCase(theCase, fields) {
  const params = new URLSearchParams();
  for (const name of fields) {
    const value = theCase[name];
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === "string" && v !== "") params.append(name, v);
    }
  }
  return params.toString();
}

/** A view: keeps the address on the state's case (the first draw also drops what is not). */
export function addressView(fields) {
  let shown = null;
  return (s) => {
    if (s.case === shown) return;
    shown = s.case;
    const query = queryFromCase(s.case, fields);
    const url = `${location.pathname}${query ? "?" + query : ""}${location.hash}`;
    history.replaceState(history.state, "", url);
    // carry.js puts the case on the language switch and on the links to the sheet's pages.
    window.dispatchEvent(new CustomEvent("cip-case", { detail: query }));
  };
}
