// A classic script (not a module), after the calculator's module script: if that module or any
// module it imports cannot be loaded (a 404, a syntax error, no module support), the page shows
// its failure message instead of staying blank — the module's own watchdog never ran.
(function () {
  var root = document.getElementById("cip-calculator");
  if (!root) return;
  function fail(why) {
    if (root.getAttribute("data-state") === "failed") return;
    root.setAttribute("data-state", "failed");
    root.setAttribute("data-failure", why);
    var app = document.getElementById("cip-app");
    var status = document.getElementById("cip-status");
    var failure = document.getElementById("cip-failure");
    if (app) app.hidden = true;
    if (status) status.hidden = true;
    if (failure) failure.hidden = false;
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
