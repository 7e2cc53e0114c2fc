// Registers the calculator's service worker (/sw.js, site_plugins/runtime/sw.js) from the
// calculator page only, once the checker is ready: the runtime it caches is then already in
// the HTTP cache (no second download), and the next visit starts from the service worker's
// cache, even offline. It keeps static files only, never the answers (the URL's query).
// - An open tab asks for a new sw.js now and then and when it comes back into view; when a new
//   deploy is installed, a quiet notice offers to reload (the answers shown use the old rules).
// - When the checker fails, our caches are cleared and the worker unregistered, so a bad state
//   can never outlive one visit.
import { byId, t } from "./page_data.js";

const root = byId("root");
const siteRoot = new URL("../../", import.meta.url);
const options = Object.assign(
  { updateMs: 15 * 60_000 }, // how often an open tab asks whether the site was deployed again
  typeof window.cipCheckerOptions === "object" ? window.cipCheckerOptions : {},
);

function showUpdateNotice() {
  if (!root || document.getElementById("cip-update")) return;
  const notice = document.createElement("p");
  notice.id = "cip-update";
  notice.className = "cip-update";
  notice.setAttribute("role", "status");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "cip-update-reload";
  button.textContent = t.reload;
  button.addEventListener("click", () => location.reload());
  notice.append(`${t.newRules} — `, button);
  root.prepend(notice);
}

function watchUpdates(registration) {
  // A worker already active means this tab runs a deploy; a new one is a newer deploy.
  const hadWorker = Boolean(registration.active);
  registration.addEventListener("updatefound", () => {
    const incoming = registration.installing;
    if (!hadWorker || !incoming) return;
    incoming.addEventListener("statechange", () => {
      if (incoming.state === "activated") showUpdateNotice();
    });
  });
  const check = () => registration.update().catch(() => undefined);
  setInterval(check, options.updateMs);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") check();
  });
}

function register() {
  navigator.serviceWorker
    .register(new URL("sw.js", siteRoot), { scope: siteRoot.pathname })
    .then((registration) => {
      watchUpdates(registration);
      return navigator.serviceWorker.ready;
    })
    .then((registration) => {
      // This page and the files it loaded (styles, scripts), for offline use.
      const files = performance.getEntriesByType("resource").map((entry) => entry.name);
      registration.active?.postMessage({ cache: [location.origin + location.pathname, ...files] });
    })
    .catch(() => {
      /* no service worker (private mode, old browser): the checker works without it */
    });
}

// The checker failed: forget everything we stored, so the next visit starts from the host.
async function reset() {
  try {
    // Unregistered first, so the worker stores nothing more once the caches are gone.
    const registration = await navigator.serviceWorker.getRegistration(siteRoot.pathname);
    await registration?.unregister();
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith("cip-")).map((n) => caches.delete(n)));
  } catch {
    /* nothing to clear */
  }
}

if (root && "serviceWorker" in navigator) {
  let registered = false;
  const onChange = (observer) => {
    if (root.dataset.state === "failed") {
      observer?.disconnect();
      reset();
    } else if (root.dataset.stage === "ready" && !registered) {
      registered = true;
      register();
    }
  };
  onChange(null);
  new MutationObserver((_, observer) => onChange(observer)).observe(root, {
    attributes: true,
    attributeFilter: ["data-stage", "data-state"],
  });
}
