/* Buku Saku TKSK: search ("cari") with Pagefind, in Material's search panel.
 *
 * Why hand-written: Material's search (lunr) has no Indonesian stemmer and downloads its whole index
 * on every first visit; Pagefind stems Indonesian and loads its index in small fragments. Pagefind's
 * own UI (pagefind-ui.js, 120 KB) looks nothing like Material and loads on every page, so this script
 * drives Pagefind's JS API (pagefind/pagefind.js, written by macros/outputs/search.py) from Material's own
 * markup (overrides/partials/search.html) and keeps Material's habits:
 *   - the header button and the "/", "s" and "f" keys open the panel (#__search toggle); Escape
 *     closes it; arrow keys move through the results;
 *   - results show the page title, its type (as a Material tag), the label of a record that is one Dinsos's
 *     practice (a second tag, Pagefind meta "cakupan") and an excerpt with the words marked;
 *   - the opened page marks the words that matched (Material's search.highlight used ?h= too), here
 *     the page's own words (a search for "dipetakan" marks "pemetaan").
 * Nothing loads until the reader opens search: then this file (every page loads only cari-muat.js, which fetches it
 * when the reader opens search or comes from a result, and hands over what was typed meanwhile), pagefind.js, its
 * wasm and the index fragments the
 * words need, plus pagefind/kata-cari.json (macros/outputs/search.py): the glossary's names (acronym, long form
 * and aliases of each entry, with its page), the search-aid list (data/kata-cari.yml: everyday words and the
 * handbook words they lead to, question words to leave out) and the pages that are not records.
 *
 * What Pagefind does not do, and this script does (Pagefind has no synonyms, no stop words and returns only pages
 * holding every word):
 *   - the query is read as units: glossary names and everyday phrases first, longest first ("tidak terdaftar",
 *     "keluarga penerima manfaat"), then single words; question words ("saya", "apa", "bagaimana") are left out
 *     unless nothing else is left;
 *   - it is searched as typed and with one unit at a time replaced by each of its other names ("bpnt" for
 *     "bantuan pangan non tunai"), handbook words ("verval" for "dicoret") or, for a number, its other way of
 *     being written ("3" and "03"). The lists are merged by each page's best score relative to the best page of
 *     its list, plus a quarter of its relative scores in the other lists (a page several names find beats one
 *     that one name finds); a page found by the reader's own word ranks above one found only by another name,
 *     except that handbook words rank as the reader's own (an everyday word the handbook does not use finds
 *     only stray pages);
 *   - when no page holds every unit, each unit is searched alone and pages holding most units come first,
 *     labelled "Hasil untuk sebagian kata: …" with the units the first result holds; so no screen is empty
 *     while some word matches;
 *   - a query naming a rule by kind, number and year ("permensos 3 2013") shows that rule's page first, a query
 *     that is exactly one glossary name shows the entry's own page first (the acronym's page), and
 *     pages that are not records (lists, letters, section indexes) come after every record: Pagefind's weight
 *     (data-pagefind-weight, set at build time) lowers their scores but cannot promise that order;
 *   - the excerpt is cut from the page's text (Pagefind's data.content and data.locations) to start at the
 *     sentence holding the words, not mid-sentence as Pagefind's own excerpt does.
 *
 * Plain script in the site's dialect (ES2017 with import() and Unicode regular expressions; eslint.config.mjs
 * says why), no inline code, no HTML parsing (text goes in with textContent), nothing from another host: it
 * runs under a strict Content-Security-Policy. Its colours and tap areas are in stylesheets/extra.css.
 * window.bukuSakuCari(query) returns the result list the panel shows (tests/outputs/test_search.py runs the query
 * set through it), and every list shown fires "cari:hasil" on document (bench/search.py times keystroke to
 * results with it).
 */
