// Registers the calculator's service worker (/sw.js, site_plugins/runtime_sw.js) from the
// calculator page only, once the checker is ready: the runtime it caches is then already in
// the HTTP cache (no second download), and the next visit starts from the service worker's
// cache, even offline. It keeps static files only, never the answers (the URL's query).
const root = document.getElementById("cip-calculator");
const siteRoot = new URL("../../", import.meta.url);

function register() {
  navigator.serviceWorker
    .register(new URL("sw.js", siteRoot), { scope: siteRoot.pathname })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      // This page and the files it loaded (styles, scripts), for offline use.
      const files = performance.getEntriesByType("resource").map((entry) => entry.name);
      registration.active?.postMessage({ cache: [location.origin + location.pathname, ...files] });
    })
    .catch(() => {
      /* no service worker (private mode, old browser): the checker works without it */
    });
}

if (root && "serviceWorker" in navigator) {
  if (root.dataset.stage === "ready") register();
  else {
    new MutationObserver((_, observer) => {
      if (root.dataset.stage !== "ready") return;
      observer.disconnect();
      register();
    }).observe(root, { attributes: true, attributeFilter: ["data-stage"] });
  }
}
