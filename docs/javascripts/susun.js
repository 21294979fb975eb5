/* Buku Saku TKSK: "Susun sesi sendiri" (rencana/susun/), a trainer's own session and its printed kit.
 *
 * Why our own code: no maintained piece fits. What is needed is small and particular: a form over the
 * handbook's own modules, agenda times in the Indonesian 08.00 style, a kit whose sheets match the written
 * plans' (same classes, same print CSS), the selection in the page address for WhatsApp, all offline and
 * under a strict Content-Security-Policy. A form or templating library would bring more code than this file
 * and still need all of it written around it.
 *
 * Plain ES2017 script, no dependencies, no network, no HTML parsing: nodes are built with
 * createElement/textContent, nothing is styled through element.style (classes and the hidden attribute only:
 * stylesheets/susun.css on screen, stylesheets/cetak.css on paper).
 *
 * What it reads (written at build time by macros/render/templates/bagian/rencana/susun.md.j2):
 *   script#susun-data (application/json, macros/render/composer.py): modules, the records they cite, the FAQs
 *     answered at earlier rakor, the fixed agenda items, defaults and bounds, and the two address starts
 *     ("akar": back to the site's root, for links on screen; "alamat": what printed addresses start with);
 *   form#susun-form: checkboxes name=modul and name=faq (div[data-faq] around each FAQ), ol#susun-urutan,
 *     #susun-tambah-istirahat, inputs #susun-judul/-mulai/-istirahat/-peserta, buttons #susun-cetak/-salin/
 *     -bagikan, #susun-tautan, #susun-ringkasan, #susun-status, #susun-pesan; and div#susun-kit, filled here.
 *
 * The address: #modul=a,b,-,c&faq=x,y&mulai=08.00&istirahat=15&peserta=25&judul=...
 *   modul: module ids in the session's order, "-" a break; faq: FAQ ids; judul: the session's title.
 *   Read on load and whenever it changes (the stage examples are plain links to such addresses); written back
 *   with history.replaceState on every change. What a shared link gets wrong (an id this edition does not
 *   have, a time that is no time) is said in #susun-pesan, in Indonesian, and left out.
 */
