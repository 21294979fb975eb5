/* Test stand-in for the operating system's folder picker, which no browser automation can drive: the folder a
   clerk would pick in Chromium's "Work with Local Repository" dialog, as a File System Access directory handle
   whose reads and writes go to /__folder__/ (answered by tests/support/folder_picker.py from a real folder on
   disk). Sveltia CMS itself, its forms and its saving run unchanged. */
(function () {
  "use strict";
  var api = function (path) { return "/__folder__/" + path.split("/").map(encodeURIComponent).join("/"); };
  var granted = function () { return Promise.resolve("granted"); };
  var missing = function (name) { return new DOMException(name, "NotFoundError"); };
  var mismatch = function (name) { return new DOMException(name, "TypeMismatchError"); };

  function FileHandle(path, name) { this.kind = "file"; this.name = name; this.path = path; }
  FileHandle.prototype.getFile = function () {
    var name = this.name;
    return fetch(api(this.path)).then(function (response) {
      if (!response.ok) { throw missing(name); }
      var modified = Number(response.headers.get("x-modified")) || Date.now();
      return response.blob().then(function (blob) { return new File([blob], name, { lastModified: modified }); });
    });
  };
  FileHandle.prototype.createWritable = function () {
    var parts = [], path = this.path;
    return Promise.resolve({
      write: function (data) {
        parts.push(data && typeof data === "object" && "data" in data && !(data instanceof Blob) ? data.data : data);
        return Promise.resolve();
      },
      close: function () {  /* sent as bytes in one piece: the test's request handler reads the body whole */
        return new Blob(parts).arrayBuffer().then(function (bytes) {
          return fetch(api(path), { method: "PUT", body: new Uint8Array(bytes) });
        }).then(function () {});
      },
      abort: function () { parts = []; return Promise.resolve(); }
    });
  };
  FileHandle.prototype.move = function (folder, name) {
    /* move(newName) or move(folder[, newName]): Chromium saves by writing a temporary file, then moving it. */
    var target = typeof folder === "string" ? this.path.replace(/[^/]*$/, "") + folder
      : folder.child(name === undefined ? this.name : name);
    var self = this;
    return fetch(api(this.path) + "?move=" + encodeURIComponent(target), { method: "POST" }).then(function () {
      self.path = target;
      self.name = target.split("/").pop();
    });
  };
  FileHandle.prototype.isSameEntry = function (other) { return Promise.resolve(Boolean(other) && other.path === this.path); };
  FileHandle.prototype.queryPermission = granted;
  FileHandle.prototype.requestPermission = granted;

  function DirHandle(path, name) { this.kind = "directory"; this.name = name; this.path = path; }
  DirHandle.prototype.child = function (name) { return this.path ? this.path + "/" + name : name; };
  DirHandle.prototype.entries = function () {
    var self = this, listed = null, index = 0;
    var load = function () {
      if (!listed) { listed = fetch(api(self.path) + "?list=1").then(function (r) { return r.json(); }); }
      return listed;
    };
    var iterator = {
      next: function () {
        return load().then(function (entries) {
          if (index >= entries.length) { return { done: true, value: undefined }; }
          var entry = entries[index++], path = self.child(entry.name);
          var handle = entry.folder ? new DirHandle(path, entry.name) : new FileHandle(path, entry.name);
          return { done: false, value: [entry.name, handle] };
        });
      }
    };
    iterator[Symbol.asyncIterator] = function () { return iterator; };
    return iterator;
  };
  /* values() and keys(): the entries' handles or names, from the same listing. */
  var mapped = function (entries, part) {
    var iterator = { next: function () { return entries.next().then(function (step) {
      return step.done ? step : { done: false, value: step.value[part] }; }); } };
    iterator[Symbol.asyncIterator] = function () { return iterator; };
    return iterator;
  };
  DirHandle.prototype.values = function () { return mapped(this.entries(), 1); };
  DirHandle.prototype.keys = function () { return mapped(this.entries(), 0); };
  DirHandle.prototype[Symbol.asyncIterator] = function () { return this.entries(); };
  DirHandle.prototype.handle = function (name, options, folder) {
    var path = this.child(name), create = options && options.create ? "&create=" + (folder ? "folder" : "file") : "";
    return fetch(api(path) + "?stat=1" + create).then(function (r) { return r.json(); }).then(function (stat) {
      if (!stat.exists) { throw missing(name); }
      if (stat.folder !== folder) { throw mismatch(name); }
      return folder ? new DirHandle(path, name) : new FileHandle(path, name);
    });
  };
  DirHandle.prototype.getDirectoryHandle = function (name, options) { return this.handle(name, options, true); };
  DirHandle.prototype.getFileHandle = function (name, options) { return this.handle(name, options, false); };
  DirHandle.prototype.removeEntry = function (name) {
    return fetch(api(this.child(name)), { method: "DELETE" }).then(function () {});
  };
  DirHandle.prototype.isSameEntry = function (other) { return Promise.resolve(Boolean(other) && other.path === this.path); };
  DirHandle.prototype.resolve = function () { return Promise.resolve(null); };
  DirHandle.prototype.queryPermission = granted;
  DirHandle.prototype.requestPermission = granted;

  window.showDirectoryPicker = function () { return Promise.resolve(new DirHandle("", "buku-saku-tksk")); };
}());
