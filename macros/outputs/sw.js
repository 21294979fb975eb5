// Buku Saku TKSK service worker, generated at build time by macros/outputs/offline.py. Do not edit site/sw.js.
// Our own small worker that follows Workbox's precaching (macros/outputs/offline.py says why not Workbox itself):
// - One reader address, one copy: published editions are read at latest/ (macros/tools/publish.py), a folder
//   the next edition replaces, so the phone's one worker and one cache stay there. A new edition keeps
//   every file whose revision (content hash) is unchanged and downloads only the others; numbered
//   edition folders are the online archive and keep no copy (offline.js), and their caches are removed.
// - PRECACHE lists [url, revision] pairs. Every download is checked against its revision, so a cache never
//   mixes editions (a host updated mid-way fails the install, which the browser retries).
// - A new edition's worker installs in the background and WAITS. The page (docs/javascripts/offline.js)
//   shows "Versi baru tersedia — muat ulang"; the switch happens when the reader taps it or reloads
//   (message SKIP_WAITING), never in the middle of reading: until then pages come from this edition's cache.
// - The search index is one set (Pagefind's entry, metadata, word chunks, excerpts) that any edit re-chunks:
//   rewording one answer changes nearly every word chunk (~140 KB), ten times what the pages cost. So a new
//   edition first keeps the previous, complete index (search keeps working offline) and fetches the new set
//   the next time search is opened online, in the background; it switches once the whole set is saved, and
//   drops the old set's files at the next page opened. A Pagefind upgrade (its engine changed) is fetched at once.
// - Sections and learning stages a large handbook does not save on the first visit are saved on request
//   (message SAVE_GROUP, lists in simpan/*.json) and stay saved, file by file, in later editions.
const VERSION = "__VERSION__";
const SCOPE = self.registration.scope;
const SCOPE_TAG = " " + new URL(SCOPE).pathname; // " /buku-saku/latest/", or " /" for a site at the root
const PREFIX = "buku-saku-";
const CACHE = PREFIX + VERSION + SCOPE_TAG;
// Pages and search excerpts opened but not part of the saved copy: kept across editions, refreshed online.
const RUNTIME = PREFIX + "dibuka" + SCOPE_TAG;
// In each edition's cache: the revision of every file in it and the groups the reader saved.
const META = new URL("__buku-saku-simpanan__", SCOPE).href;
const PRECACHE = __PRECACHE__;
const GROUPS = __GROUPS__;
const OFFLINE_PAGE = new URL("__OFFLINE_PAGE__", SCOPE).href;
const SEARCH = new URL("__SEARCH_DIR__/", SCOPE).href;
const SEARCH_ENTRY = SEARCH + "pagefind-entry.json";
// Pagefind's engine: an index set is read only by the engine that wrote it.
const SEARCH_ENGINE = /\/(?:pagefind(?:-worker)?\.js|wasm\.[^/]+\.pagefind)$/;
// Numbered editions beside this folder (the archive, /2026.1/): their caches are removed (publish.py's numbers).
const EDITION_FOLDER = /^(.*\/)\d{4}\.[1-9]\d*\/$/;
const NETWORK_WAIT_MS = 3000; // on a weak signal, show the saved page instead of waiting longer
const PARALLEL = 4;

const absolute = (url) => new URL(url, SCOPE).href;
// Object.fromEntries, which is ES2019 (eslint.config.mjs: the dialect).
function fromEntries(entries) {
  const object = {};
  for (const [key, value] of entries) object[key] = value;
  return object;
}
const pairs = (list) => fromEntries(list.map(([url, revision]) => [absolute(url), revision]));

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

async function sha256(data) {
  const digest = await crypto.subtle.digest("SHA-256", typeof data === "string" ? new TextEncoder().encode(data) : data);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

// Download one file of this edition; a body whose hash is not its revision (the host has moved on to a newer
// edition) is refused. A redirected response cannot answer a page request: only its body is kept (as Workbox).
async function download(url, revision) {
  const response = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  if (revision && !(await sha256(body)).startsWith(revision)) throw new Error("edisi-baru");
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
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
      await cache.put(url, response || await download(url, revision));
      progress(++done, wanted.length);
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, next));
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

const isSearch = (url) => url.startsWith(SEARCH);
const searchPart = (revisions) => fromEntries(Object.entries(revisions).filter(([url]) => isSearch(url)));
const sameFiles = (a, b) => Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([u, r]) => b[u] === r);