(function () {
  "use strict";

  const TANDA = typeof Symbol === "function" ? Symbol.for("buku-saku-tksk:susun") : "__bukuSakuSusun";
  if (window[TANDA]) return;
  window[TANDA] = true;

  const ISTIRAHAT = "-";
  const JAM = /^([01]\d|2[0-3])[.:]([0-5]\d)$/;
  const HURUF = "abcdefghijklmnopqrstuvwxyz";
  const BATAS_JUDUL = 120;
  const JUDUL_BAWAAN = "Sesi pelatihan TKSK";

  function init() {
    const sumber = document.getElementById("susun-data");
    const form = document.getElementById("susun-form");
    const kit = document.getElementById("susun-kit");
    if (!sumber || !form || !kit || form.hasAttribute("data-susun-siap")) return;
    let data;
    try {
      data = JSON.parse(sumber.textContent);
    } catch (error) {
      return;
    }
    form.setAttribute("data-susun-siap", "");
    form.hidden = false;
    new Penyusun(data, form, kit).mulai();
  }

  // ---------- small helpers ----------

  function buat(tag, kelas, isi) {
    const node = document.createElement(tag);
    if (kelas) node.className = kelas;
    tambah(node, isi);
    return node;
  }

  // A record that is one Dinsos's practice ("Praktik Dinsos Kabupaten Probolinggo, 2021", data.catatan[].cakupan)
  // keeps its label on paper, as on its page: the tag, then a space; nothing for a national record.
  function label(r) {
    return r.cakupan ? [buat("strong", "md-tag cakupan", r.cakupan), " "] : [];
  }

  function tambah(node, isi) {
    if (isi === undefined || isi === null) return node;
    (Array.isArray(isi) ? isi : [isi]).forEach((bagian) => {
      if (bagian === undefined || bagian === null || bagian === false) return;
      node.appendChild(typeof bagian === "string" || typeof bagian === "number" ? document.createTextNode(String(bagian)) : bagian);
    });
    return node;
  }

  function keMenit(jam) {
    const cocok = JAM.exec(jam);
    return cocok ? Number(cocok[1]) * 60 + Number(cocok[2]) : 0;
  }

  function jam(menit) {
    const dalamHari = ((menit % 1440) + 1440) % 1440;
    return `${String(Math.floor(dalamHari / 60)).padStart(2, "0")}.${String(dalamHari % 60).padStart(2, "0")}`;
  }

  // As trainers say a length, and as macros/types/rencana.py's minutes() does: "3 jam 30 menit".
  function lama(total) {
    const jamnya = Math.floor(total / 60);
    const sisa = total % 60;
    const bagian = [];
    if (jamnya) bagian.push(`${jamnya} jam`);
    if (sisa || !jamnya) bagian.push(`${sisa} menit`);
    return bagian.join(" ");
  }

  // FNV-1a: a fixed, shared order for the pre- and post-test, the same on every phone for the same questions.
  function sidik(teks) {
    let h = 0x811c9dc5;
    for (let i = 0; i < teks.length; i += 1) {
      h ^= teks.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
  }

  function urutkan(butir, awalan) {
    return butir.slice().sort((a, b) => sidik(awalan + a.soal.id) - sidik(awalan + b.soal.id) || a.nomor - b.nomor);
  }

  function bilangan(teks, batas) {
    if (!/^\d{1,4}$/.test(String(teks).trim())) return null;
    const nilai = Number(teks);
    return nilai >= batas[0] && nilai <= batas[1] ? nilai : null;
  }

  // ---------- the composer ----------

  function Penyusun(data, form, kit) {
    this.data = data;
    this.form = form;
    this.kit = kit;
    this.bawaan = {
      urutan: [], faq: [], judul: "",
      mulai: data.bawaan.mulai, istirahat: data.bawaan.istirahat, peserta: data.bawaan.peserta,
    };
    this.keadaan = this.salin(this.bawaan);
    this.unsur = {};
    ["pesan", "urutan", "urutan-kosong", "faq-kosong", "tambah-istirahat", "judul", "mulai", "istirahat", "peserta",
      "ringkasan", "cetak", "salin", "bagikan", "tautan", "status"].forEach((nama) => {
      this.unsur[nama] = document.getElementById(`susun-${nama}`);
    });
  }

  Penyusun.prototype.salin = function (keadaan) {
    return {
      urutan: keadaan.urutan.slice(), faq: keadaan.faq.slice(), judul: keadaan.judul,
      mulai: keadaan.mulai, istirahat: keadaan.istirahat, peserta: keadaan.peserta,
    };
  };

  Penyusun.prototype.mulai = function () {
    this.pasang();
    this.dariAlamat();
    window.addEventListener("hashchange", () => this.dariAlamat());
  };

  // The FAQs a selection may print: those of its modules, in the handbook's order.
  Penyusun.prototype.faqTerkait = function (urutan) {
    const terkait = {};
    urutan.forEach((id) => {
      if (id !== ISTIRAHAT) this.data.modul[id].faq.forEach((f) => { terkait[f] = true; });
    });
    return Object.keys(this.data.faq).filter((f) => terkait[f]);
  };

  Penyusun.prototype.modulDipilih = function () {
    return this.keadaan.urutan.filter((id) => id !== ISTIRAHAT);
  };

  // ---------- the address ----------

  Penyusun.prototype.baca = function (teks) {
    const hasil = this.salin(this.bawaan);
    const masalah = [];
    const faqDiminta = [];
    const tidakAda = [];
    teks.replace(/^#/, "").split("&").forEach((bagian) => {
      if (!bagian) return;
      const sama = bagian.indexOf("=");
      const kunci = sama < 0 ? bagian : bagian.slice(0, sama);
      let nilai = sama < 0 ? "" : bagian.slice(sama + 1);
      try {
        nilai = decodeURIComponent(nilai.replace(/\+/g, " "));
      } catch (error) {
        masalah.push(`Bagian tautan "${kunci}" tidak bisa dibaca, jadi dilewati.`);
        return;
      }
      if (kunci === "modul") {
        nilai.split(",").map((id) => id.trim()).filter(Boolean).forEach((id) => {
          if (id === ISTIRAHAT) hasil.urutan.push(ISTIRAHAT);
          else if (!Object.prototype.hasOwnProperty.call(this.data.modul, id)) tidakAda.push(id);
          else if (hasil.urutan.indexOf(id) < 0) hasil.urutan.push(id);
        });
      } else if (kunci === "faq") {
        nilai.split(",").map((id) => id.trim()).filter(Boolean).forEach((id) => faqDiminta.push(id));
      } else if (kunci === "mulai") {
        if (JAM.test(nilai)) hasil.mulai = nilai.replace(":", ".");
        else masalah.push(`Jam mulai "${nilai}" tidak dikenali (tulis JJ.MM, misalnya 08.00); dipakai ${hasil.mulai}.`);
      } else if (kunci === "istirahat" || kunci === "peserta") {
        const batas = this.data.batas[kunci];
        const angka = bilangan(nilai, batas);
        const nama = kunci === "istirahat" ? "Lama istirahat" : "Jumlah peserta";
        if (angka === null) masalah.push(`${nama} "${nilai}" harus angka ${batas[0]}–${batas[1]}; dipakai ${hasil[kunci]}.`);
        else hasil[kunci] = angka;
      } else if (kunci === "judul") {
        hasil.judul = nilai.slice(0, BATAS_JUDUL);
      } else {
        masalah.push(`Bagian tautan "${kunci}" tidak dikenali, jadi dilewati.`);
      }
    });
    if (tidakAda.length) {
      masalah.push(`Modul ${tidakAda.map((id) => `"${id}"`).join(", ")} tidak ada di buku saku edisi ini, jadi dilewati. ` +
        "Mungkin tautannya dari edisi lain atau terpotong saat disalin.");
    }
    const terkait = this.faqTerkait(hasil.urutan);
    const faqTidakAda = [];
    const faqLain = [];
    faqDiminta.forEach((id) => {
      if (!Object.prototype.hasOwnProperty.call(this.data.faq, id)) faqTidakAda.push(id);
      else if (terkait.indexOf(id) < 0) faqLain.push(id);
      else if (hasil.faq.indexOf(id) < 0) hasil.faq.push(id);
    });
    if (faqTidakAda.length) {
      masalah.push(`Tanya jawab ${faqTidakAda.map((id) => `"${id}"`).join(", ")} tidak ada di daftar tanya jawab rakor edisi ini, jadi dilewati.`);
    }
    if (faqLain.length) {
      masalah.push(`Tanya jawab ${faqLain.map((id) => `"${this.data.faq[id].pertanyaan}"`).join(", ")} tidak terkait dengan modul yang dipilih, jadi dilewati.`);
    }
    hasil.faq = terkait.filter((id) => hasil.faq.indexOf(id) >= 0);
    return { keadaan: hasil, masalah };
  };

  Penyusun.prototype.alamat = function (keadaan) {
    const k = keadaan || this.keadaan;
    const bagian = [];
    if (k.urutan.length) bagian.push(`modul=${k.urutan.join(",")}`);
    if (k.faq.length) bagian.push(`faq=${k.faq.join(",")}`);
    bagian.push(`mulai=${k.mulai}`, `istirahat=${k.istirahat}`, `peserta=${k.peserta}`);
    if (k.judul) bagian.push(`judul=${encodeURIComponent(k.judul)}`);
    return bagian.join("&");
  };

  Penyusun.prototype.kosong = function () {
    const k = this.keadaan;
    const b = this.bawaan;
    return !k.urutan.length && !k.faq.length && !k.judul && k.mulai === b.mulai && k.istirahat === b.istirahat && k.peserta === b.peserta;
  };

  // The address as read, then written back as understood: what was left out no longer travels with the link.
  Penyusun.prototype.dariAlamat = function () {
    const dibaca = this.baca(window.location.hash);
    this.keadaan = dibaca.keadaan;
    this.tampilkanMasalah(dibaca.masalah);
    this.ubah();
  };

  Penyusun.prototype.tautanPenuh = function () {
    const dasar = window.location.href.split("#")[0];
    return this.kosong() ? dasar : `${dasar}#${this.alamat()}`;
  };

  Penyusun.prototype.tampilkanMasalah = function (masalah) {
    const kotak = this.unsur.pesan;
    while (kotak.firstChild) kotak.removeChild(kotak.firstChild);
    kotak.hidden = !masalah.length;
    if (!masalah.length) return;
    tambah(kotak, buat("p", "susun-pesan-judul", "Tautan ini tidak bisa dipakai seluruhnya:"));
    tambah(kotak, buat("ul", "", masalah.map((teks) => buat("li", "", teks))));
  };

  // ---------- the form ----------

  Penyusun.prototype.pasang = function () {
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.form.addEventListener("change", (event) => {
      const kotak = event.target;
      if (kotak.name === "modul") {
        if (kotak.checked && this.keadaan.urutan.indexOf(kotak.value) < 0) this.keadaan.urutan.push(kotak.value);
        if (!kotak.checked) this.keadaan.urutan = this.keadaan.urutan.filter((id) => id !== kotak.value);
        this.rapikan();
        this.ubah();
      } else if (kotak.name === "faq") {
        const pilihan = this.keadaan.faq.filter((id) => id !== kotak.value);
        if (kotak.checked) pilihan.push(kotak.value);
        this.keadaan.faq = this.faqTerkait(this.keadaan.urutan).filter((id) => pilihan.indexOf(id) >= 0);
        this.ubah();
      }
    });
    this.unsur.urutan.addEventListener("click", (event) => {
      const tombol = event.target.closest ? event.target.closest("button[data-aksi]") : null;
      if (tombol) this.geser(Number(tombol.getAttribute("data-nomor")), tombol.getAttribute("data-aksi"));
    });
    this.unsur["tambah-istirahat"].addEventListener("click", () => {
      const urutan = this.keadaan.urutan;
      // A new break goes halfway through the modules; the trainer moves it from there.
      const modul = urutan.map((id, i) => [id, i]).filter((x) => x[0] !== ISTIRAHAT);
      const tempat = modul.length > 1 ? modul[Math.ceil(modul.length / 2)][1] : urutan.length;
      urutan.splice(tempat, 0, ISTIRAHAT);
      this.ubah();
      const baru = this.unsur.urutan.querySelector(`button[data-nomor="${tempat}"][data-aksi="naik"]`);
      if (baru) baru.focus();
    });
    this.unsur.judul.addEventListener("input", () => {
      this.keadaan.judul = this.unsur.judul.value.trim().slice(0, BATAS_JUDUL);
      this.ubah(true);
    });
    const bacaJam = () => {
      if (JAM.test(this.unsur.mulai.value) && this.unsur.mulai.value.replace(":", ".") !== this.keadaan.mulai) {
        this.keadaan.mulai = this.unsur.mulai.value.replace(":", ".");
        this.ubah(true);
      }
    };
    this.unsur.mulai.addEventListener("input", bacaJam);
    this.unsur.mulai.addEventListener("change", bacaJam);
    ["istirahat", "peserta"].forEach((nama) => {
      const isian = this.unsur[nama];
      const baca = (akhir) => {
        const angka = bilangan(isian.value, this.data.batas[nama]);
        if (angka !== null) {
          this.keadaan[nama] = angka;
          this.ubah(true);
        } else if (akhir) {
          isian.value = String(this.keadaan[nama]);  // back to the last good value once the trainer leaves the field
        }
      };
      isian.addEventListener("input", () => baca(false));
      isian.addEventListener("change", () => baca(true));
    });
    this.unsur.cetak.addEventListener("click", () => {
      if (!this.modulDipilih().length) {
        this.kabar("Pilih paling sedikit satu modul dulu.");
        return;
      }
      window.print();
    });
    this.unsur.salin.addEventListener("click", () => this.salinTautan());
    if (typeof navigator.share === "function") {
      this.unsur.bagikan.hidden = false;
      this.unsur.bagikan.addEventListener("click", () => {
        navigator.share({ title: this.judul(), url: this.tautanPenuh() }).catch(() => {});
      });
    }
  };

  Penyusun.prototype.kabar = function (teks) {
    this.unsur.status.textContent = teks;
  };

  Penyusun.prototype.salinTautan = function () {
    const tautan = this.tautanPenuh();
    const cadangan = () => {
      this.unsur.tautan.focus();
      this.unsur.tautan.select();
      let berhasil = false;
      try {
        berhasil = document.execCommand("copy");
      } catch (error) {
        berhasil = false;
      }
      this.kabar(berhasil ? "Tautan disalin. Tempelkan di WhatsApp atau pesan lain." : "Tautan sudah dipilih di kotak di atas: salin dari sana.");
    };
    if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
      navigator.clipboard.writeText(tautan).then(() => this.kabar("Tautan disalin. Tempelkan di WhatsApp atau pesan lain."), cadangan);
    } else {
      cadangan();
    }
  };

  // No break first, last or twice in a row once modules come and go.
  Penyusun.prototype.rapikan = function () {
    const urutan = [];
    this.keadaan.urutan.forEach((id) => {
      if (id === ISTIRAHAT && (!urutan.length || urutan[urutan.length - 1] === ISTIRAHAT)) return;
      urutan.push(id);
    });
    while (urutan.length && urutan[urutan.length - 1] === ISTIRAHAT) urutan.pop();
    this.keadaan.urutan = urutan;
    const terkait = this.faqTerkait(urutan);
    this.keadaan.faq = this.keadaan.faq.filter((id) => terkait.indexOf(id) >= 0);
  };

  Penyusun.prototype.geser = function (nomor, aksi) {
    const urutan = this.keadaan.urutan;
    if (nomor < 0 || nomor >= urutan.length) return;
    let fokus = nomor;
    if (aksi === "naik" && nomor > 0) {
      urutan.splice(nomor - 1, 0, urutan.splice(nomor, 1)[0]);
      fokus = nomor - 1;
    } else if (aksi === "turun" && nomor < urutan.length - 1) {
      urutan.splice(nomor + 1, 0, urutan.splice(nomor, 1)[0]);
      fokus = nomor + 1;
    } else if (aksi === "hapus") {
      urutan.splice(nomor, 1);
      this.keadaan.faq = this.faqTerkait(urutan).filter((id) => this.keadaan.faq.indexOf(id) >= 0);
    } else {
      return;
    }
    this.ubah();
    const tujuan = this.unsur.urutan.querySelector(`button[data-nomor="${fokus}"][data-aksi="${aksi}"]`) ||
      this.unsur.urutan.querySelector(`button[data-nomor="${Math.min(fokus, urutan.length - 1)}"]`) ||
      this.unsur["tambah-istirahat"];
    tujuan.focus();
  };

  Penyusun.prototype.ubah = function (sedangMengetik) {
    const dasar = window.location.pathname + window.location.search;
    window.history.replaceState(window.history.state, "", this.kosong() ? dasar : `${dasar}#${this.alamat()}`);
    this.perbarui(sedangMengetik);
  };

  Penyusun.prototype.perbarui = function (sedangMengetik) {
    const k = this.keadaan;
    const terkait = this.faqTerkait(k.urutan);
    this.form.querySelectorAll("input[name=modul]").forEach((kotak) => {
      kotak.checked = k.urutan.indexOf(kotak.value) >= 0;
    });
    this.form.querySelectorAll("[data-faq]").forEach((baris) => {
      const id = baris.getAttribute("data-faq");
      baris.hidden = terkait.indexOf(id) < 0;
      baris.querySelector("input").checked = k.faq.indexOf(id) >= 0;
    });
    this.unsur["faq-kosong"].hidden = terkait.length > 0;
    this.unsur["faq-kosong"].textContent = this.modulDipilih().length
      ? "Modul pilihan belum punya tanya jawab yang pernah dibahas di rakor."
      : "Pilih modul dulu; tanya jawab yang terkait muncul di sini.";
    if (!sedangMengetik) {
      this.unsur.judul.value = k.judul;
      this.unsur.istirahat.value = String(k.istirahat);
      this.unsur.peserta.value = String(k.peserta);
      this.unsur.mulai.value = k.mulai.replace(".", ":");
    }
    this.unsur.tautan.value = this.tautanPenuh();
    this.daftarUrutan();
    const agenda = this.agenda();
    const soal = this.soal().length;
    const modul = this.modulDipilih().length;
    this.unsur.ringkasan.textContent = modul
      ? `${modul} modul, ${soal} soal. Pukul ${k.mulai}–${jam(agenda.selesai)} (${lama(agenda.total)}), ${k.peserta} peserta.`
      : "Belum ada modul yang dipilih.";
    this.susunKit(agenda);
  };

  Penyusun.prototype.daftarUrutan = function () {
    const daftar = this.unsur.urutan;
    while (daftar.firstChild) daftar.removeChild(daftar.firstChild);
    const urutan = this.keadaan.urutan;
    this.unsur["urutan-kosong"].hidden = urutan.length > 0;
    this.unsur["tambah-istirahat"].disabled = this.modulDipilih().length < 2;
    urutan.forEach((id, nomor) => {
      const istirahat = id === ISTIRAHAT;
      const nama = istirahat ? "Istirahat" : this.data.modul[id].judul;
      const menit = istirahat ? this.keadaan.istirahat : this.data.modul[id].menit;
      const tombol = (aksi, tanda, kata, mati) => {
        const b = buat("button", `md-button susun-geser susun-${aksi}`, buat("span", "", tanda));
        b.type = "button";
        b.setAttribute("data-aksi", aksi);
        b.setAttribute("data-nomor", String(nomor));
        b.setAttribute("aria-label", `${kata}: ${nama}`);
        b.firstChild.setAttribute("aria-hidden", "true");
        b.disabled = mati;
        return b;
      };
      daftar.appendChild(buat("li", istirahat ? "susun-butir susun-butir-istirahat" : "susun-butir", [
        buat("span", "susun-butir-nama", [nama, " ", buat("span", "susun-info", `${menit} menit`)]),
        buat("span", "susun-butir-tombol", [
          tombol("naik", "▲", "Naikkan", nomor === 0),
          tombol("turun", "▼", "Turunkan", nomor === urutan.length - 1),
          tombol("hapus", "✕", istirahat ? "Hapus" : "Keluarkan dari sesi", false),
        ]),
      ]));
    });
  };

  // ---------- the session: agenda and questions ----------

  Penyusun.prototype.soal = function () {
    const butir = [];
    this.modulDipilih().forEach((id) => {
      this.data.modul[id].soal.forEach((soal) => butir.push({ soal, modul: id, nomor: butir.length + 1 }));
    });
    return butir;
  };

  Penyusun.prototype.agenda = function () {
    const d = this.data;
    const k = this.keadaan;
    const jumlahSoal = this.soal().length;
    const menitUji = jumlahSoal * d.agenda.menit_per_soal;
    const baris = [{ kegiatan: d.agenda.pembukaan[0], menit: d.agenda.pembukaan[1] }];
    baris.push({ kegiatan: "Pre-test", menit: menitUji, catatan: `Lembar pre-test, ${jumlahSoal} soal. Jangan bahas jawabannya dulu.` });
    let dariSoal = 1;
    k.urutan.forEach((id) => {
      if (id === ISTIRAHAT) {
        if (k.istirahat > 0) baris.push({ kegiatan: "Istirahat", menit: k.istirahat });
        return;
      }
      const m = d.modul[id];
      const sampai = dariSoal + m.soal.length - 1;
      baris.push({ kegiatan: `Modul: ${m.judul}`, menit: m.menit, modul: id,
        catatan: `Baca bacaan modul, lalu kerjakan lembar soal nomor ${dariSoal}–${sampai}.` });
      dariSoal = sampai + 1;
    });
    baris.push({ kegiatan: "Post-test", menit: menitUji, catatan: "Lembar post-test: soal yang sama dengan urutan lain. Lalu bahas kunci jawaban." });
    baris.push({ kegiatan: d.agenda.penutupan[0], menit: d.agenda.penutupan[1] });
    let menit = keMenit(k.mulai);
    const awal = menit;
    baris.forEach((b) => {
      b.dari = menit;
      menit += b.menit;
      b.sampai = menit;
    });
    return { baris, total: menit - awal, selesai: menit };
  };

  Penyusun.prototype.judul = function () {
    return this.keadaan.judul || JUDUL_BAWAAN;
  };

  // ---------- the kit ----------

  // A link that prints its address on paper (a[data-alamat], stylesheets/cetak.css), as the written kits' do.
  Penyusun.prototype.tautan = function (url, teks) {
    const a = buat("a", "", teks);
    a.href = this.data.akar + url;
    a.setAttribute("data-alamat", this.data.alamat + url);
    return a;
  };

  Penyusun.prototype.susunKit = function (agenda) {
    const kit = this.kit;
    while (kit.firstChild) kit.removeChild(kit.firstChild);
    if (!this.modulDipilih().length) {
      kit.appendChild(buat("p", "susun-kit-kosong", "Pilih paling sedikit satu modul; perangkatnya muncul di sini."));
      return;
    }
    const butir = this.soal();
    const pre = urutkan(butir, "pre:");
    let post = urutkan(butir, "post:");
    if (post.length > 1 && post.every((b, i) => b === pre[i])) post = post.slice().reverse();
    pre.forEach((b, i) => { b.pre = i + 1; });
    post.forEach((b, i) => { b.post = i + 1; });
    [
      this.bagianAgenda(agenda),
      this.bagianBahan(),
      this.bagianSoal("Lembar soal", "kit-soal", butir, true,
        "Kerjakan soal setiap modul setelah membaca bacaannya."),
      this.bagianKunci(butir, pre, post),
      this.bagianSoal("Pre-test", "kit-soal kit-pre-test", pre, false,
        "Kerjakan sebelum sesi dimulai. Jawab sebisa Anda; tidak apa-apa bila belum tahu."),
      this.bagianSoal("Post-test", "kit-soal kit-post-test", post, false,
        "Kerjakan di akhir sesi. Soalnya sama dengan pre-test, urutannya berbeda."),
      this.bagianRekap(butir),
      this.bagianHadir(),
    ].forEach((bagian) => kit.appendChild(bagian));
  };

  Penyusun.prototype.bagianAgenda = function (agenda) {
    const k = this.keadaan;
    const tabel = buat("table", "", [
      buat("thead", "", buat("tr", "", [buat("th", "kit-kolom-waktu", "Waktu"), buat("th", "", "Kegiatan"), buat("th", "kit-kolom-angka", "Menit")])),
      buat("tbody", "", agenda.baris.map((b) => buat("tr", "", [
        buat("td", "", `${jam(b.dari)}–${jam(b.sampai)}`),
        buat("td", "", [
          buat("strong", "", b.modul ? ["Modul: ", this.tautan(this.data.modul[b.modul].url, this.data.modul[b.modul].judul)] : b.kegiatan),
          b.catatan ? [buat("br"), buat("em", "", b.catatan)] : null,
        ].reduce((semua, x) => semua.concat(x), [])),
        buat("td", "kit-kolom-angka", String(b.menit)),
      ]))),
      buat("tfoot", "", buat("tr", "", [buat("td", "", ""), buat("td", "", buat("strong", "", "Jumlah")),
        buat("td", "kit-kolom-angka", buat("strong", "", String(agenda.total)))])),
    ]);
    return buat("section", "kit-agenda susun-agenda", [
      buat("h2", "kit-judul", this.judul()),
      buat("ul", "", [
        buat("li", "", [buat("strong", "", "Tanggal:"), " ______________________ ", buat("strong", "", "Tempat:"), " ______________________"]),
        buat("li", "", [buat("strong", "", "Lama:"), ` ${lama(agenda.total)}, pukul ${k.mulai}–${jam(agenda.selesai)}`]),
        buat("li", "", [buat("strong", "", "Peserta:"), ` ${k.peserta} orang`]),
        buat("li", "", [buat("strong", "", "Modul:"), ` ${this.modulDipilih().length} modul, ${this.soal().length} soal`]),
      ]),
      buat("h3", "", "Agenda"),
      buat("div", "kit-tabel", tabel),
      buat("p", "kit-asal", [
        "Disusun di Buku Saku TKSK, Untuk Pelatih › Susun sesi sendiri. Buka lagi susunan ini: ",
        this.tautan(`rencana/susun/#${this.alamat()}`, "tautan sesi ini"),
      ]),
    ]);
  };

  Penyusun.prototype.bagianBahan = function () {
    const d = this.data;
    const isi = [buat("h2", "", "Bahan peserta"), buat("p", "", this.judul())];
    this.modulDipilih().forEach((id, i) => {
      const m = d.modul[id];
      isi.push(buat("h3", "", `${i + 1}. ${m.judul}`));
      isi.push(buat("p", "", [buat("strong", "", "Tujuan."), " Setelah modul ini, peserta dapat:"]));
      isi.push(buat("ul", "", m.tujuan.map((t) => buat("li", "", t))));
      isi.push(buat("p", "", [buat("strong", "", "Bacaan dan intinya."), " Baca lengkap di ", this.tautan(m.url, "halaman modul"), "."]));
      isi.push(buat("ul", "kit-bacaan", m.bacaan.map((ref) => {
        const r = d.catatan[ref];
        return buat("li", "", [buat("strong", "", this.tautan(r.url, r.judul)), ` (${r.jenis}). `, ...label(r), r.inti]);
      })));
    });
    if (this.keadaan.faq.length) {
      isi.push(buat("h3", "", "Sudah dibahas di rakor sebelumnya"));
      isi.push(buat("p", "", "Tanya jawab ini menyangkut bahan yang sama dan temanya pernah dibahas di rakor. Pakai sebagai bahan jawaban bila pertanyaan serupa muncul."));
      isi.push(buat("ul", "kit-bacaan", this.keadaan.faq.map((id) => {
        const f = d.faq[id];
        return buat("li", "", [buat("strong", "", this.tautan(f.url, f.pertanyaan)), buat("br"), f.jawaban, buat("br"),
          buat("em", "", "Dibahas di:"), " ", this.tautan(f.rakor.url, f.rakor.judul)]);
      })));
    }
    return buat("section", "kit-halaman kit-bahan", isi);
  };

  Penyusun.prototype.soalButir = function (b, nomor) {
    const s = b.soal;
    return buat("li", "kit-butir-soal", [
      buat("p", "", [
        `${nomor}. `,
        s.situasi ? [buat("em", "", s.situasi), " "] : null,
        s.teks, " ", buat("span", "kit-petunjuk", `(${s.petunjuk})`),
      ].reduce((semua, x) => semua.concat(x), [])),
      buat("ul", "kit-pilihan", s.pilihan.map((pilihan, i) => buat("li", "", [
        buat("span", "kit-kotak", "☐"), ` ${HURUF[i]}. ${pilihan}`,
      ]))),
    ]);
  };

  Penyusun.prototype.bagianSoal = function (judul, kelas, butir, perModul, petunjuk) {
    const isi = [
      buat("h2", "", judul),
      buat("p", "", this.judul()),
      buat("p", "", "Nama: ______________________ Kecamatan: ______________________"),
      buat("p", "kit-petunjuk-lembar", `${petunjuk} Beri tanda centang di kotak jawaban yang Anda pilih. ` +
        "Untuk soal urutan, tulis nomor urut (1, 2, 3, ...) di kotak setiap langkah."),
    ];
    let modul = null;
    let daftar = null;
    butir.forEach((b, i) => {
      if (!daftar || (perModul && b.modul !== modul)) {
        if (perModul) isi.push(buat("h3", "", this.data.modul[b.modul].judul));
        daftar = buat("ol", "kit-daftar-soal");
        isi.push(daftar);
        modul = b.modul;
      }
      daftar.appendChild(this.soalButir(b, perModul ? b.nomor : i + 1));
    });
    return buat("section", `kit-halaman ${kelas}`, isi);
  };

  // The quick key: the right letters ("a, c"); for an ordering question the number each step's box should hold
  // ("a=3, b=1, c=2"), as the participant writes it.
  function jawabanHuruf(s) {
    if (s.jenis === "urutan") return s.pilihan.map((_, i) => `${HURUF[i]}=${s.jawaban.indexOf(i) + 1}`).join(", ");
    return s.jawaban.slice().sort((a, b) => a - b).map((i) => HURUF[i]).join(", ");
  }

  Penyusun.prototype.bagianKunci = function (butir, pre, post) {
    const cepat = buat("table", "", [
      buat("thead", "", buat("tr", "", [buat("th", "kit-kolom-angka", "No."), buat("th", "", "Lembar soal"),
        buat("th", "", "Pre-test"), buat("th", "", "Post-test")])),
      buat("tbody", "", butir.map((b, i) => buat("tr", "", [
        buat("td", "kit-kolom-angka", String(i + 1)),
        buat("td", "", jawabanHuruf(butir[i].soal)),
        buat("td", "", jawabanHuruf(pre[i].soal)),
        buat("td", "", jawabanHuruf(post[i].soal)),
      ]))),
    ]);
    const rinci = buat("ol", "kit-daftar-kunci", butir.map((b) => {
      const s = b.soal;
      const urut = s.jenis === "urutan" ? s.jawaban : s.jawaban.slice().sort((a, b) => a - b);
      const jawaban = urut.map((i) => `${HURUF[i]}. ${s.pilihan[i]}`).join(s.jenis === "urutan" ? " → " : "; ");
      const r = this.data.catatan[s.rujukan];
      return buat("li", "", [
        buat("p", "", [`${b.nomor}. `, buat("strong", "", jawaban), " ", buat("span", "kit-petunjuk", `(pre-test ${b.pre}, post-test ${b.post})`)]),
        buat("p", "", [s.penjelasan, " ", ...label(r), buat("em", "", "Rujukan:"), " ", this.tautan(r.url, r.judul)]),
      ]);
    }));
    return buat("section", "kit-halaman kit-kunci", [
      buat("h2", "", "Kunci jawaban"),
      buat("p", "", `Untuk pelatih. ${this.judul()}.`),
      buat("h3", "", "Kunci cepat"),
      buat("p", "", "Huruf jawaban benar menurut nomor soal di setiap lembar. Soal urutan: nomor urut yang benar di kotak setiap langkah."),
      buat("div", "kit-tabel", cepat),
      buat("h3", "", "Jawaban dan penjelasan"),
      buat("p", "", "Menurut nomor lembar soal; nomornya di pre-test dan post-test ada di dalam kurung."),
      rinci,
    ]);
  };

  Penyusun.prototype.bagianRekap = function (butir) {
    const n = butir.length;
    const baris = [];
    for (let i = 1; i <= this.keadaan.peserta; i += 1) {
      baris.push(buat("tr", "", [buat("td", "kit-kolom-angka", String(i)), buat("td"), buat("td"), buat("td"), buat("td")]));
    }
    const peserta = buat("table", "", [
      buat("thead", "", buat("tr", "", [buat("th", "kit-kolom-angka", "No."), buat("th", "kit-kolom-nama", "Nama"),
        buat("th", "", `Pre-test (benar dari ${n})`), buat("th", "", `Post-test (benar dari ${n})`), buat("th", "", "Selisih")])),
      buat("tbody", "", baris),
    ]);
    const perSoal = buat("table", "", [
      buat("thead", "", buat("tr", "", [buat("th", "kit-kolom-nomor", "Lembar soal"), buat("th", "", "No. pre-test"),
        buat("th", "", "No. post-test"), buat("th", "", "Benar di pre-test"), buat("th", "", "Benar di post-test")])),
      buat("tbody", "", butir.map((b) => buat("tr", "", [buat("td", "kit-kolom-angka", String(b.nomor)),
        buat("td", "", String(b.pre)), buat("td", "", String(b.post)), buat("td"), buat("td")]))),
    ]);
    return buat("section", "kit-halaman kit-rekap", [
      buat("h2", "", "Rekap nilai"),
      buat("p", "", `Untuk pelatih. ${this.judul()}. Tulis jumlah jawaban benar setiap peserta di pre-test dan post-test, dan selisihnya.`),
      buat("div", "kit-tabel", peserta),
      buat("h3", "", "Rekap per soal"),
      buat("p", "", "Tulis berapa peserta yang menjawab benar setiap soal (boleh dengan turus). Soal yang sedikit benarnya di post-test perlu dibahas lagi."),
      buat("div", "kit-tabel", perSoal),
    ]);
  };

  Penyusun.prototype.bagianHadir = function () {
    const baris = [];
    for (let i = 1; i <= this.keadaan.peserta; i += 1) {
      baris.push(buat("tr", "", [buat("td", "kit-kolom-angka", String(i)), buat("td"), buat("td"), buat("td")]));
    }
    return buat("section", "kit-halaman kit-hadir", [
      buat("h2", "", "Daftar hadir"),
      buat("p", "", this.judul()),
      buat("p", "", "Tanggal: ______________________ Tempat: ______________________"),
      buat("div", "kit-tabel", buat("table", "", [
        buat("thead", "", buat("tr", "", [buat("th", "kit-kolom-angka", "No."), buat("th", "kit-kolom-nama", "Nama"),
          buat("th", "", "Kecamatan"), buat("th", "", "Tanda tangan")])),
        buat("tbody", "", baris),
      ])),
    ]);
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
