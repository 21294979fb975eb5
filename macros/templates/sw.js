// Buku Saku TKSK service worker, generated at build time by macros/offline.py. Do not edit site/sw.js.
// Our own small worker that follows Workbox's precaching (macros/offline.py says why not Workbox itself):
// - PRECACHE lists [url, revision] pairs, the revision being the file's content hash. A new edition keeps
//   every file whose revision did not change (copied from the previous edition's cache) and downloads
//   only the others: one changed record costs the phone that record's files, not the whole handbook.
// - A new edition's worker installs in the background and WAITS. The page (docs/javascripts/offline.js)
//   shows "Versi baru tersedia — muat ulang"; the switch happens when the reader taps it or reloads
//   (message SKIP_WAITING), never in the middle of reading: until then pages come from this edition's cache.
// - Sections and learning stages a large handbook does not save on the first visit are saved on request
//   (message SAVE_GROUP, lists in simpan/*.json) and stay saved, file by file, in later editions.
// - Editions share one host (mike: /2026.1/, /2026.2/, each with its own worker scoped to its folder), so
//   each cache is named after its folder (SCOPE_TAG) and a worker clears only its own folder's older caches.
const VERSION = "__VERSION__";
const SCOPE = self.registration.scope;
const SCOPE_TAG = " " + new URL(SCOPE).pathname; // " /2026.2/", or " /" for a site at the root
const PREFIX = "buku-saku-";
const CACHE = PREFIX + VERSION + SCOPE_TAG;
// Pages and search excerpts opened but not part of the saved copy: kept across editions, refreshed online.
const RUNTIME = PREFIX + "dibuka" + SCOPE_TAG;
// In each edition's cache: the revision of every file in it and the groups the reader saved.
const META = new URL("__buku-saku-simpanan__", SCOPE).href;
const PRECACHE = __PRECACHE__;
const GROUPS = __GROUPS__;
const OFFLINE_PAGE = new URL("__OFFLINE_PAGE__", SCOPE).href;
const NETWORK_WAIT_MS = 3000; // on a weak signal, show the saved page instead of waiting longer
const PARALLEL = 4;

const absolute = (url) => new URL(url, SCOPE).href;
const pairs = (list) => Object.fromEntries(list.map(([url, revision]) => [absolute(url), revision]));

async function readMeta(cache) {
  const response = await cache.match(META);
  return response ? response.json() : null;
}

function writeMeta(cache, meta) {
  return cache.put(META, new Response(JSON.stringify(meta), { headers: { "Content-Type": "application/json" } }));
}

// This folder's other editions' caches that finished installing, with what they hold.
async function olderEditions() {
  const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n.endsWith(SCOPE_TAG) && n !== CACHE && n !== RUNTIME);
  const found = [];
  for (const name of names) {
    const cache = await caches.open(name);
    const meta = await readMeta(cache);
    if (meta) found.push({ cache, meta });
  }
  return found;
}

async function download(url) {
  const response = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  // A redirected response cannot answer a page request: keep its body only (as Workbox does).
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}

// Put every [url, revision] in the cache: copied from an older edition when its revision is the same,
// downloaded otherwise. Throws if a file cannot be downloaded (an install then fails and is retried later).
async function saveFiles(cache, wanted, sources, progress = () => {}) {
  const queue = wanted.slice();
  let done = 0;
  async function next() {
    while (queue.length) {
      const [url, revision] = queue.shift();
      let response;
      for (const source of sources) {
        if (source.meta.revisions[url] === revision && (response = await source.cache.match(url))) break;
      }
      await cache.put(url, response || await download(url));
      progress(++done, wanted.length);
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, next));
}

async function sha256(text) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

