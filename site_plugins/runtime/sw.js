// The calculator's service worker, published at /sw.js by the cip-runtime plugin with this
// build's description written in below (site_plugins/runtime/install.py). Registered by the
// calculator page only (docs/assets/calculator/offline.js), once the checker is ready.
//
// It must never keep a reader on old rules, never serve a file it has not checked, never store
// the reader's answers (the query), and never leave a broken state behind:
// - BUILD.version hashes every file of the build, so each deploy gives a new sw.js, which the
//   browser installs at the next check (navigation, or the page's periodic `update()`).
// - The runtime lives at /assets/pyodide/<version>/ (lock included), <version> being the start of
//   the sha256 of its manifest.json. Install fetches the manifest with `cache: "reload"` (never a
//   copy from the HTTP cache of an older deploy) and checks it against <version>; each file is
//   taken from the HTTP cache only if it matches the manifest's sha256, else fetched again with
//   `cache: "reload"` and checked, and only then stored. Every answer from the cache is
//   checked again (another project on the same origin can write into our caches); a runtime
//   cache is self-checking, so a page still running the previous runtime keeps being served.
// - The other static files it answers for are those listed in BUILD.files with their sha256:
//   stored only when they match, served only while they match.
// - The calculator pages: network first (revalidated), stored under their path only, with a
//   response fetched by path, so neither the key nor the stored response's url holds the query.
// Anything not listed (another origin, a POST, a query, live-reload polls) goes to the network.

const BUILD = __CIP_BUILD__; // {version, runtime, files: {site path: sha256}, pages: [paths]}
const PREFIX = "cip-";
const RUNTIME_CACHE = `${PREFIX}runtime-${BUILD.runtime}`;
const STATIC_CACHE = `${PREFIX}static-${BUILD.version}`;
const BASE = new URL("./", self.location).pathname; // the site's root (sw.js lives there)
const RUNTIME_ROOT = `${BASE}assets/pyodide/`;
const MANIFEST = "manifest.json";
// How many runtimes to keep: this build's and the previous one, which a tab opened before the
// update may still be loading.
const RUNTIMES_KEPT = 2;

self.addEventListener("install", (event) => {
  event.waitUntil(installRuntime(BUILD.runtime).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => {
        const runtimes = names.filter((n) => n.startsWith(`${PREFIX}runtime-`) && n !== RUNTIME_CACHE);
        const keepRuntimes = new Set([RUNTIME_CACHE, ...runtimes.slice(-(RUNTIMES_KEPT - 1))]);
        const stale = names.filter(
          (n) => n.startsWith(PREFIX) && n !== STATIC_CACHE && !keepRuntimes.has(n),
        );
        return Promise.all(stale.map((n) => caches.delete(n)));
      })
      .then(() => self.clients.claim()),
  );
});

// --- checking --------------------------------------------------------------------------------

