/* Buku Saku TKSK: the content-type filter of the Pembaruan page.
 *
 * Why our own few lines: Material for MkDocs filters nothing inside a page (its search is site-wide and
 * its tags plugin groups whole pages), and no maintained MkDocs plugin hides list items by an attribute
 * in the browser. Libraries that do (List.js, Isotope) bring far more than hiding some <li> needs and a
 * dependency to keep up to date. This file is plain ES2017, without dependencies or network, and builds
 * no HTML from text, so it runs under a strict Content-Security-Policy (script-src 'self').
 *
 * Markup it looks for (macros/render/templates/blocks/pembaruan.md.j2):
 *   form.pembaruan-saring[hidden] > select#pembaruan-jenis (option value "" = every type) + p.pembaruan-jumlah
 *   li[data-jenis=TYPE]: one per change, in one list per edition.
 * Without this script the form stays hidden and every change is shown. With it, the form appears and the
 * changes of other types are hidden; a list left empty gets a short note after it. The page is loaded
 * on every page of the site (mkdocs.yml extra_javascript) and does nothing where the form is missing.
 * Material's `document$` announces each page when instant navigation is on; it is used when present.
 */
(function () {
  "use strict";

  const SIAP = "data-pembaruan-siap";
  const KOSONG = "pembaruan-kosong";

  function jumlahTeks(tampil, semua, label) {
    if (!label) return "Menampilkan semua " + semua + " perubahan.";
    return "Menampilkan " + tampil + " dari " + semua + " perubahan: " + label + ".";
  }

  function saring(select, entries, status) {
    const jenis = select.value;
    const label = jenis ? select.options[select.selectedIndex].textContent : "";
    let tampil = 0;
    const lists = new Set();
    entries.forEach((li) => {
      const cocok = !jenis || li.getAttribute("data-jenis") === jenis;
      li.hidden = !cocok;
      if (cocok) tampil += 1;
      lists.add(li.parentElement);
    });
    lists.forEach((list) => {
      let note = list.nextElementSibling;
      if (!note || !note.classList.contains(KOSONG)) {
        note = document.createElement("p");
        note.className = KOSONG;
        list.after(note);
      }
      const ada = Array.prototype.some.call(list.children, (li) => !li.hidden);
      list.hidden = !ada;
      note.hidden = ada;
      note.textContent = ada ? "" : "Tidak ada perubahan " + label + " di bagian ini.";
    });
    status.textContent = jumlahTeks(tampil, entries.length, label);
  }

  function init() {
    const form = document.querySelector("form.pembaruan-saring");
    if (!form || form.hasAttribute(SIAP)) return;
    const select = form.querySelector("#pembaruan-jenis");
    const status = form.querySelector(".pembaruan-jumlah");
    const entries = Array.prototype.slice.call(document.querySelectorAll("li[data-jenis]"));
    if (!select || !status || !entries.length) return;
    form.setAttribute(SIAP, "");
    form.addEventListener("submit", (event) => event.preventDefault());
    select.addEventListener("change", () => saring(select, entries, status));
    form.hidden = false;
    if (select.value) saring(select, entries, status); // the browser kept a choice (back button)
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