// What a new edition saves: everything, except that the previous edition's complete search index stays in
// place of the new one (``pending``, fetched later by refreshSearch) while Pagefind's engine is the same.
function installPlan(revisions, older) {
  const previous = older.find((o) => Object.keys(searchPart(o.meta.revisions)).length);
  if (!previous) return { revisions, pending: null };
  const wanted = searchPart(revisions);
  const kept = searchPart(previous.meta.revisions);
  const engine = Object.keys(wanted).filter((url) => SEARCH_ENGINE.test(url));
  if (sameFiles(wanted, kept) || !engine.every((url) => kept[url] === wanted[url])) return { revisions, pending: null };
  const rest = fromEntries(Object.entries(revisions).filter(([url]) => !isSearch(url)));
  return { revisions: Object.assign(rest, kept), pending: wanted };
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const older = await olderEditions();
    const revisions = pairs(PRECACHE);
    // Sections and stages the reader saved in the previous edition stay saved in this one.
    const saved = [...new Set([].concat(...older.map((o) => o.meta.groups)))].filter((g) => GROUPS[g] && !GROUPS[g].complete);
    for (const group of saved) Object.assign(revisions, await groupFiles(group));
    const plan = installPlan(revisions, older);
    await saveFiles(cache, Object.entries(plan.revisions), older);
    await writeMeta(cache, { version: VERSION, revisions: plan.revisions, groups: saved, pending: plan.pending, stale: [] });
    // No skipWaiting(): the reader decides when to switch (offline.js). A first install has nothing to wait for.
  })());
});

// This scope's older caches, and the caches of numbered editions beside this folder (read there before
// the reader address existed, or opened from the archive by an older worker): one copy of the handbook.
function replacedCaches(names) {
  const parent = new URL("../", SCOPE).pathname;
  return names.filter((name) => {
    if (!name.startsWith(PREFIX) || name === CACHE || name === RUNTIME) return false;
    const tag = name.slice(name.indexOf(" ") + 1);
    const edition = EDITION_FOLDER.exec(tag);
    return name.endsWith(SCOPE_TAG) || (edition && edition[1] === parent);
  });
}

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    await Promise.all(replacedCaches(await caches.keys()).map((n) => caches.delete(n)));
    await self.clients.claim(); // a first visit's page is served offline from now on, not only after a reload
  })());
});

// The new edition's search index, fetched when search is opened online (the request for Pagefind's entry).
// Files already saved are not fetched again; the entry is written last, so until the whole set is saved
// search uses the older one. The older set's files are dropped at the next page opened (dropStale), not at
// once: the open page's search may still read them.
let refreshing = null;
// Whether the cache's record may list a waiting index or old files, remembered while this worker runs, so that
// opening search or a page reads the record only while there is something to do (a restarted worker reads it once).
let mayBePending = true;
let mayBeStale = true;

async function refreshSearch() {
  if (!mayBePending) return;
  const cache = await caches.open(CACHE);
  const meta = await readMeta(cache);
  if (!meta || !meta.pending) {
    mayBePending = false;
    return;
  }
  const missing = Object.entries(meta.pending).filter(([url, revision]) => url !== SEARCH_ENTRY && meta.revisions[url] !== revision);
  await saveFiles(cache, missing, []);
  if (meta.pending[SEARCH_ENTRY]) await cache.put(SEARCH_ENTRY, await download(SEARCH_ENTRY, meta.pending[SEARCH_ENTRY]));
  const now = await readMeta(cache); // a section may have been saved meanwhile, its excerpts added to pending
  const stale = Object.keys(searchPart(now.revisions)).filter((url) => !(url in now.pending));
  for (const url of stale) delete now.revisions[url];
  Object.assign(now.revisions, now.pending);
  await writeMeta(cache, Object.assign({}, now, { pending: null, stale: [...(now.stale || []), ...stale] }));
  mayBePending = false;
  mayBeStale = true;
}

async function dropStale() {
  if (!mayBeStale) return;
  mayBeStale = false;
  const cache = await caches.open(CACHE);
  const meta = await readMeta(cache);
  if (!meta || !meta.stale || !meta.stale.length) return;
  await Promise.all(meta.stale.map((url) => cache.delete(url)));
  await writeMeta(cache, Object.assign({}, await readMeta(cache), { stale: [] }));
}

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
  if (url === SEARCH_ENTRY && navigator.onLine) {
    // After catch() the chain never rejects, so then() runs as finally() (ES2018) would.
    refreshing = refreshing || refreshSearch().catch(() => {}).then(() => { refreshing = null; });
    event.waitUntil(refreshing);
  } else if (request.mode === "navigate") {
    event.waitUntil(dropStale().catch(() => {}));
  }
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
    // Its excerpts belong to this edition's index: while that index waits (pending), they wait with it.
    if (meta.pending) Object.assign(meta.pending, searchPart(wanted));
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
