/* Buku Saku TKSK: loads the quiz (kuis.js and kuis.css) only when a reader comes near it.
 *
 * Why: a module page opens on its goals and readings; the quiz sits one to three screens further down.
 * kuis.js and kuis.css are 9 KB gzip of a 65 KB first view (bench/pages.py), so a module page names this
 * small file instead (its front matter, macros/render/templates/modul.md.j2) and the quiz files follow
 * when the first quiz element is within one screen of the viewport (IntersectionObserver rootMargin), when
 * the reader focuses or touches anything in it first, when the address points into it (#ulangi) or before
 * printing. Material has no lazy loading of
 * extra scripts; this is the least that does it.
 *
 * The style sheet goes first and the script once the sheet is in (or failed): kuis.js hides the answer keys
 * with the hidden attribute, which only kuis.css makes stronger than Material's display of <details>. Both
 * come from the offline copy when there is no signal: the service worker keeps them with the shell
 * (ON_DEMAND in macros/outputs/offline.py). Without JavaScript the page links kuis.css in <noscript>
 * (overrides/main.html) and each answer stays readable in its <details>, as before. Plain ES2017, same
 * origin only (the site's Content-Security-Policy allows 'self' scripts and styles).
 */
(function () {
  "use strict";

  const QUIZ = ".kuis, .kuis-tahap, .kuis-sertifikat, .kuis-reset";
  const AHEAD = "0px 0px 100% 0px"; // one screen below the viewport: loaded before the reader gets there
  const here = document.currentScript && document.currentScript.src;
  const parts = Array.from(document.querySelectorAll(QUIZ));
  if (!here || !parts.length) return;

  let observer = null;
  let started = false;

  function load() {
    if (started) return;
    started = true;
    if (observer) observer.disconnect(); // the other listeners stay: a second call does nothing
    const script = () => {
      const tag = document.createElement("script");
      tag.src = new URL("kuis.js", here).href;
      document.head.appendChild(tag);
    };
    const sheet = document.createElement("link");
    sheet.rel = "stylesheet";
    sheet.href = new URL("../stylesheets/kuis.css", here).href;
    sheet.addEventListener("load", script, { once: true });
    sheet.addEventListener("error", script, { once: true });
    document.head.appendChild(sheet);
  }

  // An address into the quiz (#ulangi, where "Ulangi yang salah" leads, is hidden until kuis.js shows it, so the
  // browser cannot scroll to it; or #soal-...): the quiz is what the reader came for.
  function aimed() {
    const target = location.hash.length > 1 && document.getElementById(location.hash.slice(1));
    if (target && parts.some((part) => part.contains(target))) load();
  }

  if ("IntersectionObserver" in window) {
    observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) load();
    }, { rootMargin: AHEAD });
    parts.forEach((part) => observer.observe(part));
  } else {
    load();
  }
  parts.forEach((part) => {
    part.addEventListener("focusin", load);
    part.addEventListener("pointerdown", load);
  });
  window.addEventListener("beforeprint", load);
  window.addEventListener("hashchange", aimed);
  aimed();
})();
