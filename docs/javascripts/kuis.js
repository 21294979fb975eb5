/* Buku Saku TKSK: self-check quizzes ("kuis"), progress widgets and the stage completion panel.
 *
 * Plain ES2017 script, no dependencies, no network, no HTML parsing: nodes are built with
 * createElement/textContent or cloned from the server-rendered answer, so it runs under a strict
 * Content-Security-Policy (script-src 'self'). Styles: stylesheets/kuis.css.
 *
 * The pages work without it: each question shows its answer in <details class="kuis-kunci">.
 * With it, that <details> stays hidden until the reader has checked an answer once.
 *
 * Markup it looks for (rendered server-side; attribute values are read as plain text):
 *   .kuis > fieldset.kuis-soal[data-soal=QID][data-versi][data-jenis][data-benar]
 *       data-jenis "satu"/"kasus" (radios), "beberapa" (checkboxes), "urutan" (ol.kuis-urutan > li[data-nilai]);
 *       inside: button.kuis-periksa, .kuis-umpan (live region), details.kuis-kunci; after them .kuis-hasil.
 *   section.kuis-tahap[data-tahap] > .kuis-daftar > li.kuis-modul[data-soal="QID:VERSI ..."] > a + .kuis-status;
 *       p.kuis-ringkas.
 *   section.kuis-sertifikat[data-tahap][hidden]: .kuis-nama, .kuis-sertifikat-nama/-tanggal/-modul, .kuis-cetak.
 *   button.kuis-reset.
 *
 * Storage, localStorage["buku-saku-tksk:kuis"]:
 *   {"versi": 1, "soal": {QID: {"v": VERSI, "benar": true|false, "jawab": "..."}}, "nama": "..."}
 *   "jawab" is the chosen value ("2"), the ticked values in page order ("1,3"), or the order of
 *   data-nilai from top to bottom ("2,3,1"). A saved answer counts only while "v" equals the
 *   question's current data-versi. When storage is unavailable (private mode, blocked, full) the
 *   answers live in memory until the page is left.
 *
 * Material's instant navigation may call init again: every element it wires is marked with
 * data-kuis-siap and skipped the next time. Each save dispatches "kuis:progres" on document.
 */
