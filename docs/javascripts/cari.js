/* Buku Saku TKSK: search ("cari") with Pagefind, in Material's search panel.
 *
 * Why hand-written: Material's search (lunr) has no Indonesian stemmer and downloads its whole index
 * on every first visit; Pagefind stems Indonesian and loads its index in small fragments. Pagefind's
 * own UI (pagefind-ui.js, 120 KB) looks nothing like Material and loads on every page, so this script
 * drives Pagefind's JS API (pagefind/pagefind.js, written by macros/outputs/search.py) from Material's own
 * markup (overrides/partials/search.html) and keeps Material's habits:
 *   - the header button and the "/", "s" and "f" keys open the panel (#__search toggle); Escape
 *     closes it; arrow keys move through the results;
 *   - results show the page title, its type (as a Material tag) and an excerpt with the words marked;
 *   - the opened page marks the words that matched (Material's search.highlight used ?h= too), here
 *     the page's own words (a search for "dipetakan" marks "pemetaan").
 * Nothing loads until the reader opens search: then pagefind.js, its wasm and the index fragments the
 * words need, plus the glossary's names (pagefind/sinonim.json: acronym, long form and aliases of each
 * entry, with its page, from data/glosarium.yml). A query that contains one of them is also run with
 * the others ("bantuan pangan non tunai" also as "bpnt"); the lists are merged by each page's best
 * score relative to the best page of its list, and a query that is exactly one of the names shows
 * the entry's own page first (the acronym's page).
 *
 * Plain script, no inline code, no HTML parsing (text goes in with textContent), nothing from another
 * host: it runs under a strict Content-Security-Policy. window.bukuSakuCari(query) returns the result
 * list the panel shows (tests/test_search.py runs the query set through it), and every list shown
 * fires "cari:hasil" on document (bench/search.py times keystroke to results with it).
 */
