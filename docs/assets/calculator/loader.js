// A classic script (not a module), after the calculator's module script: if that module or any
// module it imports cannot be loaded (a 404, a syntax error, no module support), the page shows
// its failure message instead of staying blank — the module's own watchdog never ran.
(function () {
  // The ids come from the page's data block (site_plugins/figures/calculator_form.py, ELEMENT_IDS).
  var ids = {};
  try {
    ids = JSON.parse(document.getElementById("cip-texts").textContent).ids || {};
  } catch (error) {
    /* no data block: not the calculator page */
  }
  function byId(key) {
    return ids[key] ? document.getElementById(ids[key]) : null;
  }
  var root = byId("root");
  if (!root) return;
  function fail(why) {
    if (root.getAttribute("data-state") === "failed") return;
    root.setAttribute("data-state", "failed");
    root.setAttribute("data-failure", why);
    var app = byId("app");
    var status = byId("status");
    var failure = byId("failure");
    if (app) app.hidden = true;
    if (status) status.hidden = true;
    if (failure) failure.hidden = false;
    // The worker early.js may have started has no page to answer: stop its download.
    var early = window.cipEarlyWorker;
    if (early && early.worker) early.worker.terminate();
    window.cipEarlyWorker = false;
  }
  if (!("noModule" in HTMLScriptElement.prototype)) {
    fail("no-modules");
    return;
  }
  var scripts = document.querySelectorAll('script[type="module"]');
  for (var i = 0; i < scripts.length; i++) {
    if (/\/calculator\.js(\?|$)/.test(scripts[i].src)) {
      // "error": the module graph could not be fetched; "load" without the page's API: it
      // threw while running (or a module it imports failed to parse).
      scripts[i].addEventListener("error", function () { fail("module-error"); });
      scripts[i].addEventListener("load", function () {
        if (!window.cipChecker) fail("module-error");
      });
      return;
    }
  }
  fail("module-missing");
})();