(function () {
  "use strict";

  // A second copy of this file (loaded twice, or re-run) leaves the work to the first one.
  const TANDA = typeof Symbol === "function" ? Symbol.for("buku-saku-tksk:kuis") : "__bukuSakuKuis";
  if (window[TANDA]) return;
  window[TANDA] = true;

  const KUNCI_SIMPAN = "buku-saku-tksk:kuis";
  const SIAP = "data-kuis-siap";
  const PERISTIWA = "kuis:progres";
  const BATAS_NAMA = 100;
  const BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
    "September", "Oktober", "November", "Desember"];
  const JENIS = ["satu", "kasus", "beberapa", "urutan"];

  const TEKS = {
    benar: "Benar.",
    salah: "Belum tepat.",
    kosong: "Pilih paling sedikit satu jawaban.",
    periksa: "Periksa jawaban",
    cobaLagi: "Coba lagi",
    ulangi: "Ulangi soal",
    jawabLagi: "Silakan jawab lagi, lalu tekan Periksa jawaban.",
    naik: "Naikkan",
    turun: "Turunkan",
    labelNaik: "Naikkan langkah: ",
    labelTurun: "Turunkan langkah: ",
    sudahPertama: "Langkah ini sudah di urutan pertama.",
    sudahTerakhir: "Langkah ini sudah di urutan terakhir.",
    dipindah: (ke, dari) => "Langkah dipindah ke urutan " + ke + " dari " + dari + ".",
    skor: (benar, jumlah) => "Skor Anda: " + benar + " dari " + jumlah + " benar.",
    modulSelesai: "Modul selesai.",
    belumMulai: "Belum dimulai",
    berjalan: (benar, jumlah) => "Sedang berjalan: " + benar + " dari " + jumlah + " benar",
    selesai: "Selesai",
    ringkas: (selesai, jumlah) => selesai + " dari " + jumlah + " modul selesai.",
    semuaSelesai: "Semua modul di tahap ini selesai.",
    tanyaHapus: "Hapus semua progres belajar di ponsel ini?",
  };

  /* ---------- Storage ---------- */

  let memori = kosong();     // the last state read or written; the only copy once storage has failed
  let gudangGagal = false;   // localStorage threw once (private mode, blocked, quota): stay in memory

  function kosong() {
    return { versi: 1, soal: Object.create(null), nama: "" };
  }

  // Keep only well-formed entries: the stored text may be old, edited by hand or from another version.
  function rapikan(data) {
    const hasil = kosong();
    if (!data || typeof data !== "object" || data.versi !== 1) return hasil;
    if (data.soal && typeof data.soal === "object") {
      Object.keys(data.soal).forEach((qid) => {
        const e = data.soal[qid];
        if (e && typeof e.v === "string" && typeof e.benar === "boolean" && typeof e.jawab === "string") {
          hasil.soal[qid] = { v: e.v, benar: e.benar, jawab: e.jawab };
        }
      });
    }
    if (typeof data.nama === "string") hasil.nama = data.nama.slice(0, BATAS_NAMA);
    return hasil;
  }

  function baca() {
    if (gudangGagal) return memori;
    let teks;
    try {
      teks = window.localStorage.getItem(KUNCI_SIMPAN);
    } catch (e) {
      gudangGagal = true;
      return memori;
    }
    let data = null;
    try {
      data = teks ? JSON.parse(teks) : null;
    } catch (e) {
      data = null;  // unreadable text: start again; it is replaced at the next save
    }
    memori = rapikan(data);
    return memori;
  }

  function tulis(data) {
    memori = data;
    if (gudangGagal) return;
    try {
      window.localStorage.setItem(KUNCI_SIMPAN, JSON.stringify(data));
    } catch (e) {
      gudangGagal = true;
    }
  }

  function hapusSemua() {
    memori = kosong();
    if (gudangGagal) return;
    try {
      window.localStorage.removeItem(KUNCI_SIMPAN);
    } catch (e) {
      gudangGagal = true;
    }
  }

  // The saved answer to a question, if it was given to the question's current version.
  function catatan(data, qid, versi) {
    if (!qid || !Object.prototype.hasOwnProperty.call(data.soal, qid)) return null;
    const e = data.soal[qid];
    return versi === null || e.v === versi ? e : null;
  }

  /* ---------- Small helpers ---------- */

  function buat(tag, kelas, teks) {
    const el = document.createElement(tag);
    if (kelas) el.className = kelas;
    if (teks !== undefined) el.textContent = teks;
    return el;
  }

  function kosongkanIsi(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }

  function daftar(teks) {
    return String(teks || "").split(",").map((s) => s.trim()).filter(Boolean);
  }

  function rapat(teks) {
    return String(teks || "").replace(/\s+/g, " ").trim();
  }

  function semua(akar, pemilih) {
    return Array.prototype.slice.call(akar.querySelectorAll(pemilih));
  }

  // Run one element's set-up; a fault there must not stop the others (it is still reported).
  function aman(fungsi, arg) {
    try {
      fungsi(arg);
    } catch (e) {
      window.setTimeout(() => { throw e; }, 0);
    }
  }

  function kabarkan(detail) {
    let peristiwa;
    try {
      peristiwa = new CustomEvent(PERISTIWA, { bubbles: true, detail: detail });
    } catch (e) {
      peristiwa = document.createEvent("CustomEvent");
      peristiwa.initCustomEvent(PERISTIWA, true, false, detail);
    }
    document.dispatchEvent(peristiwa);
  }

  function tanggalHariIni() {
    const d = new Date();
    return d.getDate() + " " + BULAN[d.getMonth()] + " " + d.getFullYear();
  }

  /* ---------- Questions ---------- */

  const urutanAwal = new WeakMap();  // fieldset -> its steps in the order the server sent them

  function bagian(fs) {
    return {
      jenis: fs.getAttribute("data-jenis"),
      tombol: fs.querySelector(".kuis-periksa"),
      umpan: fs.querySelector(".kuis-umpan"),
      kunci: fs.querySelector(".kuis-kunci"),
      urutan: fs.querySelector(".kuis-urutan"),
    };
  }

  function pilihan(fs) {
    return semua(fs, ".kuis-pilihan input");
  }

  function langkah(ol) {
    return Array.prototype.filter.call(ol.children, (li) => li.hasAttribute("data-nilai"));
  }

  function siapkanSoal(fs) {
    if (fs.hasAttribute(SIAP)) return;
    const b = bagian(fs);
    if (JENIS.indexOf(b.jenis) < 0 || !b.tombol || !b.umpan || !fs.getAttribute("data-soal")) return;
    if (b.jenis === "urutan" ? !b.urutan || langkah(b.urutan).length < 2 : pilihan(fs).length === 0) return;
    if (b.jenis === "urutan") siapkanUrutan(fs, b.urutan);
    fs.setAttribute(SIAP, "");
    if (b.kunci) b.kunci.hidden = true;
    aturTombol(b.tombol, "periksa");
    b.tombol.addEventListener("click", () => {
      if (b.tombol.getAttribute("data-kuis-mode") === "ulang") bukaLagi(fs);
      else periksa(fs);
    });
    pulihkan(fs, baca());
  }

  function aturTombol(tombol, mode, benar) {
    tombol.setAttribute("data-kuis-mode", mode);
    tombol.textContent = mode === "periksa" ? TEKS.periksa : benar ? TEKS.ulangi : TEKS.cobaLagi;
  }

  // Ordering questions: two buttons per step. Steps at either end keep their (aria-disabled)
  // button so that focus never falls off a button the reader has just used.
  function siapkanUrutan(fs, ol) {
    const items = langkah(ol);
    urutanAwal.set(fs, items.slice());
    items.forEach((li) => {
      const sumber = li.querySelector(".kuis-langkah") || li;
      const teks = rapat(sumber.textContent);
      const wadah = buat("span", "kuis-geser");
      wadah.appendChild(tombolGeser("naik", "\u2191", TEKS.naik, TEKS.labelNaik + teks));
      wadah.appendChild(tombolGeser("turun", "\u2193", TEKS.turun, TEKS.labelTurun + teks));
      li.appendChild(wadah);
    });
    ol.addEventListener("click", (ev) => {
      const t = ev.target.closest ? ev.target.closest("button[data-kuis-geser]") : null;
      if (t && ol.contains(t)) geser(fs, ol, t);
    });
    tandaiUjung(ol);
  }

  function tombolGeser(arah, panah, kata, label) {
    const t = buat("button", "kuis-geser-" + arah);
    t.type = "button";
    t.setAttribute("data-kuis-geser", arah);
    t.setAttribute("aria-label", label);
    const ikon = buat("span", "kuis-panah", panah);
    ikon.setAttribute("aria-hidden", "true");
    t.appendChild(ikon);
    t.appendChild(document.createTextNode(" " + kata));
    return t;
  }

  function tandaiUjung(ol) {
    const items = langkah(ol);
    items.forEach((li, i) => {
      const naik = li.querySelector("[data-kuis-geser=naik]");
      const turun = li.querySelector("[data-kuis-geser=turun]");
      if (naik) naik.setAttribute("aria-disabled", String(i === 0));
      if (turun) turun.setAttribute("aria-disabled", String(i === items.length - 1));
    });
  }

  function geser(fs, ol, tombol) {
    if (tombol.disabled) return;
    const li = tombol.closest("li");
    const items = langkah(ol);
    const dari = items.indexOf(li);
    const naik = tombol.getAttribute("data-kuis-geser") === "naik";
    const ke = naik ? dari - 1 : dari + 1;
    if (dari < 0) return;
    if (ke < 0 || ke >= items.length) {
      umumkan(fs, naik ? TEKS.sudahPertama : TEKS.sudahTerakhir);
      return;
    }
    ol.insertBefore(li, naik ? items[ke] : items[ke].nextSibling);
    tandaiUjung(ol);
    tombol.focus();  // moving the node dropped the focus; put it back on the same button
    sorot(li);
    umumkan(fs, TEKS.dipindah(ke + 1, items.length));
  }

  // Brief highlight of the moved step (CSS animates it only without prefers-reduced-motion).
  function sorot(li) {
    li.classList.remove("kuis-dipindah");
    void li.offsetWidth;  // restart the animation when the same step moves again
    li.classList.add("kuis-dipindah");
    li.addEventListener("animationend", () => li.classList.remove("kuis-dipindah"), { once: true });
  }

  function umumkan(fs, teks) {
    const umpan = fs.querySelector(".kuis-umpan");
    kosongkanIsi(umpan);
    umpan.appendChild(buat("p", "kuis-pesan", teks));
  }

  // The reader's current answer as saved in "jawab"; "" when nothing is chosen.
  function jawabanSekarang(fs) {
    if (fs.getAttribute("data-jenis") === "urutan") {
      return langkah(fs.querySelector(".kuis-urutan")).map((li) => li.getAttribute("data-nilai")).join(",");
    }
    return pilihan(fs).filter((i) => i.checked).map((i) => i.value).join(",");
  }

  function dinilai(fs, jawab) {
    const kunci = daftar(fs.getAttribute("data-benar"));
    const isian = daftar(jawab);
    if (fs.getAttribute("data-jenis") === "beberapa") {
      kunci.sort();
      isian.sort();
    }
    return kunci.length > 0 && kunci.join(",") === isian.join(",");
  }

  function periksa(fs) {
    const jawab = jawabanSekarang(fs);
    if (!jawab) {
      umumkan(fs, TEKS.kosong);
      return;
    }
    const benar = dinilai(fs, jawab);
    const qid = fs.getAttribute("data-soal");
    const data = baca();
    data.soal[qid] = { v: fs.getAttribute("data-versi") || "", benar: benar, jawab: jawab };
    tulis(data);
    tampilkanHasil(fs, benar);
    kabarkan({ soal: qid, benar: benar });
  }

  function tampilkanHasil(fs, benar) {
    const b = bagian(fs);
    fs.classList.toggle("kuis-benar", benar);
    fs.classList.toggle("kuis-salah", !benar);
    kunciPilihan(fs, true);
    aturTombol(b.tombol, "ulang", benar);
    if (b.kunci) b.kunci.hidden = false;

    kosongkanIsi(b.umpan);
    const vonis = buat("p", "kuis-vonis");
    const ikon = buat("span", "kuis-ikon", benar ? "\u2713" : "\u2717");
    ikon.setAttribute("aria-hidden", "true");
    vonis.appendChild(ikon);
    vonis.appendChild(document.createTextNode(" "));
    vonis.appendChild(buat("strong", null, benar ? TEKS.benar : TEKS.salah));
    b.umpan.appendChild(vonis);
    // Answer, explanation and reference: copies of the server-rendered <details> (less its summary).
    if (b.kunci) {
      Array.prototype.forEach.call(b.kunci.childNodes, (n) => {
        if (n.nodeName === "SUMMARY" || (n.nodeType === 3 && !n.textContent.trim())) return;
        if (n.nodeType !== 1 && n.nodeType !== 3) return;
        const salinan = n.cloneNode(true);
        if (salinan.nodeType === 1) {
          salinan.removeAttribute("id");
          semua(salinan, "[id]").forEach((x) => x.removeAttribute("id"));
        }
        b.umpan.appendChild(salinan);
      });
    }
  }

  function kunciPilihan(fs, terkunci) {
    fs.classList.toggle("kuis-terkunci", terkunci);
    pilihan(fs).forEach((i) => { i.disabled = terkunci; });
    semua(fs, "[data-kuis-geser]").forEach((t) => { t.disabled = terkunci; });
  }

  // "Coba lagi" / "Ulangi soal": choices open again; the saved answer stays until the next check.
  function bukaLagi(fs) {
    fs.classList.remove("kuis-benar", "kuis-salah");
    kunciPilihan(fs, false);
    aturTombol(bagian(fs).tombol, "periksa");
    umumkan(fs, TEKS.jawabLagi);
  }

  // Put back the saved answer (only one given to this version of the question) and its feedback.
  function pulihkan(fs, data) {
    const e = catatan(data, fs.getAttribute("data-soal"), fs.getAttribute("data-versi") || "");
    if (!e || !terapkan(fs, e.jawab)) return;
    tampilkanHasil(fs, e.benar);
  }

  function terapkan(fs, jawab) {
    const nilai = daftar(jawab);
    if (fs.getAttribute("data-jenis") === "urutan") {
      const ol = fs.querySelector(".kuis-urutan");
      const items = langkah(ol);
      const menurutNilai = {};
      items.forEach((li) => { menurutNilai[li.getAttribute("data-nilai")] = li; });
      const baru = nilai.map((v) => menurutNilai[v]).filter(Boolean);
      if (baru.length !== items.length || new Set(baru).size !== items.length) return false;
      baru.forEach((li) => ol.appendChild(li));
      tandaiUjung(ol);
      return true;
    }
    const inputs = pilihan(fs);
    if (nilai.length === 0 || !nilai.every((v) => inputs.some((i) => i.value === v))) return false;
    inputs.forEach((i) => { i.checked = nilai.indexOf(i.value) >= 0; });
    return true;
  }

  // After "Hapus progres saya": the question as the server sent it.
  function awalLagi(fs) {
    const b = bagian(fs);
    fs.classList.remove("kuis-benar", "kuis-salah");
    kunciPilihan(fs, false);
    aturTombol(b.tombol, "periksa");
    kosongkanIsi(b.umpan);
    if (b.kunci) b.kunci.hidden = true;
    pilihan(fs).forEach((i) => { i.checked = false; });
    const awal = urutanAwal.get(fs);
    if (awal && b.urutan) {
      awal.forEach((li) => b.urutan.appendChild(li));
      tandaiUjung(b.urutan);
    }
  }

  function perbaruiSkor(kuis, data) {
    const hasil = kuis.querySelector(".kuis-hasil");
    if (!hasil) return;
    const soal = semua(kuis, ".kuis-soal");
    let benar = 0;
    let dijawab = 0;
    soal.forEach((fs) => {
      const e = catatan(data, fs.getAttribute("data-soal"), fs.getAttribute("data-versi") || "");
      if (!e) return;
      dijawab += 1;
      if (e.benar) benar += 1;
    });
    let teks = "";
    if (dijawab > 0) {
      teks = TEKS.skor(benar, soal.length);
      if (benar === soal.length) teks += " " + TEKS.modulSelesai;
    }
    if (hasil.textContent !== teks) hasil.textContent = teks;  // unchanged text is not announced again
  }

  /* ---------- Progress widgets and completion panel ---------- */

  // data-soal="q1:a1b2c3d4 q2:9f8e7d6c": the module's questions and their current versions.
  function statusModul(li, data) {
    const soal = String(li.getAttribute("data-soal") || "").split(/\s+/).filter(Boolean);
    let benar = 0;
    let dijawab = 0;
    soal.forEach((s) => {
      const titik = s.lastIndexOf(":");
      const e = titik > 0 ? catatan(data, s.slice(0, titik), s.slice(titik + 1)) : catatan(data, s, null);
      if (!e) return;
      dijawab += 1;
      if (e.benar) benar += 1;
    });
    return { jumlah: soal.length, benar: benar, dijawab: dijawab, selesai: soal.length > 0 && benar === soal.length };
  }

  function ubahTeks(el, teks) {
    if (el && el.textContent !== teks) el.textContent = teks;
  }

  function perbaruiTahap(sec, data) {
    const modul = semua(sec, ".kuis-modul");
    let selesai = 0;
    modul.forEach((li) => {
      const s = statusModul(li, data);
      if (s.selesai) selesai += 1;
      li.classList.toggle("kuis-modul--selesai", s.selesai);
      ubahTeks(li.querySelector(".kuis-status"),
        s.selesai ? TEKS.selesai : s.dijawab > 0 ? TEKS.berjalan(s.benar, s.jumlah) : TEKS.belumMulai);
    });
    let ringkas = "";
    if (modul.length > 0) ringkas = selesai === modul.length ? TEKS.semuaSelesai : TEKS.ringkas(selesai, modul.length);
    ubahTeks(sec.querySelector(".kuis-ringkas"), ringkas);
  }

  function perbaruiSertifikat(sec, data) {
    const tahap = sec.getAttribute("data-tahap");
    const daftarTahap = semua(document, ".kuis-tahap").filter((t) => t.getAttribute("data-tahap") === tahap)[0];
    const modul = daftarTahap ? semua(daftarTahap, ".kuis-modul") : [];
    const tuntas = modul.length > 0 && modul.every((li) => statusModul(li, data).selesai);
    if (!tuntas) {
      sec.hidden = true;
      return;
    }
    ubahTeks(sec.querySelector(".kuis-sertifikat-tanggal"), tanggalHariIni());
    const ul = sec.querySelector(".kuis-sertifikat-modul");
    if (ul) {
      const judul = modul.map((li) => {
        const a = li.querySelector("a");
        return rapat(a ? a.textContent : li.getAttribute("data-modul"));
      });
      const ada = semua(ul, "li").map((x) => x.textContent);
      if (ada.join("\n") !== judul.join("\n")) {
        kosongkanIsi(ul);
        judul.forEach((j) => ul.appendChild(buat("li", null, j)));
      }
    }
    sec.hidden = false;
  }

  function tampilkanNama(data) {
    const nama = rapat(data.nama);
    semua(document, ".kuis-sertifikat-nama").forEach((el) => ubahTeks(el, nama));
  }

  function siapkanNama(input) {
    if (input.hasAttribute(SIAP)) return;
    input.setAttribute(SIAP, "");
    if (input.maxLength < 0 || input.maxLength > BATAS_NAMA) input.maxLength = BATAS_NAMA;
    const tersimpan = baca().nama;
    if (!input.value && tersimpan) input.value = tersimpan;
    input.addEventListener("input", () => {
      const data = baca();
      data.nama = input.value.slice(0, BATAS_NAMA);
      tulis(data);
      semua(document, ".kuis-nama").forEach((lain) => {
        if (lain !== input && lain.value !== input.value) lain.value = input.value;
      });
      tampilkanNama(data);
    });
  }

  function siapkanCetak(tombol) {
    if (tombol.hasAttribute(SIAP)) return;
    tombol.setAttribute(SIAP, "");
    tombol.addEventListener("click", () => {
      // kuis.css prints only the completion block while <html> has this class.
      document.documentElement.classList.add("kuis-mencetak");
      window.print();
    });
  }

  function selesaiCetak() {
    document.documentElement.classList.remove("kuis-mencetak");
  }

  function siapkanHapus(tombol) {
    if (tombol.hasAttribute(SIAP)) return;
    tombol.setAttribute(SIAP, "");
    tombol.addEventListener("click", () => {
      if (!window.confirm(TEKS.tanyaHapus)) return;
      hapusSemua();
      semua(document, ".kuis-soal[" + SIAP + "]").forEach(awalLagi);
      semua(document, ".kuis-nama").forEach((i) => { i.value = ""; });
      kabarkan({ hapus: true });
    });
  }

  // Bring every score, progress list and completion panel on the page up to date.
  function segarkan() {
    const data = baca();
    semua(document, ".kuis").forEach((k) => aman((x) => perbaruiSkor(x, data), k));
    semua(document, ".kuis-tahap").forEach((s) => aman((x) => perbaruiTahap(x, data), s));
    semua(document, ".kuis-sertifikat").forEach((s) => aman((x) => perbaruiSertifikat(x, data), s));
    aman(tampilkanNama, data);
  }

  function init() {
    semua(document, ".kuis .kuis-soal").forEach((fs) => aman(siapkanSoal, fs));
    semua(document, ".kuis-nama").forEach((i) => aman(siapkanNama, i));
    semua(document, ".kuis-cetak").forEach((t) => aman(siapkanCetak, t));
    semua(document, ".kuis-reset").forEach((t) => aman(siapkanHapus, t));
    segarkan();
  }

  // Listeners on document and window are added once for the life of the tab.
  document.addEventListener(PERISTIWA, segarkan);
  window.addEventListener("storage", (ev) => {
    if (ev.key === KUNCI_SIMPAN || ev.key === null) segarkan();  // another tab saved or cleared
  });
  window.addEventListener("afterprint", selesaiCetak);

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(() => init());  // Material: every page, including instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
