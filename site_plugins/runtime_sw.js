// The calculator's service worker, published at /sw.js by the cip-runtime plugin with this
// build's runtime written in below (site_plugins/runtime_install.py). Registered by the
// calculator page only (docs/assets/calculator/offline.js), once the checker is ready, so a
// reader who only reads the sheet never gets it, and its downloads come from the HTTP cache.
//
// What it keeps: static files only — Pyodide, the core's wheel, the calculator's scripts, the
// calculator pages WITHOUT their query (the query holds the reader's answers: never stored).
// - /assets/pyodide/*: cache first. The cache is named after this build's runtime hash, so a
//   new runtime means a new sw.js, a new cache, and the old one deleted on activate.
// - the calculator pages: network first, the cached copy when offline.
// - the site's other static files (/assets/, /search/): the cached copy at once, refreshed in
//   the background.
// Nothing of another origin, no POST, nothing outside the site's own files.

const RUNTIME = __CIP_RUNTIME__; // {version, files: [names in /assets/pyodide/]}
const PREFIX = "cip-";
const RUNTIME_CACHE = `${PREFIX}runtime-${RUNTIME.version}`;
const STATIC_CACHE = `${PREFIX}static-${RUNTIME.version}`;
const BASE = new URL("./", self.location).pathname; // the site's root (sw.js lives there)
const RUNTIME_PATH = `${BASE}assets/pyodide/`;
// The site's static files; anything else (e.g. `mkdocs serve`'s live-reload polls) is left alone.
const STATIC_PATHS = [`${BASE}assets/`, `${BASE}search/`];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(RUNTIME_CACHE)
      .then((cache) => cache.addAll(RUNTIME.files.map((name) => RUNTIME_PATH + name)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  const keep = new Set([RUNTIME_CACHE, STATIC_CACHE]);
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith(PREFIX) && !keep.has(n)).map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

// The page sends the files it loaded (its CSS and scripts): cached for offline use.
self.addEventListener("message", (event) => {
  const urls = Array.isArray(event.data?.cache) ? event.data.cache : [];
  const own = urls.map((u) => new URL(u, self.location)).filter(ownStatic);
  event.waitUntil(
    caches.open(STATIC_CACHE).then((cache) =>
      Promise.all(
        own.map((url) =>
          cache.match(url).then((hit) => hit || cache.add(url).catch(() => undefined)),
        ),
      ),
    ),
  );
});

function ownStatic(url) {
  if (url.origin !== self.location.origin || url.search) return false;
  return isCalculatorPage(url) || STATIC_PATHS.some((path) => url.pathname.startsWith(path));
}

function isCalculatorPage(url) {
  return /\/calculateur\/(index\.html)?$/.test(url.pathname);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith(RUNTIME_PATH)) {
    event.respondWith(cacheFirst(request, url));
  } else if (request.mode === "navigate") {
    if (isCalculatorPage(url)) event.respondWith(networkFirst(request, url));
  } else if (!url.search && STATIC_PATHS.some((path) => url.pathname.startsWith(path))) {
    event.respondWith(staleWhileRevalidate(request, event));
  }
});

async function cacheFirst(request, url) {
  const cache = await caches.open(RUNTIME_CACHE);
  const hit = await cache.match(url.pathname);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && !url.search) await cache.put(url.pathname, response.clone());
  return response;
}

async function networkFirst(request, url) {
  const cache = await caches.open(STATIC_CACHE);
  const key = url.origin + url.pathname; // never the query: it holds the reader's answers
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(key);
    if (hit) return hit;
    throw error;
  }
}

async function staleWhileRevalidate(request, event) {
  const cache = await caches.open(STATIC_CACHE);
  const hit = await cache.match(request);
  const refresh = fetch(request).then(
    (response) => {
      if (response.ok && response.type === "basic") return cache.put(request, response.clone()).then(() => response);
      return response;
    },
    (error) => {
      if (hit) return hit;
      throw error;
    },
  );
  if (hit) {
    event.waitUntil(refresh.catch(() => undefined));
    return hit;
  }
  return refresh;
}
