"""The lock files install on a fresh machine: package-lock.json stays in step with package.json (npm ci)."""

from __future__ import annotations

import json
import re

from tests.support.data import ROOT

#: A version range npm can check against a locked version; anything else (``latest``, ``next``) is a dist-tag.
RANGE = re.compile(r"^[\s\d.xX*^~<>=|-]*$|^npm:|^(?:file|git|https?):")


def _json(name: str) -> dict:
    return json.loads((ROOT / name).read_text(encoding="utf-8"))


def test_lock_pins_what_package_json_asks():
    """Check that the root entry of the lock asks exactly what package.json asks (else `npm ci` refuses the lock)."""
    package, lock = _json("package.json"), _json("package-lock.json")
    root = lock["packages"][""]
    for key in ("dependencies", "devDependencies"):
        assert root.get(key, {}) == package.get(key, {}), key
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", v) for v in package.get("devDependencies", {}).values()), "pin exact versions"


def test_no_dependency_follows_a_moving_tag():
    """Check that no locked package asks for another by a dist-tag such as "latest" unless package.json overrides it.

    A tag moves when its package publishes: the lock then no longer satisfies it and `npm ci` stops on a fresh
    machine ("Missing: third-party-web@0.30.0 from lock file"), as it did for Lighthouse 12.8.2.
    """
    overrides = _json("package.json").get("overrides", {})
    lock = _json("package-lock.json")["packages"]
    moving = sorted(
        f"{path.removeprefix('node_modules/')} -> {name}@{spec}"
        for path, entry in lock.items()
        for kind in ("dependencies", "optionalDependencies", "peerDependencies")
        for name, spec in entry.get(kind, {}).items()
        if not RANGE.match(spec) and name not in overrides
    )
    assert not moving, f"pin these in package.json overrides: {moving}"
    for name, version in overrides.items():
        assert lock.get(f"node_modules/{name}", {}).get("version") == version, f"the lock does not hold {name} {version}"
