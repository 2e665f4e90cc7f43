#!/usr/bin/env python3
"""Compares language packages: Bulwark JSON SBOM vs Trivy and Syft CycloneDX, per ecosystem (purl type).

Usage: compare-language.py BULWARK.json TRIVY.cdx.json SYFT.cdx.json
Names are compared as the purl spec normalizes them (PyPI lower-case with '-'); versions as written,
except a leading 'v' on Go versions and Syft's 'go' prefix on the stdlib version.
"""
import json
import re
import sys
from urllib.parse import unquote

OS_TYPES = {"deb", "apk", "rpm"}


def norm(ptype, name, version):
    if ptype == "pypi":
        name = re.sub(r"[-_.]+", "-", name).lower()
    if ptype == "golang":
        version = version.lstrip("v")
        if version.startswith("go"):
            version = version[2:]
    return name, version


def from_purl(purl):
    m = re.match(r"pkg:([^/]+)/(.+?)@([^?#]+)", purl or "")
    if not m:
        return None
    ptype, path, version = m.group(1), unquote(m.group(2)), unquote(m.group(3))
    name = path.split("/")[-1] if ptype in ("pypi", "gem", "cargo", "nuget") else path
    if ptype == "maven":
        name = path.replace("/", ":")
    return ptype, name, version


def bulwark(path):
    rows = {}
    for p in json.load(open(path)).get("packages", []):
        parsed = from_purl(p.get("purl"))
        if parsed and parsed[0] not in OS_TYPES:
            rows.setdefault(parsed[0], set()).add(norm(*parsed))
    return rows


def cdx(path):
    rows = {}
    for c in json.load(open(path)).get("components", []):
        parsed = from_purl(c.get("purl"))
        if parsed and parsed[0] not in OS_TYPES:
            rows.setdefault(parsed[0], set()).add(norm(*parsed))
    return rows


def main():
    ours = bulwark(sys.argv[1])
    peers = {"trivy": cdx(sys.argv[2]), "syft": cdx(sys.argv[3])}
    status = 0
    for ptype in sorted(set(ours) | set(peers["trivy"]) | set(peers["syft"])):
        mine = ours.get(ptype, set())
        for peer, rows in peers.items():
            theirs = rows.get(ptype, set())
            same = mine == theirs
            status |= not same
            print(f"{ptype:8} bulwark {len(mine):4}  {peer} {len(theirs):4}  identical: {same}")
            for row in sorted(mine - theirs):
                print(f"    only bulwark: {row[0]} {row[1]}")
            for row in sorted(theirs - mine):
                print(f"    only {peer}: {row[0]} {row[1]}")
    return status


if __name__ == "__main__":
    sys.exit(main())