// The files of a section or stage in THIS edition; a list from another edition (the host was updated
// meanwhile) is refused, so a cache never mixes editions.
async function groupFiles(group) {
  const response = await fetch(absolute(GROUPS[group].list), { cache: "no-cache", credentials: "same-origin" });
  if (!response.ok) throw new Error(`${GROUPS[group].list}: HTTP ${response.status}`);
  const text = await response.text();
  if (!(await sha256(text)).startsWith(GROUPS[group].revision)) throw new Error("edisi-baru");
  return pairs(JSON.parse(text));
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const older = await olderEditions();
    const revisions = pairs(PRECACHE);
    // Sections and stages the reader saved in the previous edition stay saved in this one.
    const saved = [...new Set(older.flatMap((o) => o.meta.groups))].filter((g) => GROUPS[g] && !GROUPS[g].complete);
    for (const group of saved) Object.assign(revisions, await groupFiles(group));
    await saveFiles(cache, Object.entries(revisions), older);
    await writeMeta(cache, { version: VERSION, revisions, groups: saved });
    // No skipWaiting(): the reader decides when to switch (offline.js). A first install has nothing to wait for.
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    const older = names.filter((n) => n.startsWith(PREFIX) && n.endsWith(SCOPE_TAG) && n !== CACHE && n !== RUNTIME);
    await Promise.all(older.map((n) => caches.delete(n)));
    await self.clients.claim(); // a first visit's page is served offline from now on, not only after a reload
  })());
});

async function fromNetwork(request, url, waitMs) {
  const runtime = await caches.open(RUNTIME);
  const network = fetch(request).then((response) => {
    if (response.ok && !response.redirected) runtime.put(url, response.clone());
    return response;
  });
  network.catch(() => {}); // answered from a saved copy below
  if (waitMs) {
    const timeout = new Promise((resolve) => setTimeout(resolve, waitMs));
    try {
      const first = await Promise.race([network, timeout]);
      if (first) return first;
    } catch (error) { /* offline: fall through to the saved copy */ }
    const kept = await runtime.match(url);
    if (kept) return kept;
  }
  try {
    return await network;
  } catch (error) {
    const kept = await runtime.match(url);
    if (kept) return kept;
    if (request.mode === "navigate") return caches.match(OFFLINE_PAGE, { cacheName: CACHE });
    throw error;
  }
}

async function respond(request, url) {
  const saved = await caches.match(url, { cacheName: CACHE });
  if (saved) return saved; // this edition's copy, until the reader switches
  return fromNetwork(request, url, request.mode === "navigate" ? NETWORK_WAIT_MS : 0);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  // Only this edition's files: the rest (another host; versions.json and the other editions beside this
  // folder, which change when an edition is published) always comes from the network, never a stale copy.
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  const url = request.url.split("#")[0].split("?")[0].replace(/\/index\.html$/, "/");
  event.respondWith(respond(request, url));
});

// Saving a section or stage: one at a time, so that the list of saved groups is never written twice at once.
let saving = Promise.resolve();

async function groupStatus(group) {
  const info = GROUPS[group];
  if (!info) return { known: false };
  const meta = await readMeta(await caches.open(CACHE));
  return { known: true, kind: info.kind, pages: info.pages, bytes: info.bytes, saved: info.complete || Boolean(meta && meta.groups.includes(group)) };
}

async function saveGroup(group, port) {
  try {
    const cache = await caches.open(CACHE);
    const wanted = await groupFiles(group);
    const have = (await readMeta(cache)).revisions;
    const missing = Object.entries(wanted).filter(([url, revision]) => have[url] !== revision);
    const total = Object.keys(wanted).length;
    const already = total - missing.length;
    port.postMessage({ type: "progress", done: already, total });
    await saveFiles(cache, missing, [], (done) => port.postMessage({ type: "progress", done: already + done, total }));
    const meta = await readMeta(cache);
    Object.assign(meta.revisions, wanted);
    meta.groups = [...new Set([...meta.groups, group])];
    await writeMeta(cache, meta);
    port.postMessage({ type: "saved" });
  } catch (error) {
    port.postMessage({ type: "failed", reason: String(error.message || error) });
  }
}

self.addEventListener("message", (event) => {
  const { type, group } = event.data || {};
  const port = event.ports[0];
  if (type === "SKIP_WAITING") {
    self.skipWaiting();
  } else if (type === "GROUP_STATUS" && port) {
    event.waitUntil(groupStatus(group).then((status) => port.postMessage(status)));
  } else if (type === "SAVE_GROUP" && port && GROUPS[group]) {
    saving = saving.then(() => saveGroup(group, port));
    event.waitUntil(saving);
  }
});
