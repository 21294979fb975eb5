/* Buku Saku TKSK: self-check quizzes ("kuis"), progress lists, "Ulangi yang salah" and the stage
 * completion panel.
 *
 * Our own code, not a quiz library: it must run from the phone's offline copy under the site's strict
 * Content-Security-Policy (script-src 'self': no inline handlers, no HTML from strings, no style
 * writes), read the questions from the server-rendered page (which reads without it) and keep progress
 * on the phone only, in a few hundred lines for cheap phones. Plain ES2017, no dependencies, no
 * network: nodes are built with createElement/textContent or cloned from the rendered answer; state is
 * shown with classes and the hidden attribute (stylesheets/kuis.css).
 *
 * Without it each question shows its answer in <details class="kuis-kunci"> and the options keep their
 * written order. With it the <details> stays hidden until an answer is checked, and the options of
 * "satu", "beberapa" and "kasus" questions are shuffled for each attempt (answers are option values,
 * never positions; "urutan" steps keep their written, scrambled order).
 *
 * Mastery, as the pages state it (mastery_rule in macros/render/templates/_kuis.md.j2): an attempt
 * starts fresh on a page with no saved answer, after "Ulangi soal" (offered once mastered) or with
 * "Ulangi yang salah". Its first answer is checked before the key can be seen: right means "dikuasai".
 * A wrong answer unfolds the key; "Coba lagi" folds it and continues the attempt, so later answers in
 * it count as "dilatih", right or not. A reload is no new attempt. Only the latest answer counts; a
 * module is mastered when all its questions are, a stage (and its completion panel) when all its
 * modules are.
 *
 * Markup (rendered server-side; attribute values are read as plain text):
 *   .kuis[data-modul][data-tahap] > fieldset.kuis-soal[data-soal=QID][data-versi][data-jenis][data-benar]
 *       data-jenis "satu"/"kasus" (radios), "beberapa" (checkboxes), "urutan" (ol.kuis-urutan > li[data-nilai]);
 *       inside: .kuis-aksi[hidden] > button.kuis-periksa (shown once wired), .kuis-umpan (live region),
 *       details.kuis-kunci.
 *     .kuis also holds, all optional: .kuis-mode#ulangi[hidden] (.kuis-mode-teks, button.kuis-semua),
 *       .kuis-hasil (live region), .kuis-akhir (button.kuis-ulangi, .kuis-lanjut).
 *   section.kuis-tahap[data-tahap] > .kuis-daftar > li.kuis-modul[data-modul][data-soal="QID:VERSI ..."]
 *       > a + .kuis-status; p.kuis-ringkas. The "Ulangi yang salah" links are added here.
 *   section.kuis-sertifikat[data-tahap][hidden]: .kuis-nama, .kuis-sertifikat-nama/-tanggal/-modul, .kuis-cetak.
 *   button.kuis-reset.
 *   A module page opened at #ulangi shows only its missed questions.
 *
 * Storage, localStorage["buku-saku-tksk:kuis"]:
 *   {"versi": 2, "soal": {QID: {"v": VERSI, "benar": bool, "pertama": bool, "jawab": "..."}}, "nama": "..."}
 *   "pertama": the first answer of its attempt; mastered = benar && pertama. "jawab": the chosen value
 *   ("2"), the ticked values sorted ("1,3"), or data-nilai from top to bottom ("2,3,1"). An answer counts
 *   only while "v" equals the question's data-versi. Versi 1 (before mastery, no "pertama") is kept and
 *   counts as practised: nobody knows if the key had been read. A newer versi is never overwritten.
 *   Without storage (private mode, blocked, full) answers live in memory until the page is left.
 *
 * On module pages this file is loaded by kuis-muat.js once the quiz nears the screen (after the page has
 * loaded); elsewhere (stage, progress and Belajar pages) with the page.
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
  const VERSI_SIMPAN = 2;
  const SIAP = "data-kuis-siap";
  const PERISTIWA = "kuis:progres";
  const JANGKAR_ULANG = "#ulangi";
  const BATAS_NAMA = 100;
  const BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
    "September", "Oktober", "November", "Desember"];
  const JENIS = ["satu", "kasus", "beberapa", "urutan"];

  const TEKS = {
    benar: "Benar.",
    salah: "Belum tepat.",
    tandaBenar: "Jawaban benar",
    tandaPilihan: "Pilihan Anda",
    dikuasai: "Soal ini dikuasai: benar pada percobaan pertama.",
    dilatih: "Soal ini dihitung dilatih, belum dikuasai: ini bukan jawaban pertama Anda pada percobaan ini. " +
      "Jawab lagi nanti lewat Ulangi yang salah.",
    salahLanjut: "Buka Jawaban dan penjelasan di bawah untuk belajar dari kuncinya, atau tekan Coba lagi. " +
      "Jawaban berikutnya dihitung dilatih.",
    kosong: "Pilih paling sedikit satu jawaban.",
    periksa: "Periksa jawaban",
    cobaLagi: "Coba lagi",
    ulangi: "Ulangi soal",
    jawabLagi: "Silakan jawab lagi, lalu tekan Periksa jawaban.",
    baru: "Percobaan baru: urutan pilihan diacak. Jawab, lalu tekan Periksa jawaban.",
    baruUrutan: "Percobaan baru: langkah kembali ke urutan awal. Susun, lalu tekan Periksa jawaban.",
    naik: "Naikkan",
    turun: "Turunkan",
    labelNaik: "Naikkan langkah: ",
    labelTurun: "Turunkan langkah: ",
    sudahPertama: "Langkah ini sudah di urutan pertama.",
    sudahTerakhir: "Langkah ini sudah di urutan terakhir.",
    dipindah: (ke, dari) => "Langkah dipindah ke urutan " + ke + " dari " + dari + ".",
    skor: (s) => "Skor Anda: " + s.dikuasai + " dari " + s.jumlah + " soal dikuasai" +
      (s.dilatih ? ", " + s.dilatih + " dilatih" : "") +
      (s.belum && s.belum < s.jumlah ? ", " + s.belum + " belum dijawab" : "") + "." +
      (s.jumlah > 0 && s.dikuasai === s.jumlah ? " Modul dikuasai." : ""),
    ulangiSalah: (n) => "Ulangi yang salah (" + n + " soal)",
    ulangiTahap: (n) => "Ulangi yang salah di tahap ini (" + n + " soal)",
    labelUlangiModul: (n, judul) => "Ulangi yang salah: " + n + " soal di modul " + judul,
    mode: (n) => "Mengulang " + n + " soal yang belum dikuasai. Soal lain di modul ini disembunyikan; " +
      "pilihan jawaban diacak ulang.",
    tidakAdaUlang: "Tidak ada soal yang perlu diulang di modul ini.",
    lanjut: "Berikutnya, ulangi yang salah di modul: ",
    semuaSoal: "Tampilkan semua soal",
    status: { dikuasai: "Dikuasai", dilatih: "Dilatih", belum: "Belum dimulai" },
    statusModul: (s) => s.keadaan === "dilatih" ? "Dilatih: " + s.dikuasai + " dari " + s.jumlah + " soal dikuasai" :
      TEKS.status[s.keadaan],
    statusTahap: "Status tahap: ",
    ringkas: (t) => t.keadaan === "dikuasai" ? "Semua modul di tahap ini dikuasai." :
      t.dikuasai + " dari " + t.jumlah + " modul dikuasai" + (t.dilatih ? ", " + t.dilatih + " soal perlu diulang" : "") + ".",
    tanyaHapus: "Hapus semua progres belajar di ponsel ini?",
  };

  /* ---------- Storage ---------- */

  let memori = kosong();     // the last state read or written; the only copy once storage has failed
  let gudangGagal = false;   // localStorage threw once (private mode, blocked, quota) or holds a newer versi

  function kosong() {
    return { versi: VERSI_SIMPAN, soal: Object.create(null), nama: "" };
  }

  // Keep only well-formed entries: the stored text may be old, edited by hand or from another version.
  function rapikan(data) {
    const hasil = kosong();
    if (!data || typeof data !== "object" || (data.versi !== 1 && data.versi !== VERSI_SIMPAN)) return hasil;
    const lama = data.versi === 1;
    if (data.soal && typeof data.soal === "object") {
      Object.keys(data.soal).forEach((qid) => {
        const e = data.soal[qid];
        if (e && typeof e.v === "string" && typeof e.benar === "boolean" && typeof e.jawab === "string") {
          // Versi 1 never knew whether the key had been read: such answers count as practised.
          const pertama = !lama && e.pertama === true;
          hasil.soal[qid] = { v: e.v, benar: e.benar, pertama: pertama, jawab: e.jawab };
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
    if (data && typeof data === "object" && typeof data.versi === "number" && data.versi > VERSI_SIMPAN) {
      gudangGagal = true;  // written by a newer edition (another tab): never overwrite it with less
      memori = kosong();
      return memori;
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

  // "dikuasai" (latest answer right at the first try of its attempt), "dilatih" (answered otherwise), "belum".
  function keadaanSoal(e) {
    if (!e) return "belum";
    return e.benar && e.pertama ? "dikuasai" : "dilatih";
  }

  // Counts over questions given as [qid, version] pairs (version null: any).
  function hitung(pasangan, data) {
    const s = { jumlah: pasangan.length, dikuasai: 0, dilatih: 0, belum: 0 };
    pasangan.forEach((p) => { s[keadaanSoal(catatan(data, p[0], p[1]))] += 1; });
    s.keadaan = s.jumlah > 0 && s.dikuasai === s.jumlah ? "dikuasai" : s.belum < s.jumlah ? "dilatih" : "belum";
    return s;
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

  function ubahTeks(el, teks) {
    if (el && el.textContent !== teks) el.textContent = teks;
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

  // Focus an element that is not focusable by itself (a bar, a fieldset) without adding it to the tab order.
  function fokuskan(el) {
    if (!el) return;
    if (!el.hasAttribute("tabindex")) {
      el.setAttribute("tabindex", "-1");
      el.addEventListener("blur", () => el.removeAttribute("tabindex"), { once: true });
    }
    el.focus();
  }

  /* ---------- Questions ---------- */

  const urutanAwal = new WeakMap();  // fieldset -> its steps in the order the server sent them
  const pertamaKali = new WeakMap(); // fieldset -> the next check is the first answer of its attempt

  function bagian(fs) {
    return {
      jenis: fs.getAttribute("data-jenis"),
      tombol: fs.querySelector(".kuis-periksa"),
      umpan: fs.querySelector(".kuis-umpan"),
      kunci: fs.querySelector(".kuis-kunci"),
      urutan: fs.querySelector(".kuis-urutan"),
    };
  }

  function idSoal(fs) {
    return [fs.getAttribute("data-soal"), fs.getAttribute("data-versi") || ""];
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
    if (b.kunci) tutupKunci(b.kunci);
    const aksi = b.tombol.closest(".kuis-aksi");
    if (aksi) aksi.hidden = false; // rendered hidden: the button does nothing until wired here
    aturTombol(b.tombol, "periksa");
    b.tombol.addEventListener("click", () => {
      const mode = b.tombol.getAttribute("data-kuis-mode");
      if (mode === "coba") bukaLagi(fs);
      else if (mode === "ulang") mulaiBaru(fs, true);
      else periksa(fs);
    });
    acak(fs);  // every page view is a new order; a saved answer comes back by its values
    pertamaKali.set(fs, true);
    pulihkan(fs, baca());
  }

  function aturTombol(tombol, mode) {
    tombol.setAttribute("data-kuis-mode", mode);
    tombol.textContent = mode === "periksa" ? TEKS.periksa : mode === "ulang" ? TEKS.ulangi : TEKS.cobaLagi;
  }

  function tutupKunci(kunci) {
    kunci.open = false;
    kunci.hidden = true;
  }

  // A new order for the options of a choice question, never the one on screen (when there are two or more).
  function acak(fs) {
    const ul = fs.querySelector(".kuis-pilihan");
    if (!ul || fs.getAttribute("data-jenis") === "urutan") return;
    const items = Array.prototype.filter.call(ul.children, (li) => li.querySelector("input"));
    if (items.length < 2) return;
    const baru = items.slice();
    for (let i = baru.length - 1; i > 0; i -= 1) {
      const j = Math.floor(Math.random() * (i + 1));
      const t = baru[i];
      baru[i] = baru[j];
      baru[j] = t;
    }
    if (baru.every((li, i) => li === items[i])) baru.push(baru.shift());
    baru.forEach((li) => ul.appendChild(li));
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

  // The reader's current answer as saved in "jawab"; "" when nothing is chosen. Choices are their
  // values (the option's number as written), sorted: the order they are shown in plays no part.
  function jawabanSekarang(fs) {
    if (fs.getAttribute("data-jenis") === "urutan") {
      return langkah(fs.querySelector(".kuis-urutan")).map((li) => li.getAttribute("data-nilai")).join(",");
    }
    return pilihan(fs).filter((i) => i.checked).map((i) => i.value)
      .sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0)).join(",");
  }

  function dinilai(fs, jawab) {
    const kunci = daftar(fs.getAttribute("data-benar"));
    const isian = daftar(jawab);
    if (fs.getAttribute("data-jenis") !== "urutan") {
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
    const pertama = pertamaKali.get(fs) !== false;
    pertamaKali.set(fs, false);  // from now on the key can be seen: the rest of this attempt is practice
    const id = idSoal(fs);
    const data = baca();
    const e = { v: id[1], benar: benar, pertama: pertama, jawab: jawab };
    data.soal[id[0]] = e;
    tulis(data);
    tampilkanHasil(fs, e);
    kabarkan({ soal: id[0], benar: benar, keadaan: keadaanSoal(e) });
  }

  function tampilkanHasil(fs, e) {
    const b = bagian(fs);
    const keadaan = keadaanSoal(e);
    fs.classList.toggle("kuis-benar", e.benar);
    fs.classList.toggle("kuis-salah", !e.benar);
    fs.classList.toggle("kuis-dikuasai", keadaan === "dikuasai");
    fs.classList.toggle("kuis-dilatih", keadaan === "dilatih");
    kunciPilihan(fs, true);
    tandaiPilihan(fs, e.jawab);
    aturTombol(b.tombol, keadaan === "dikuasai" ? "ulang" : "coba");

    kosongkanIsi(b.umpan);
    const vonis = buat("p", "kuis-vonis");
    const ikon = buat("span", "kuis-ikon", e.benar ? "\u2713" : "\u2717");
    ikon.setAttribute("aria-hidden", "true");
    vonis.appendChild(ikon);
    vonis.appendChild(document.createTextNode(" "));
    vonis.appendChild(buat("strong", null, e.benar ? TEKS.benar : TEKS.salah));
    b.umpan.appendChild(vonis);
    if (!e.benar) {
      // The key stays folded: the reader chooses to read it, or to think again first.
      b.umpan.appendChild(buat("p", "kuis-pesan", TEKS.salahLanjut));
      if (b.kunci) {
        b.kunci.open = false;
        b.kunci.hidden = false;
      }
      return;
    }
    b.umpan.appendChild(buat("p", "kuis-pesan", keadaan === "dikuasai" ? TEKS.dikuasai : TEKS.dilatih));
    if (!b.kunci) return;
    tutupKunci(b.kunci);
    // Right: answer, explanation and reference shown at once, as copies of the server-rendered <details>.
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

  // After a check, each option says what it was, in words and in shape, not by colour alone (WCAG 1.4.1): the
  // right ones "✓ Jawaban benar" (solid border), a wrong chosen one "✗ Pilihan Anda" (dashed border), a right chosen
  // one both. The words are in the label, so a screen reader reads them with the option. `jawab`: the checked answer.
  function tandaiPilihan(fs, jawab) {
    if (fs.getAttribute("data-jenis") === "urutan") return;
    const kunci = daftar(fs.getAttribute("data-benar"));
    const dipilih = daftar(jawab);
    pilihan(fs).forEach((i) => {
      const label = i.closest("label");
      if (!label) return;
      const benar = kunci.indexOf(i.value) >= 0;
      const milik = dipilih.indexOf(i.value) >= 0;
      if (!benar && !milik) return;
      label.classList.add(benar ? "kuis-pilihan--benar" : "kuis-pilihan--keliru");
      const tanda = buat("span", "kuis-tanda");
      const ikon = buat("span", "kuis-tanda-ikon", benar ? "\u2713" : "\u2717");
      ikon.setAttribute("aria-hidden", "true");
      tanda.appendChild(ikon);
      const kata = benar ? (milik ? TEKS.tandaBenar + " \u00b7 " + TEKS.tandaPilihan : TEKS.tandaBenar) : TEKS.tandaPilihan;
      tanda.appendChild(document.createTextNode(" " + kata));
      // The option's text and its mark in one box beside the radio button: the mark goes under the text.
      let teks = label.querySelector(".kuis-pilihan-teks");
      if (!teks) {
        teks = buat("span", "kuis-pilihan-teks");
        Array.prototype.slice.call(label.childNodes).filter((n) => n !== i).forEach((n) => teks.appendChild(n));
        label.appendChild(teks);
      }
      teks.appendChild(tanda);
    });
  }

  function hapusTanda(fs) {
    semua(fs, ".kuis-tanda").forEach((t) => t.remove());
    semua(fs, ".kuis-pilihan--benar, .kuis-pilihan--keliru").forEach((l) => {
      l.classList.remove("kuis-pilihan--benar", "kuis-pilihan--keliru");
    });
  }

  function kunciPilihan(fs, terkunci) {
    fs.classList.toggle("kuis-terkunci", terkunci);
    pilihan(fs).forEach((i) => { i.disabled = terkunci; });
    semua(fs, "[data-kuis-geser]").forEach((t) => { t.disabled = terkunci; });
  }

  function lepasHasil(fs) {
    fs.classList.remove("kuis-benar", "kuis-salah", "kuis-dikuasai", "kuis-dilatih");
    hapusTanda(fs);
    kunciPilihan(fs, false);
    const b = bagian(fs);
    aturTombol(b.tombol, "periksa");
    if (b.kunci) tutupKunci(b.kunci);
  }

  // "Coba lagi": the same attempt goes on (its next answer is practice); the key closes, the choices
  // and their order stay for the reader to change. The saved answer stays until the next check.
  function bukaLagi(fs) {
    lepasHasil(fs);
    umumkan(fs, TEKS.jawabLagi);
  }

  // A fresh attempt: nothing chosen, options in a new order (steps back in their first order), and the
  // next answer may master the question. `kabar`: say so in the question's live region.
  function mulaiBaru(fs, kabar) {
    const b = bagian(fs);
    lepasHasil(fs);
    pilihan(fs).forEach((i) => { i.checked = false; });
    const awal = urutanAwal.get(fs);
    if (awal && b.urutan) {
      awal.forEach((li) => b.urutan.appendChild(li));
      tandaiUjung(b.urutan);
    }
    acak(fs);
    pertamaKali.set(fs, true);
    if (kabar) umumkan(fs, b.jenis === "urutan" ? TEKS.baruUrutan : TEKS.baru);
    else kosongkanIsi(b.umpan);
  }

  // Put back the saved answer (only one given to this version of the question) and its feedback.
  function pulihkan(fs, data) {
    const id = idSoal(fs);
    const e = catatan(data, id[0], id[1]);
    if (!e || !terapkan(fs, e.jawab)) return;
    pertamaKali.set(fs, false);  // its feedback (and for a wrong answer the key) is on screen again
    tampilkanHasil(fs, e);
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

  /* ---------- A module's quiz: score, "Ulangi yang salah" ---------- */

  function soalKuis(kuis) {
    return semua(kuis, ".kuis-soal[" + SIAP + "]");
  }

  function hitungKuis(kuis, data) {
    return hitung(soalKuis(kuis).map(idSoal), data);
  }

  function siapkanKuis(kuis) {
    if (kuis.hasAttribute(SIAP)) return;
    kuis.setAttribute(SIAP, "");
    const ulangi = kuis.querySelector(".kuis-ulangi");
    if (ulangi) {
      ulangi.setAttribute(SIAP, "");
      ulangi.addEventListener("click", () => mulaiUlang(kuis));
    }
    const tampil = kuis.querySelector(".kuis-semua");
    if (tampil) {
      tampil.setAttribute(SIAP, "");
      tampil.addEventListener("click", () => selesaiUlang(kuis));
    }
  }

  // "Ulangi yang salah": only the missed questions (answered, not mastered: "dilatih") stay on screen,
  // each as a fresh attempt. Questions never answered are not missed: they wait on the whole page.
  function mulaiUlang(kuis) {
    const data = baca();
    const soal = soalKuis(kuis);
    const sisa = soal.filter((fs) => {
      const id = idSoal(fs);
      return keadaanSoal(catatan(data, id[0], id[1])) === "dilatih";
    });
    const bar = kuis.querySelector(".kuis-mode");
    if (sisa.length === 0) {
      if (bar) {
        ubahTeks(bar.querySelector(".kuis-mode-teks"), TEKS.tidakAdaUlang);
        bar.hidden = false;
        kuis.classList.remove("kuis-mengulang");
        fokuskan(bar);
      }
      return;
    }
    kuis.classList.add("kuis-mengulang");
    soal.forEach((fs) => {
      const ulang = sisa.indexOf(fs) >= 0;
      fs.hidden = !ulang;
      if (ulang) mulaiBaru(fs, false);
    });
    if (bar) {
      ubahTeks(bar.querySelector(".kuis-mode-teks"), TEKS.mode(sisa.length));
      bar.hidden = false;
      const tampil = bar.querySelector(".kuis-semua");
      if (tampil) tampil.hidden = false;
      fokuskan(bar);
      if (bar.scrollIntoView) bar.scrollIntoView({ block: "start" });
    } else {
      fokuskan(sisa[0]);
    }
    segarkan();
  }

  function selesaiUlang(kuis) {
    kuis.classList.remove("kuis-mengulang");
    soalKuis(kuis).forEach((fs) => { fs.hidden = false; });
    const bar = kuis.querySelector(".kuis-mode");
    if (bar) bar.hidden = true;
    if (window.location.hash === JANGKAR_ULANG && window.history && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    fokuskan(soalKuis(kuis)[0]);
    segarkan();
  }

  function bukaDariAlamat() {
    if (window.location.hash !== JANGKAR_ULANG) return;
    semua(document, ".kuis[" + SIAP + "]").forEach((k) => aman(mulaiUlang, k));
  }

  function perbaruiKuis(kuis, data) {
    const s = hitungKuis(kuis, data);
    const hasil = kuis.querySelector(".kuis-hasil");
    // Unchanged text is not announced again.
    if (hasil) ubahTeks(hasil, s.belum === s.jumlah ? "" : TEKS.skor(s));
    const ulangi = kuis.querySelector(".kuis-ulangi");
    if (ulangi) {
      ubahTeks(ulangi, TEKS.ulangiSalah(s.dilatih));
      ulangi.hidden = s.dilatih === 0 || kuis.classList.contains("kuis-mengulang");
    }
    const lanjut = kuis.querySelector(".kuis-lanjut");
    if (lanjut) perbaruiLanjut(kuis, lanjut, data);
  }

  // While repeating: a link to the next module of the stage that has practised questions.
  function perbaruiLanjut(kuis, lanjut, data) {
    const modul = kuis.getAttribute("data-modul");
    const tahap = tahapDi(kuis.getAttribute("data-tahap"));
    const daftarModul = tahap ? semua(tahap, ".kuis-modul") : [];
    const ini = daftarModul.map((li) => li.getAttribute("data-modul")).indexOf(modul);
    const urut = daftarModul.slice(ini + 1).concat(daftarModul.slice(0, Math.max(ini, 0)));
    const berikut = urut.filter((li) => li.getAttribute("data-modul") !== modul && statusModul(li, data).dilatih > 0)[0];
    const a = berikut ? berikut.querySelector("a") : null;
    if (!kuis.classList.contains("kuis-mengulang") || !a) {
      lanjut.hidden = true;
      return;
    }
    const href = tautanUlang(a);
    const judul = rapat(a.textContent);
    const ada = lanjut.querySelector("a");
    if (!ada || ada.getAttribute("href") !== href || ada.textContent !== judul) {
      kosongkanIsi(lanjut);
      lanjut.appendChild(document.createTextNode(TEKS.lanjut));
      const baru = buat("a", null, judul);
      baru.href = href;
      lanjut.appendChild(baru);
    }
    lanjut.hidden = false;
  }

  // After "Hapus progres saya": the question as the server sent it, but for the order of its options.
  function awalLagi(fs) {
    mulaiBaru(fs, false);
  }

  /* ---------- Progress widgets and completion panel ---------- */

  function tahapDi(tahap) {
    return semua(document, ".kuis-tahap").filter((t) => t.getAttribute("data-tahap") === tahap)[0] || null;
  }

  // data-soal="q1:a1b2c3d4 q2:9f8e7d6c": the module's questions and their current versions.
  function statusModul(li, data) {
    const pasangan = String(li.getAttribute("data-soal") || "").split(/\s+/).filter(Boolean).map((s) => {
      const titik = s.lastIndexOf(":");
      return titik > 0 ? [s.slice(0, titik), s.slice(titik + 1)] : [s, null];
    });
    return hitung(pasangan, data);
  }

  function tautanUlang(a) {
    return String(a.getAttribute("href") || "").split("#")[0] + JANGKAR_ULANG;
  }

  // A module's "Ulangi yang salah (n)" link in a progress list, made when first needed (not for the
  // module on screen: its own button is just above the list).
  function perbaruiTautanModul(li, s) {
    let tautan = li.querySelector(".kuis-ulang-modul");
    const a = li.querySelector("a:not(.kuis-ulang-modul)");
    if (s.dilatih === 0 || !a || a.getAttribute("aria-current") === "page") {
      if (tautan) tautan.hidden = true;
      return;
    }
    if (!tautan) {
      tautan = buat("a", "kuis-ulang-modul");
      li.appendChild(tautan);
    }
    const href = tautanUlang(a);
    if (tautan.getAttribute("href") !== href) tautan.setAttribute("href", href);
    ubahTeks(tautan, TEKS.ulangiSalah(s.dilatih));
    const label = TEKS.labelUlangiModul(s.dilatih, rapat(a.textContent));
    if (tautan.getAttribute("aria-label") !== label) tautan.setAttribute("aria-label", label);
    tautan.hidden = false;
  }

  function perbaruiTahap(sec, data) {
    const modul = semua(sec, ".kuis-modul");
    const t = { jumlah: modul.length, dikuasai: 0, dilatih: 0, dimulai: 0 };
    let pertamaUlang = null;
    modul.forEach((li) => {
      const s = statusModul(li, data);
      if (s.keadaan === "dikuasai") t.dikuasai += 1;
      if (s.keadaan !== "belum") t.dimulai += 1;
      t.dilatih += s.dilatih;
      if (s.dilatih > 0 && !pertamaUlang) pertamaUlang = li;
      li.classList.toggle("kuis-modul--dikuasai", s.keadaan === "dikuasai");
      li.classList.toggle("kuis-modul--dilatih", s.keadaan === "dilatih");
      ubahTeks(li.querySelector(".kuis-status"), TEKS.statusModul(s));
      perbaruiTautanModul(li, s);
    });
    t.keadaan = t.jumlah > 0 && t.dikuasai === t.jumlah ? "dikuasai" : t.dimulai > 0 ? "dilatih" : "belum";
    sec.classList.toggle("kuis-tahap--dikuasai", t.keadaan === "dikuasai");
    sec.classList.toggle("kuis-tahap--dilatih", t.keadaan === "dilatih");
    sec.setAttribute("data-keadaan", t.keadaan);

    const ringkas = sec.querySelector(".kuis-ringkas");
    if (ringkas && modul.length > 0) {
      const kata = TEKS.status[t.keadaan];
      const sisa = t.keadaan === "belum" ? "." : ". " + TEKS.ringkas(t);
      if (ringkas.textContent !== TEKS.statusTahap + kata + sisa) {
        kosongkanIsi(ringkas);
        ringkas.appendChild(document.createTextNode(TEKS.statusTahap));
        ringkas.appendChild(buat("strong", "kuis-keadaan", kata));
        ringkas.appendChild(document.createTextNode(sisa));
      }
    }
    perbaruiTautanTahap(sec, pertamaUlang, t.dilatih);
  }

  // The stage's "Ulangi yang salah": to the first module with practised questions; from there each
  // module page links on to the next one (perbaruiLanjut).
  function perbaruiTautanTahap(sec, li, jumlah) {
    let wadah = sec.querySelector(".kuis-ulang-tahap");
    const a = li ? li.querySelector("a:not(.kuis-ulang-modul)") : null;
    if (!a) {
      if (wadah) wadah.hidden = true;
      return;
    }
    if (!wadah) {
      wadah = buat("p", "kuis-ulang-tahap");
      const tautan = buat("a", "md-button");
      wadah.appendChild(tautan);
      sec.appendChild(wadah);
    }
    const tautan = wadah.querySelector("a");
    const href = tautanUlang(a);
    if (tautan.getAttribute("href") !== href) tautan.setAttribute("href", href);
    ubahTeks(tautan, TEKS.ulangiTahap(jumlah));
    wadah.hidden = false;
  }

  function perbaruiSertifikat(sec, data) {
    const daftarTahap = tahapDi(sec.getAttribute("data-tahap"));
    const modul = daftarTahap ? semua(daftarTahap, ".kuis-modul") : [];
    const tuntas = modul.length > 0 && modul.every((li) => statusModul(li, data).keadaan === "dikuasai");
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
    semua(document, ".kuis").forEach((k) => aman((x) => perbaruiKuis(x, data), k));
    semua(document, ".kuis-tahap").forEach((s) => aman((x) => perbaruiTahap(x, data), s));
    semua(document, ".kuis-sertifikat").forEach((s) => aman((x) => perbaruiSertifikat(x, data), s));
    aman(tampilkanNama, data);
  }

  function init() {
    semua(document, ".kuis .kuis-soal").forEach((fs) => aman(siapkanSoal, fs));
    semua(document, ".kuis").forEach((k) => aman(siapkanKuis, k));
    semua(document, ".kuis-nama").forEach((i) => aman(siapkanNama, i));
    semua(document, ".kuis-cetak").forEach((t) => aman(siapkanCetak, t));
    semua(document, ".kuis-reset").forEach((t) => aman(siapkanHapus, t));
    segarkan();
    bukaDariAlamat();
  }

  // Listeners on document and window are added once for the life of the tab.
  document.addEventListener(PERISTIWA, segarkan);
  window.addEventListener("storage", (ev) => {
    if (ev.key === KUNCI_SIMPAN || ev.key === null) segarkan();  // another tab saved or cleared
  });
  window.addEventListener("hashchange", bukaDariAlamat);  // "Ulangi yang salah" linked from this same page
  window.addEventListener("afterprint", selesaiCetak);

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(() => init());  // Material: every page, including instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
