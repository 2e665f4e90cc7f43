#!/usr/bin/env python3
"""Compares OS package lists: Bulwark JSON vs Trivy CycloneDX (name, version, source name, source version).

Usage: compare-packages.py BULWARK.json TRIVY.cdx.json
Prints differences; exit 0 when identical, 1 otherwise.
"""
import json
import sys

OS_TYPES = {"debian", "ubuntu", "alpine", "redhat", "centos", "rocky", "alma", "fedora", "amazon", "oracle",
            "suse", "opensuse", "opensuse.leap", "sles", "cbl-mariner", "azurelinux", "photon", "wolfi", "chainguard"}


def bulwark_packages(path):
    doc = json.load(open(path))
    rows = set()
    for p in doc.get("packages", []):
        if p.get("type") not in ("deb", "apk", "rpm"):
            continue  # language packages are compared by compare-language.py
        rows.add((p["name"], p["version"], p.get("sourceName") or p["name"], p.get("sourceVersion") or p["version"]))
    return rows


def trivy_packages(path):
    doc = json.load(open(path))
    rows = set()
    for c in doc.get("components", []):
        props = {p["name"].split(":")[-1]: p["value"] for p in c.get("properties", [])}
        if props.get("PkgType") not in OS_TYPES:
            continue
        src_version = props.get("SrcVersion", "")
        if props.get("SrcRelease"):
            src_version += "-" + props["SrcRelease"]
        if props.get("SrcEpoch") and props["SrcEpoch"] != "0":
            src_version = props["SrcEpoch"] + ":" + src_version
        rows.add((c["name"], c.get("version", ""), props.get("SrcName") or c["name"], src_version or c.get("version", "")))
    return rows


def main():
    ours, theirs = bulwark_packages(sys.argv[1]), trivy_packages(sys.argv[2])
    only_ours, only_theirs = sorted(ours - theirs), sorted(theirs - ours)
    print(f"bulwark {len(ours)} packages, trivy {len(theirs)} packages, identical: {not only_ours and not only_theirs}")
    for row in only_ours:
        print("  only bulwark:", "\t".join(row))
    for row in only_theirs:
        print("  only trivy:  ", "\t".join(row))
    return 0 if not only_ours and not only_theirs else 1


if __name__ == "__main__":
    sys.exit(main())
