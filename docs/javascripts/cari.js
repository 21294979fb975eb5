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
 * Nothing loads until the reader opens search: then pagefind.js, its wasm and the index fragments the
 * words need, plus the glossary's names (pagefind/sinonim.json: acronym, long form and aliases of each
 * entry, with its page, from data/glosarium.yml). A query that contains one of them is also run with
 * the others ("bantuan pangan non tunai" also as "bpnt"); the lists are merged by each page's best
 * score relative to the best page of its list, and a query that is exactly one of the names shows
 * the entry's own page first (the acronym's page).
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
  const FIRST_SHOWN = 4; // what a phone screen holds; the rest of the list follows
  const MAX_VARIANTS = 6;
  const VARIANT_WEIGHT = 0.9; // a page found by the reader's own words ranks above one found only by another name
  const HIGHLIGHT_WORDS = 8;

  const config = JSON.parse(document.getElementById("__config").textContent);
  const root = new URL(config.base.replace(/\/?$/, "/"), location.href); // the site root, also inside a mike edition
  let engine = null; // Promise of {pagefind, groups}

  function load() {
    if (!engine) {
      engine = Promise.all([
        import(new URL("pagefind/pagefind.js", root).href),
        fetch(new URL("pagefind/sinonim.json", root)).then((r) => (r.ok ? r.json() : [])),
      ]).then(([pagefind, groups]) => pagefind.options({ baseUrl: root.pathname, excerptLength: 24 })
        .then(() => pagefind.init())
        .then(() => ({ pagefind, groups })));
      engine.catch(() => { engine = null; }); // offline before the first visit: try again next time
    }
    return engine;
  }

  /* The query as the glossary phrases are written in sinonim.json (macros/outputs/search.py: normalise). */
  function normalise(text) {
    return text.toLowerCase().replace(/\([^)]*\)/g, " ").replace(/[,;:/\u2013\u2014]/g, " ").split(/\s+/).filter(Boolean).join(" ");
  }

  /* The query, then the query with each glossary name it contains replaced by the other names of its entry. */
  function variants(query, groups) {
    const q = normalise(query);
    const found = [q];
    groups.forEach((entry) => {
      const group = entry.nama;
      group.forEach((phrase) => {
        const padded = ` ${q} `;
        if (!padded.includes(` ${phrase} `)) return;
        group.forEach((other) => {
          if (other !== phrase) found.push(padded.replace(` ${phrase} `, ` ${other} `).trim());
        });
      });
    });
    return [...new Set(found)].slice(0, MAX_VARIANTS);
  }

  /* The Pagefind id of the glossary page whose entry has the whole query as a name ("kpm", "keluarga penerima manfaat"). */
  function entryPage(query, groups) {
    const q = normalise(query);
    const entry = groups.find((g) => g.nama.includes(q));
    return entry ? entry.id : null;
  }

  /* Search every variant, merge the lists (a page keeps its best relative score) and put the glossary page
     of an exact name first: Pagefind's results, best first; null when stale() says a newer query is waiting. */
  function rank(query, stale) {
    return load().then((e) => {
      const qs = variants(query, e.groups);
      const pinned = entryPage(query, e.groups);
      return Promise.all(qs.map((q) => e.pagefind.search(q))).then((answers) => {
        if (stale && stale()) return null; // the reader typed on: no page data for this list
        const merged = {};
        answers.forEach((answer, n) => {
          const top = answer.results.length ? answer.results[0].score : 1;
          const weight = n === 0 ? 1 : VARIANT_WEIGHT;
          answer.results.forEach((result) => {
            const m = merged[result.id] || (merged[result.id] = { result, best: 0, sum: 0 });
            const relative = weight * result.score / top;
            m.best = Math.max(m.best, relative);
            m.sum += relative;
          });
        });
        return Object.values(merged)
          .sort((a, b) => (b.result.id === pinned) - (a.result.id === pinned) || b.best - a.best || b.sum - a.sum)
          .slice(0, MAX_RESULTS)
          .map((m) => m.result);
      });
    });
  }

  /* What the results show: each page's fragment is loaded (and its excerpt computed) only now. */
  function pages(results) {
    return Promise.all(results.map((r) => r.data())).then((data) => data.map(entry));
  }

  /* The whole result list of a query, as the panel shows it. */
  function search(query) {
    return rank(query).then(pages);
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
      scope: data.meta.cakupan || "", excerpt: data.excerpt,
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

  function show(query, results, total) {
    list.textContent = "";
    if (!query) say("Ketik untuk mulai mencari");
    else say(total ? `${total} ${total === MAX_RESULTS ? "hasil teratas" : "hasil"}` : "Tidak ada hasil");
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
    (query ? rank(query, stale) : Promise.resolve([])).then((ranked) => {
      if (!ranked || stale()) return finish();
      return pages(ranked.slice(0, FIRST_SHOWN)).then((first) => {
        if (stale()) return finish();
        show(query, first, ranked.length);
        const shown = ++lists;
        finish();
        return pages(ranked.slice(FIRST_SHOWN)).then((rest) => { if (shown === lists) append(rest); });
      });
    }).catch(() => {
      say("Pencarian belum bisa dibuka. Sambungkan ponsel ke internet sekali, lalu coba lagi.");
      if (running === query) finish();
    });
  }

  toggle.addEventListener("change", () => {
    if (!toggle.checked) return;
    if (!engine) say("Memuat pencarian…");
    load().then(() => { if (!input.value.trim()) say("Ketik untuk mulai mencari"); }, () => {
      say("Pencarian belum bisa dibuka. Sambungkan ponsel ke internet sekali, lalu coba lagi.");
    });
    if (document.activeElement !== input) input.focus();
  });
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
})();
