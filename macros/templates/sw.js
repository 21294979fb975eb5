// Buku Saku TKSK service worker, generated at build time by macros/offline.py. Do not edit site/sw.js.
// Edition __VERSION__: the core files are cached first (the handbook opens offline), then every page.
// Editions share one host (mike: /2026.1/, /2026.2/, each with its own worker scoped to its folder) and so
// one set of caches: each worker names its cache after its folder and clears only its own older ones.
const SCOPE_TAG = " " + new URL(self.registration.scope).pathname; // " /2026.2/", or " /" for a site at the root
const CACHE = "buku-saku-__VERSION__" + SCOPE_TAG;
const CORE = __CORE__;
const PAGES = __PAGES__;
const NETWORK_WAIT_MS = 3000; // on a weak signal, show the saved page instead of waiting longer

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(CORE);
    await self.skipWaiting();
    // Pages are saved one by one in the background; a page that fails now is saved when visited.
    for (const page of PAGES) {
      try { await cache.add(page); } catch (error) { /* offline or flaky: try again on a later visit */ }
    }
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    const older = names.filter((n) => n.startsWith("buku-saku-") && n.endsWith(SCOPE_TAG) && n !== CACHE);
    await Promise.all(older.map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then((response) => {
    if (response.ok) cache.put(request, response.clone());
    return response;
  });
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
  } catch (error) { /* offline: fall through to the saved copy */ }
  const saved = await cache.match(request, { ignoreSearch: true });
  if (saved) return saved;
  try { return await network; } catch (error) { return cache.match("./offline/"); }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const saved = await cache.match(request, { ignoreSearch: true });
  if (saved) return saved;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  // Only this edition's files: the rest (another host; versions.json and the other editions beside this
  // folder, which change when an edition is published) always comes from the network, never a stale copy.
  if (request.method !== "GET" || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith(request.mode === "navigate" ? networkFirst(request) : cacheFirst(request));
});