(function () {
  "use strict";

  const MAX_RESULTS = 10;
  const FIRST_SHOWN = 5; // what a 360 x 740 screen holds (extra.css keeps results compact); the rest follows
  const MAX_VARIANTS = 8;
  const VARIANT_WEIGHT = 0.9; // a page found by the reader's own words ranks above one found only by another name
  const ALSO_WEIGHT = 0.25; // what a page's scores for a unit's other names add to its best one
  const WHOLE_WEIGHT = 0.5; // a page holding the whole query gains half the most a page can score by its units
  const HIGHLIGHT_WORDS = 8;
  const EXCERPT_WORDS = 24;
  const SENTENCE_BACK = 16; // how far back from the matched words an excerpt may start, to start at their sentence

  const config = JSON.parse(document.getElementById("__config").textContent);
  const root = new URL(config.base.replace(/\/?$/, "/"), location.href); // the site root, also inside a mike edition
  let engine = null; // Promise of {pagefind, groups, phrases, longest, stop, lists}

  /* kata-cari.json as lookups: every name or everyday phrase with what it leads to. */
  function aid(found) {
    const groups = found.glosarium || [];
    const phrases = new Map();
    groups.forEach((entry) => entry.nama.forEach((name) => {
      phrases.set(name, { alts: entry.nama.filter((other) => other !== name), padanan: false });
    }));
    (found.padanan || []).forEach((entry) => entry.kata.forEach((word) => {
      phrases.set(word, { alts: entry.arah, padanan: true });
    }));
    const longest = Math.max(1, ...[...phrases.keys()].map((p) => p.split(" ").length));
    return {
      groups, phrases, longest, stop: new Set(found.abaikan || []), lists: new Set(found.daftar || []), total: found.halaman || 1,
      rules: found.regulasi || [],
    };
  }

  function load() {
    if (!engine) {
      engine = Promise.all([
        import(new URL("pagefind/pagefind.js", root).href),
        fetch(new URL("pagefind/kata-cari.json", root)).then((r) => (r.ok ? r.json() : {})),
      ]).then(([pagefind, found]) => pagefind.options({ baseUrl: root.pathname, excerptLength: EXCERPT_WORDS })
        .then(() => pagefind.init())
        .then(() => Object.assign({ pagefind }, aid(found))));
      engine.catch(() => { engine = null; }); // offline before the first visit: try again next time
    }
    return engine;
  }

  /* The query as the glossary phrases are written in kata-cari.json (macros/types/glosarium.py: normalise). */
  function normalise(text) {
    return text.toLowerCase().replace(/\([^)]*\)/g, " ").replace(/[,;:/?!.\u2013\u2014]/g, " ").split(/\s+/).filter(Boolean).join(" ");
  }

  /* A regulation's number written the other way: "3" is also "03" (Permensos 03/2013), "03" is also "3". */
  function numberForms(word) {
    if (/^\d$/.test(word)) return [`0${word}`];
    return /^0+\d+$/.test(word) ? [word.replace(/^0+(?=\d)/, "")] : [];
  }

  /* The query's units: the longest known phrase at each place, else one word; question words left out. */
  function units(query, e) {
    const words = normalise(query).split(" ").filter(Boolean);
    const found = [];
    for (let i = 0; i < words.length;) {
      let unit = null;
      for (let n = Math.min(e.longest, words.length - i); n >= 1 && !unit; n--) {
        const phrase = words.slice(i, i + n).join(" ");
        if (e.phrases.has(phrase)) unit = Object.assign({ text: phrase, size: n }, e.phrases.get(phrase));
      }
      unit = unit || { text: words[i], alts: numberForms(words[i]), same: true, padanan: false, size: 1, stop: e.stop.has(words[i]) };
      found.push(unit);
      i += unit.size;
    }
    const kept = found.filter((u) => !u.stop);
    return { all: found, kept: kept.length ? kept : found };
  }

  /* The queries to run for some units, each with its weight: as typed, then one unit replaced by each other name. */
  function queries(us, whole) {
    const typed = us.map((u) => u.text);
    const own = us.some((u) => u.padanan) ? VARIANT_WEIGHT : 1;
    // As typed with its question words too, when it has any ("kepada siapa melapor"): a page holding them all
    // is often the question itself.
    const found = whole && whole.length > us.length ? [{ q: whole.map((u) => u.text).join(" "), weight: own }] : [];
    found.push({ q: typed.join(" "), weight: own });
    us.forEach((u, k) => u.alts.forEach((alt) => {
      found.push({ q: typed.map((text, j) => (j === k ? alt : text)).join(" "), weight: u.padanan || u.same ? 1 : VARIANT_WEIGHT });
    }));
    const seen = new Set();
    return found.filter((f) => !seen.has(f.q) && seen.add(f.q)).slice(0, MAX_VARIANTS);
  }

  /* The Pagefind id of the page the query names, to show first: a rule whose kind (or a glossary name of it), number
     and year are all in the query ("permensos 3 2013", "peraturan menteri sosial nomor 03 tahun 2013"), else the
     glossary page whose entry has the whole query as a name ("kpm", "keluarga penerima manfaat"). */
  function entryPage(query, e) {
    const q = normalise(query);
    const words = new Set(q.split(" ").map((w) => w.replace(/^0+(?=\d)/, "")));
    const padded = ` ${q} `;
    const rule = e.rules.find((r) => words.has(r.nomor.replace(/^0+(?=\d)/, "")) && words.has(r.tahun)
      && (words.has(r.jenis) || e.groups.some((g) => g.nama.includes(r.jenis) && g.nama.some((name) => padded.includes(` ${name} `)))));
    if (rule) return rule.id;
    const entry = e.groups.find((g) => g.nama.includes(q));
    return entry ? entry.id : null;
  }

  function searchAll(e, list) {
    return Promise.all(list.map(({ q, weight }) => e.pagefind.search(q).then((answer) => ({ answer, weight }))));
  }

  /* Pagefind's answers to the variants of one query as one list: each page keeps its best score relative to the
     best page of its variant, plus ALSO_WEIGHT of its relative scores in the other variants, so that of two pages
     each best for one handbook word, the one the other words find too comes first ("kontrak": the FAQ that
     "dinilai", "evaluasi" and "penugasan" all find, above the page only "penugasan" finds). */
  function combine(answers) {
    const merged = new Map();
    answers.forEach(({ answer, weight }) => {
      const top = answer.results.length ? answer.results[0].score : 1;
      answer.results.forEach((result) => {
        const m = merged.get(result.id) || { result, best: 0, sum: 0 };
        merged.set(result.id, m);
        const relative = weight * result.score / top;
        m.sum += relative;
        if (relative > m.best) { m.result = result; m.best = relative; } // its excerpt and marks: the query that found it best
      });
    });
    merged.forEach((m) => { m.best += ALSO_WEIGHT * (m.sum - m.best); });
    return merged;
  }

  /* Pagefind's results for a query, best first, and the units the first result holds when it does not hold
     them all (else null); null when stale() says a newer query is waiting.
     Pagefind answers only with pages that hold every word, and ranks them well; so the query is searched
     whole, and, when it has more than one unit, each unit alone as well. A page's score is the sum, over the
     units it holds, of how rare the unit is (log of pages per page holding it) times its relative score for that
     unit, plus, for a page holding the whole query, WHOLE_WEIGHT times that sum at its best times its relative
     score for the whole query. So pages holding every unit come first, and without one, pages holding the rarer units: "sembako" and
     "hilang" count more than "tksk", which nearly every page holds. */
  function rank(query, stale) {
    return load().then((e) => {
      const { all, kept: us } = units(query, e);
      const pinned = entryPage(query, e);
      const each = us.length > 1 ? us.map((u) => searchAll(e, queries([u]))) : [];
      return Promise.all([searchAll(e, queries(us, all)), ...each]).then(([whole, ...byUnit]) => {
        if (stale && stale()) return null; // the reader typed on: no page data for this list
        const found = new Map();
        const page = (h) => found.get(h.result.id) || found.set(h.result.id, { result: h.result, best: 0, score: 0, units: new Set() }).get(h.result.id);
        let most = 0;
        byUnit.forEach((answers, k) => {
          const holding = combine(answers);
          const rarity = Math.log(1 + e.total / Math.max(1, holding.size));
          most += rarity;
          holding.forEach((h) => {
            const m = page(h);
            if (h.best > m.best) { m.result = h.result; m.best = h.best; }
            m.score += rarity * h.best;
            m.units.add(k);
          });
        });
        combine(whole).forEach((h) => {
          const m = page(h);
          m.result = h.result; // the whole query's excerpt and marks
          m.best = Math.max(m.best, h.best);
          m.score += WHOLE_WEIGHT * (most || 1) * h.best;
          us.forEach((u, k) => m.units.add(k));
        });
        const results = [...found.values()].sort((a, b) => (b.result.id === pinned) - (a.result.id === pinned)
          || e.lists.has(a.result.id) - e.lists.has(b.result.id) || b.score - a.score || b.best - a.best);
        const first = results[0];
        const partial = first && first.units.size < us.length ? us.filter((u, k) => first.units.has(k)).map((u) => u.text) : null;
        return { partial, results: results.slice(0, MAX_RESULTS).map((m) => m.result) };
      });
    });
  }

  /* What the results show: each page's fragment is loaded (and its excerpt computed) only now. */
  function pages(results) {
    return Promise.all(results.map((r) => r.data())).then((data) => data.map(entry));
  }

  /* The whole result list of a query, as the panel shows it. */
  function search(query) {
    return rank(query).then((ranked) => pages(ranked.results));
  }

  const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  const escape = (text) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

  /* The excerpt: EXCERPT_WORDS words of the page's text around most of the matched words, from the start of
     their sentence when it is at most SENTENCE_BACK words back (else from the words, after "…"), the matched
     words' letters in <mark> as Pagefind's excerpt has them. */
  function excerpt(words, locations, title) {
    // The page's text starts with its title, which the result already shows: the excerpt starts after it.
    const bare = (list) => list.join(" ").replace(/[.!?]+$/, "");
    const head = title.length && bare(words.slice(0, title.length)) === bare(title) ? title.length : 0;
    const at = [...new Set(locations)].filter((l) => l >= head).sort((a, b) => a - b);
    let best = at.length ? at[0] : head;
    let most = 0;
    at.forEach((from) => {
      const n = at.filter((l) => l >= from && l < from + EXCERPT_WORDS).length;
      if (n > most) { most = n; best = from; }
    });
    let start = best;
    let sentence = best === head;
    for (let i = best - 1; i >= Math.max(head, best - SENTENCE_BACK) && !sentence; i--) {
      if (/[.!?]["'\u201d)]*$/.test(words[i])) { start = i + 1; sentence = true; }
      else if (i === head) { start = head; sentence = true; }
    }
    const end = Math.min(words.length, start + EXCERPT_WORDS);
    const marked = new Set(at);
    const text = words.slice(start, end).map((word, k) => {
      if (!marked.has(start + k)) return escape(word);
      const [, before, core, after] = word.match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u);
      return `${escape(before)}<mark>${escape(core)}</mark>${escape(after)}`;
    }).join(" ");
    return `${sentence ? "" : "… "}${text}${end < words.length ? " …" : ""}`;
  }

  /* What a result shows and where it leads: the words of the page that matched go along as ?h=. */
  function entry(data) {
    const words = data.content.split(/[\r\n\s]+/g);
    const marked = [];
    data.locations.forEach((at) => {
      const word = (words[at] || "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      if (word && !marked.includes(word.toLowerCase()) && marked.length < HIGHLIGHT_WORDS) marked.push(word.toLowerCase());
    });
    const url = new URL(data.url, location.href);
    marked.forEach((word) => url.searchParams.append("h", word));
    // "cakupan": a record that rests only on one Dinsos's sources carries its label ("Praktik Dinsos …, 2021")
    // on its page (macros/render/templates/_cakupan.md.j2); the result shows it beside the type.
    return {
      url: url.pathname + url.search, title: data.meta.title || "", type: data.meta.jenis || "",
      scope: data.meta.cakupan || "", excerpt: excerpt(words, data.locations, (data.meta.title || "").split(/\s+/).filter(Boolean)),
    };
  }

  /* ---- the panel ---- */

  const toggle = document.getElementById("__search");
  const panel = document.querySelector("[data-cari]");
  if (!toggle || !panel) return;
  const form = panel.querySelector("[data-cari-form]");
  const input = panel.querySelector("[data-cari-input]");
  const status = panel.querySelector("[data-cari-status]");
  const list = panel.querySelector("[data-cari-results]");
  let running = null; // the query being searched
  let waiting = null; // the newest query typed meanwhile

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    input.focus();
    input.select();
  }

  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    input.blur();
  }

  function say(text) {
    status.textContent = text;
  }

  const ENTITIES = { lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", amp: "&" };

  /* Pagefind's excerpt is text with <mark> around the matched words; it is rebuilt as nodes, never parsed as HTML. */
  function excerptNodes(excerpt, into) {
    excerpt.split(/(<mark>|<\/mark>)/).reduce((inMark, part) => {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      const text = document.createTextNode(part.replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_, name) => ENTITIES[name]));
      if (inMark) {
        const mark = document.createElement("mark");
        mark.appendChild(text);
        into.appendChild(mark);
      } else {
        into.appendChild(text);
      }
      return inMark;
    }, false);
  }

  function show(query, results, total, partial) {
    list.textContent = "";
    const count = `${total} ${total === MAX_RESULTS ? "hasil teratas" : "hasil"}`;
    if (!query) say("Ketik untuk mulai mencari");
    else if (!total) say("Tidak ada hasil");
    else say(partial ? `Hasil untuk sebagian kata: ${partial.join(", ")} · ${count}` : count);
    append(results);
    document.dispatchEvent(new CustomEvent("cari:hasil", { detail: { query, count: total } }));
  }

  function append(results) {
    results.forEach((r) => {
      const item = document.createElement("li");
      item.className = "md-search-result__item";
      const link = document.createElement("a");
      link.className = "md-search-result__link";
      link.href = r.url;
      link.tabIndex = -1;
      const article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      const title = document.createElement("h1");
      title.textContent = r.title;
      const text = document.createElement("p");
      excerptNodes(r.excerpt, text);
      article.appendChild(title);
      const labels = [r.type, r.scope].filter(Boolean);
      if (labels.length) {
        const tags = document.createElement("div"); // Material's result tags; a div, not a nav: ten of them are no landmarks
        tags.className = "md-tags";
        labels.forEach((label) => {
          const tag = document.createElement("span");
          tag.className = label === r.scope ? "md-tag cakupan" : "md-tag";
          tag.textContent = label;
          tags.appendChild(tag);
        });
        article.appendChild(tags);
      }
      article.appendChild(text);
      link.appendChild(article);
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  /* One search at a time; keys typed meanwhile are searched as one query when it ends. The first results
     a phone screen holds are shown as soon as their pages are loaded; the rest of the list follows while
     the next query may already run. */
  let lists = 0; // which list is on screen: the rest of an older one is not appended to it
  function run(query) {
    if (running !== null) {
      waiting = query;
      return;
    }
    running = query;
    const stale = () => waiting !== null;
    const finish = () => {
      running = null;
      if (waiting !== null) {
        const next = waiting;
        waiting = null;
        run(next);
      }
    };
    (query ? rank(query, stale) : Promise.resolve({ results: [], partial: null })).then((ranked) => {
      if (!ranked || stale()) return finish();
      const { results, partial } = ranked;
      return pages(results.slice(0, FIRST_SHOWN)).then((first) => {
        if (stale()) return finish();
        show(query, first, results.length, partial);
        const shown = ++lists;
        finish();
        return pages(results.slice(FIRST_SHOWN)).then((rest) => { if (shown === lists) append(rest); });
      });
    }).catch(() => {
      say("Pencarian belum bisa dibuka. Sambungkan ponsel ke internet sekali, lalu coba lagi.");
      if (running === query) finish();
    });
  }

  function opened() {
    if (!engine) say("Memuat pencarian…");
    load().then(() => { if (!input.value.trim()) say("Ketik untuk mulai mencari"); }, () => {
      say("Pencarian belum bisa dibuka. Sambungkan ponsel ke internet sekali, lalu coba lagi.");
    });
    if (document.activeElement !== input) input.focus();
  }

  toggle.addEventListener("change", () => { if (toggle.checked) opened(); });
  input.addEventListener("focus", () => { if (!toggle.checked) open(); });
  input.addEventListener("input", () => run(input.value.trim()));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector("a");
    if (first) first.click();
  });
  form.addEventListener("reset", () => {
    setTimeout(() => { run(""); input.focus(); }, 0);
  });
  list.addEventListener("click", (event) => {
    if (event.target.closest("a")) close(); // a result on the page already open: the panel closes too
  });

  function typing(element) {
    return element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  document.addEventListener("keydown", (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    if (!toggle.checked) {
      if ((event.key === "/" || event.key === "s" || event.key === "f") && !typing(document.activeElement)) {
        event.preventDefault();
        open();
      }
      return;
    }
    const links = Array.from(list.querySelectorAll("a"));
    const at = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && links.length) {
      event.preventDefault();
      const next = event.key === "ArrowDown" ? at + 1 : (at === -1 ? links.length : at) - 1;
      if (next < 0 || next >= links.length) input.focus();
      else links[next].focus();
    }
  });

  /* ---- the opened page: mark the words its result matched (?h=) ---- */

  function highlight() {
    const words = new URL(location.href).searchParams.getAll("h").filter(Boolean);
    const article = document.querySelector("article.md-content__inner");
    if (!words.length || !article) return;
    const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${escaped.join("|")})(?![\\p{L}\\p{N}])`, "giu");
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        return node.parentElement.closest("script, style, mark, .headerlink") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach((node) => {
      const text = node.nodeValue;
      pattern.lastIndex = 0;
      if (!pattern.test(text)) return;
      pattern.lastIndex = 0;
      const fragment = document.createDocumentFragment();
      let from = 0;
      text.replace(pattern, (match, _word, offset) => {
        fragment.appendChild(document.createTextNode(text.slice(from, offset)));
        const mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        mark.textContent = match;
        fragment.appendChild(mark);
        from = offset + match.length;
        return match;
      });
      fragment.appendChild(document.createTextNode(text.slice(from)));
      node.parentNode.replaceChild(fragment, node);
    });
  }

  highlight();
  window.bukuSakuCari = search;
  // Loaded by cari-muat.js once the panel was opened or typed in: take over from there.
  if (toggle.checked) opened();
  if (input.value.trim()) run(input.value.trim());
})();
