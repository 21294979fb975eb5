"""The folder a clerk picks in the form editor, for browser tests: the real project folder on disk, reached
through the stand-in directory handle of folder_picker.js (no browser automation can drive the OS dialog)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

SCRIPT = Path(__file__).with_name("folder_picker.js")
PREFIX = "/__folder__/"


def offer_folder(context, folder: Path) -> list[str]:
    """Make ``folder`` what "Work with Local Repository" opens in every page of ``context``; return the list that
    records each file the editor writes (paths relative to ``folder``)."""
    written: list[str] = []
    context.add_init_script(path=str(SCRIPT))

    def answer(route):
        request = route.request
        parts = urlsplit(request.url)
        rel = unquote(parts.path[len(PREFIX):])
        path = (folder / rel).resolve()
        if folder.resolve() not in (path, *path.parents):
            return route.fulfill(status=403, body="")
        query = parts.query
        if request.method == "POST" and "move=" in query:  # a saved file's temporary copy takes its place
            target = (folder / unquote(query.split("move=", 1)[1])).resolve()
            target.parent.mkdir(parents=True, exist_ok=True)
            path.replace(target)
            written.append(target.relative_to(folder.resolve()).as_posix())
            return route.fulfill(status=200, body="")
        if request.method == "PUT":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(request.post_data_buffer or b"")
            return route.fulfill(status=200, body="")
        if request.method == "DELETE":
            if path.is_file():
                path.unlink()
            return route.fulfill(status=200, body="")
        if "stat=1" in query:
            if "create=folder" in query:
                path.mkdir(parents=True, exist_ok=True)
            elif "create=file" in query and not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(b"")
            return route.fulfill(status=200, content_type="application/json",
                                 body=json.dumps({"exists": path.exists(), "folder": path.is_dir()}))
        if "list=1" in query:
            entries = [{"name": child.name, "folder": child.is_dir()} for child in sorted(path.iterdir())]
            return route.fulfill(status=200, content_type="application/json", body=json.dumps(entries))
        if not path.is_file():
            return route.fulfill(status=404, body="")
        return route.fulfill(status=200, body=path.read_bytes(),
                             headers={"x-modified": str(path.stat().st_mtime_ns // 1_000_000)})

    context.route(f"**{PREFIX}**", answer)
    return written