(function () {
  "use strict";

  var MAX_RESULTS = 10;
  var FIRST_SHOWN = 4; // what a phone screen holds; the rest of the list follows
  var MAX_VARIANTS = 6;
  var VARIANT_WEIGHT = 0.9; // a page found by the reader's own words ranks above one found only by another name
  var HIGHLIGHT_WORDS = 8;

  var config = JSON.parse(document.getElementById("__config").textContent);
  var root = new URL(config.base.replace(/\/?$/, "/"), location.href); // the site root, also inside a mike edition
  var engine = null; // Promise of {pagefind, groups}

  function load() {
    if (!engine) {
      engine = Promise.all([
        import(new URL("pagefind/pagefind.js", root).href),
        fetch(new URL("pagefind/sinonim.json", root)).then(function (r) { return r.ok ? r.json() : []; }),
      ]).then(function (loaded) {
        var pagefind = loaded[0];
        return pagefind.options({ baseUrl: root.pathname, excerptLength: 24 }).then(function () {
          return pagefind.init().then(function () { return { pagefind: pagefind, groups: loaded[1] }; });
        });
      });
      engine.catch(function () { engine = null; }); // offline before the first visit: try again next time
    }
    return engine;
  }

  /* The query as the glossary phrases are written in sinonim.json (macros/outputs/search.py: normalise). */
  function normalise(text) {
    return text.toLowerCase().replace(/\([^)]*\)/g, " ").replace(/[,;:/\u2013\u2014]/g, " ").split(/\s+/).filter(Boolean).join(" ");
  }

  /* The query, then the query with each glossary name it contains replaced by the other names of its entry. */
  function variants(query, groups) {
    var q = normalise(query);
    var found = [q];
    groups.forEach(function (entry) {
      var group = entry.nama;
      group.forEach(function (phrase) {
        var padded = " " + q + " ";
        if (padded.indexOf(" " + phrase + " ") === -1) return;
        group.forEach(function (other) {
          if (other !== phrase) found.push(padded.replace(" " + phrase + " ", " " + other + " ").trim());
        });
      });
    });
    return found.filter(function (v, i) { return found.indexOf(v) === i; }).slice(0, MAX_VARIANTS);
  }

  /* The Pagefind id of the glossary page whose entry has the whole query as a name ("kpm", "keluarga penerima manfaat"). */
  function entryPage(query, groups) {
    var q = normalise(query);
    var entry = groups.filter(function (g) { return g.nama.indexOf(q) !== -1; })[0];
    return entry ? entry.id : null;
  }

  /* Search every variant, merge the lists (a page keeps its best relative score) and put the glossary page
     of an exact name first: Pagefind's results, best first; null when stale() says a newer query is waiting. */
  function rank(query, stale) {
    return load().then(function (e) {
      var qs = variants(query, e.groups);
      var pinned = entryPage(query, e.groups);
      return Promise.all(qs.map(function (q) { return e.pagefind.search(q); })).then(function (answers) {
        if (stale && stale()) return null; // the reader typed on: no page data for this list
        var merged = {};
        answers.forEach(function (answer, n) {
          var top = answer.results.length ? answer.results[0].score : 1;
          var weight = n === 0 ? 1 : VARIANT_WEIGHT;
          answer.results.forEach(function (result) {
            var m = merged[result.id] || (merged[result.id] = { result: result, best: 0, sum: 0 });
            var relative = weight * result.score / top;
            m.best = Math.max(m.best, relative);
            m.sum += relative;
          });
        });
        return Object.keys(merged).map(function (id) { return merged[id]; }).sort(function (a, b) {
          return (b.result.id === pinned) - (a.result.id === pinned) || b.best - a.best || b.sum - a.sum;
        }).slice(0, MAX_RESULTS).map(function (m) { return m.result; });
      });
    });
  }

  /* What the results show: each page's fragment is loaded (and its excerpt computed) only now. */
  function pages(results) {
    return Promise.all(results.map(function (r) { return r.data(); })).then(function (data) { return data.map(entry); });
  }

  /* The whole result list of a query, as the panel shows it. */
  function search(query) {
    return rank(query).then(pages);
  }

  /* What a result shows and where it leads: the words of the page that matched go along as ?h=. */
  function entry(data) {
    var words = data.content.split(/[\r\n\s]+/g);
    var marked = [];
    data.locations.forEach(function (at) {
      var word = (words[at] || "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      if (word && marked.indexOf(word.toLowerCase()) === -1 && marked.length < HIGHLIGHT_WORDS) marked.push(word.toLowerCase());
    });
    var url = new URL(data.url, location.href);
    marked.forEach(function (word) { url.searchParams.append("h", word); });
    return { url: url.pathname + url.search, title: data.meta.title || "", type: data.meta.jenis || "", excerpt: data.excerpt };
  }

  /* ---- the panel ---- */

  var toggle = document.getElementById("__search");
  var panel = document.querySelector("[data-cari]");
  if (!toggle || !panel) return;
  var form = panel.querySelector("[data-cari-form]");
  var input = panel.querySelector("[data-cari-input]");
  var status = panel.querySelector("[data-cari-status]");
  var list = panel.querySelector("[data-cari-results]");
  // Material's grey on grey for the result count and the tags, and its accent colour for the marked
  // words of an excerpt, are below WCAG AA contrast (axe); the text
  // colour is set here, through the CSSOM (allowed by a strict CSP), not in a stylesheet every page loads.
  status.style.color = "var(--md-default-fg-color)";
  // Thumb-sized (44 px, WCAG 2.5.5; tests/test_a11y.py): Material's back arrow and clear button are 24 px
  // (the clear button 18 px while scaled down, before anything is typed). Padding makes the tap area
  // bigger and an equal negative margin keeps each icon where Material puts it.
  Array.prototype.forEach.call(panel.querySelectorAll(".md-search__icon"), function (icon) {
    var pad = icon.tagName === "BUTTON" ? "0.9rem" : "0.5rem";
    icon.style.boxSizing = "content-box";
    icon.style.padding = pad;
    icon.style.margin = "-" + pad;
  });
  var running = null; // the query being searched
  var waiting = null; // the newest query typed meanwhile

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

  /* Pagefind's excerpt is text with <mark> around the matched words; it is rebuilt as nodes, never parsed as HTML. */
  function excerptNodes(excerpt, into) {
    excerpt.split(/(<mark>|<\/mark>)/).reduce(function (inMark, part) {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      var text = document.createTextNode(part.replace(/&(lt|gt|quot|#39|#x27|amp);/g, function (_, name) {
        return { lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", amp: "&" }[name];
      }));
      if (inMark) {
        var mark = document.createElement("mark");
        mark.style.color = "var(--md-typeset-a-color)"; // Material's accent orange fails contrast (see status.style)
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
    else say(total ? total + (total === MAX_RESULTS ? " hasil teratas" : " hasil") : "Tidak ada hasil");
    append(results);
    document.dispatchEvent(new CustomEvent("cari:hasil", { detail: { query: query, count: total } }));
  }

  function append(results) {
    results.forEach(function (r) {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      var link = document.createElement("a");
      link.className = "md-search-result__link";
      link.href = r.url;
      link.tabIndex = -1;
      var article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      var title = document.createElement("h1");
      title.textContent = r.title;
      var text = document.createElement("p");
      excerptNodes(r.excerpt, text);
      article.appendChild(title);
      if (r.type) {
        var tags = document.createElement("div"); // Material's result tags; a div, not a nav: ten of them are no landmarks
        tags.className = "md-tags";
        var tag = document.createElement("span");
        tag.className = "md-tag";
        tag.style.color = "var(--md-default-fg-color)"; // see status.style above: Material's grey fails contrast
        tag.textContent = r.type;
        tags.appendChild(tag);
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
  var lists = 0; // which list is on screen: the rest of an older one is not appended to it
  function run(query) {
    if (running !== null) {
      waiting = query;
      return;
    }
    running = query;
    var stale = function () { return waiting !== null; };
    var finish = function () {
      running = null;
      if (waiting !== null) {
        var next = waiting;
        waiting = null;
        run(next);
      }
    };
    (query ? rank(query, stale) : Promise.resolve([])).then(function (ranked) {
      if (!ranked || stale()) return finish();
      return pages(ranked.slice(0, FIRST_SHOWN)).then(function (first) {
        if (stale()) return finish();
        show(query, first, ranked.length);
        var shown = ++lists;
        finish();
        return pages(ranked.slice(FIRST_SHOWN)).then(function (rest) { if (shown === lists) append(rest); });
      });
    }).catch(function () {
      say("Pencarian belum bisa dibuka. Sambungkan ponsel ke internet sekali, lalu coba lagi.");
      if (running === query) finish();
    });
  }

  toggle.addEventListener("change", function () {
    if (!toggle.checked) return;
    if (!engine) say("Memuat pencarian…");
    load().then(function () { if (!input.value.trim()) say("Ketik untuk mulai mencari"); }, function () {
      say("Pencarian belum bisa dibuka. Sambungkan ponsel ke internet sekali, lalu coba lagi.");
    });
    if (document.activeElement !== input) input.focus();
  });
  input.addEventListener("focus", function () { if (!toggle.checked) open(); });
  input.addEventListener("input", function () { run(input.value.trim()); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { run(""); input.focus(); }, 0);
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) close(); // a result on the page already open: the panel closes too
  });

  function typing(element) {
    return element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    if (!toggle.checked) {
      if ((event.key === "/" || event.key === "s" || event.key === "f") && !typing(document.activeElement)) {
        event.preventDefault();
        open();
      }
      return;
    }
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && links.length) {
      event.preventDefault();
      var next = event.key === "ArrowDown" ? at + 1 : (at === -1 ? links.length : at) - 1;
      if (next < 0 || next >= links.length) input.focus();
      else links[next].focus();
    }
  });

  /* ---- the opened page: mark the words its result matched (?h=) ---- */

  function highlight() {
    var words = new URL(location.href).searchParams.getAll("h").filter(Boolean);
    var article = document.querySelector("article.md-content__inner");
    if (!words.length || !article) return;
    var escaped = words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    var pattern = new RegExp("(?<![\\p{L}\\p{N}])(" + escaped.join("|") + ")(?![\\p{L}\\p{N}])", "giu");
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest("script, style, mark, .headerlink") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      pattern.lastIndex = 0;
      if (!pattern.test(text)) return;
      pattern.lastIndex = 0;
      var fragment = document.createDocumentFragment();
      var from = 0;
      text.replace(pattern, function (match, _word, offset) {
        fragment.appendChild(document.createTextNode(text.slice(from, offset)));
        var mark = document.createElement("mark");
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