async function sha256(buffer) {
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

// The response, if its body has that hash; its body is read, so a fresh copy is returned.
async function checked(response, expected) {
  if (!response || !response.ok || !expected) return null;
  const body = await response.clone().arrayBuffer();
  return (await sha256(body)) === expected ? response : null;
}

// --- the runtime (/assets/pyodide/<version>/) ------------------------------------------------

async function installRuntime(version) {
  const cache = await caches.open(`${PREFIX}runtime-${version}`);
  const base = `${RUNTIME_ROOT}${version}/`;
  const manifestResponse = await fetch(base + MANIFEST, { cache: "reload" });
  const manifestBody = await manifestResponse.clone().arrayBuffer();
  if (!manifestResponse.ok || !(await sha256(manifestBody)).startsWith(version)) {
    throw new Error(`cip: ${MANIFEST} does not match runtime ${version}`);
  }
  const manifest = JSON.parse(new TextDecoder().decode(manifestBody));
  for (const [name, entry] of Object.entries(manifest.files)) {
    const key = base + name;
    if (await checked(await cache.match(key), entry.sha256)) continue; // already there, intact
    // The page has just downloaded these files: the HTTP cache's copy is taken when it matches
    // the manifest (measured: re-downloading all of them added ~4 MB to a first visit), and
    // anything else is fetched again past the HTTP cache.
    const cached = await fetch(key).catch(() => null);
    const response =
      (await checked(cached, entry.sha256)) ??
      (await checked(await fetch(key, { cache: "reload" }), entry.sha256));
    if (!response) throw new Error(`cip: ${name} does not match the manifest of ${version}`);
    await cache.put(key, response);
  }
  await cache.put(base + MANIFEST, manifestResponse);
}

// The manifest of a cached runtime, if it is the one its version names.
async function cachedManifest(cache, version) {
  const response = await cache.match(`${RUNTIME_ROOT}${version}/${MANIFEST}`);
  if (!response) return null;
  const body = await response.arrayBuffer();
  if (!(await sha256(body)).startsWith(version)) return null;
  return JSON.parse(new TextDecoder().decode(body));
}

async function runtimeFile(request, version, name) {
  const cache = await caches.open(`${PREFIX}runtime-${version}`);
  const manifest = await cachedManifest(cache, version);
  const expected = name === MANIFEST ? null : manifest?.files?.[name]?.sha256;
  const hit = expected ? await checked(await cache.match(request.url), expected) : null;
  if (hit) return hit;
  if (!expected) return fetch(request.url, { cache: "no-cache" });
  await cache.delete(request.url); // missing or altered: never served
  const response = await fetch(request.url, { cache: "no-cache" });
  if (await checked(response, expected)) await cache.put(request.url, response.clone());
  return response;
}

// --- the site's other files ------------------------------------------------------------------

function sitePath(url) {
  return decodeURIComponent(url.pathname.slice(BASE.length));
}

async function staticFile(request, url, path) {
  const cache = await caches.open(STATIC_CACHE);
  const key = url.origin + url.pathname;
  const hit = await checked(await cache.match(key), BUILD.files[path]);
  if (hit) return hit;
  const response = await fetch(key, { cache: "no-cache" });
  if (await checked(response, BUILD.files[path])) await cache.put(key, response.clone());
  else self.registration.update().catch(() => undefined); // a newer deploy: fetch its sw.js
  return response;
}

async function page(url, path) {
  const cache = await caches.open(STATIC_CACHE);
  // Fetched by path: the stored response's url has no query (it holds the reader's answers).
  const key = url.origin + url.pathname;
  try {
    const response = await fetch(key, { cache: "no-cache", credentials: "same-origin" });
    if (await checked(response, BUILD.files[path])) await cache.put(key, response.clone());
    else if (response.ok) self.registration.update().catch(() => undefined);
    return response;
  } catch (error) {
    const hit = await checked(await cache.match(key), BUILD.files[path]);
    if (hit) return hit;
    throw error;
  }
}

// The page sends the files it loaded (its CSS and scripts): stored for offline use if listed.
self.addEventListener("message", (event) => {
  const urls = Array.isArray(event.data?.cache) ? event.data.cache : [];
  event.waitUntil(
    caches.open(STATIC_CACHE).then((cache) =>
      Promise.all(
        urls.map(async (raw) => {
          const url = new URL(raw, self.location);
          if (url.origin !== self.location.origin || url.search) return;
          const path = pagePath(url) ?? sitePath(url);
          const expected = BUILD.files[path];
          if (!expected) return;
          const key = url.origin + url.pathname;
          if (await checked(await cache.match(key), expected)) return;
          const response = await fetch(key, { cache: "no-cache" }).catch(() => null);
          if (await checked(response, expected)) await cache.put(key, response);
        }),
      ),
    ),
  );
});

// The calculator page's built file ("calculateur/index.html"), or null.
function pagePath(url) {
  const path = sitePath(url);
  const file = path === "" || path.endsWith("/") ? `${path}index.html` : path;
  return BUILD.pages.includes(file) ? file : null;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  if (url.pathname.startsWith(RUNTIME_ROOT)) {
    const [version, name, ...rest] = url.pathname.slice(RUNTIME_ROOT.length).split("/");
    if (!url.search && !rest.length && /^[0-9a-f]{16}$/.test(version) && name) {
      event.respondWith(runtimeFile(request, version, name));
    }
    return;
  }
  if (request.mode === "navigate") {
    const path = pagePath(url);
    if (path) event.respondWith(page(url, path));
    return;
  }
  const path = sitePath(url);
  if (!url.search && BUILD.files[path]) event.respondWith(staticFile(request, url, path));
});
