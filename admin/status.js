/* Our own few lines: no CMS shows a project's own validation. After each save the editor's server runs the same
   checks as `tksk validate` (/admin/status.json, macros/tools/edit.py); while they find errors, this banner lists
   each with its file, line, field and what to do, under the form the editor is looking at. */
(function () {
  "use strict";
  var box = document.getElementById("tksk-status");
  var shown = "";

  function render(status) {
    var key = JSON.stringify(status.errors);
    if (key === shown) { return; }
    shown = key;
    box.textContent = "";
    if (status.valid) { box.hidden = true; return; }
    var title = document.createElement("h2");
    title.textContent = "Data belum valid: " + status.errors.length + " kesalahan. Perbaiki, lalu simpan lagi.";
    var list = document.createElement("ul");
    status.errors.forEach(function (error) {
      var item = document.createElement("li");
      var place = document.createElement("strong");
      place.textContent = error.where;
      item.appendChild(place);
      item.appendChild(document.createTextNode(": " + error.message));
      list.appendChild(item);
    });
    box.appendChild(title);
    box.appendChild(list);
    box.hidden = false;
  }

  function poll() {
    fetch("status.json", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(render)
      .catch(function () { /* the editor's server stopped: nothing to show */ })
      .then(function () { window.setTimeout(poll, 1500); });
  }
  poll();
}());
