/* Buku Saku TKSK: loads search (cari.js) when the reader first asks for it.
 *
 * Why: cari.js, which drives Pagefind from Material's search panel, is 4.7 KB gzip of a 65 KB first view
 * (bench/pages.py), on every page, though most page views never search; and opening search downloads Pagefind's
 * engine and index anyway. So every page loads only this file (mkdocs.yml extra_javascript), which fetches
 * cari.js when the panel opens (the header button, or its #__search toggle), when the search field gets the
 * focus (on a wide screen it sits in the header), on Material's keys "/", "s" and "f", when the page was opened
 * from a search result (?h=, whose words cari.js marks) or when a script calls window.bukuSakuCari. cari.js then
 * takes over: it searches what was typed meanwhile. The service worker keeps cari.js with the shell (ON_DEMAND in
 * macros/outputs/offline.py), so search opens without signal too. Material has no lazy loading of extra scripts;
 * plain ES2017, same origin only (the site's Content-Security-Policy).
 */
(function () {
  "use strict";

  const here = document.currentScript && document.currentScript.src;
  const toggle = document.getElementById("__search");
  const panel = document.querySelector("[data-cari]");
  if (!here || !toggle || !panel) return;
  const input = panel.querySelector("[data-cari-input]");
  let started = null;
  let ready = false;

  function start() {
    if (!started) {
      started = new Promise((resolve, reject) => {
        const tag = document.createElement("script");
        tag.src = new URL("cari.js", here).href;
        tag.addEventListener("load", () => { ready = true; resolve(); });
        tag.addEventListener("error", reject);
        document.head.appendChild(tag);
      });
    }
    return started;
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    input.focus();
  }

  function typing(element) {
    return element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  toggle.addEventListener("change", () => { if (toggle.checked) start(); });
  input.addEventListener("focus", () => { if (!ready) open(); });
  document.addEventListener("keydown", (event) => {
    if (ready || toggle.checked || event.metaKey || event.ctrlKey || event.altKey) return;
    if ((event.key === "/" || event.key === "s" || event.key === "f") && !typing(document.activeElement)) {
      event.preventDefault();
      open();
    }
  });
  // Replaced by cari.js's own once it has run (tests/outputs/test_search.py and bench/search.py call it).
  const standIn = (query) => start().then(() => {
    if (window.bukuSakuCari === standIn) throw new Error("cari.js did not start");
    return window.bukuSakuCari(query);
  });
  window.bukuSakuCari = standIn;
  if (new URL(location.href).searchParams.has("h")) start();
})();
