// The reader's case travels in the address, never in storage: links between the sheet's pages,
// the calculator and the language switch carry the current query (the calculator announces each
// change with a "cip-case" event).
(() => {
  const NAME = /^[a-z][a-z_]{1,40}$/; // the checker's field names; "h" is Material's highlight
  const PAGE = /(^|\/)$|^\.\.?$|\.html$/; // a page of the site, not a file
  function caseQuery(search) {
    const kept = new URLSearchParams();
    for (const [name, value] of new URLSearchParams(search)) {
      if (NAME.test(name) && name !== "h" && value.trim() !== "") kept.append(name, value);
    }
    return kept.toString();
  }
  function carry(query) {
    for (const a of document.querySelectorAll("a[href]")) {
      if (a.dataset.cipHref === undefined) {
        const raw = a.getAttribute("href");
        const path = raw.split("#")[0].split("?")[0];
        if (raw.startsWith("#") || raw.startsWith("//") || /^[a-z][a-z0-9+.-]*:/i.test(raw) || !PAGE.test(path)) continue;
        a.dataset.cipHref = raw;
      }
      const raw = a.dataset.cipHref;
      const hash = raw.includes("#") ? raw.slice(raw.indexOf("#")) : "";
      const path = raw.split("#")[0].split("?")[0];
      a.setAttribute("href", `${path}${query ? "?" + query : ""}${hash}`);
    }
  }
  window.addEventListener("cip-case", (event) => carry(caseQuery(String(event.detail ?? ""))));
  const query = caseQuery(location.search);
  if (query) carry(query);
})();
