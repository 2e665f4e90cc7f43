#!/usr/bin/env python3
"""Generates a synthetic OSV corpus shaped like real exports, for Bulwark's import benchmark.

Mix (by record): Debian, Alpine and Ubuntu OS records (CVE-keyed, upstream aliases, urgency /
priority, several releases) and GHSA-like PyPI, npm, Go and Maven records (CVE aliases, CVSS v3
vectors, SEMVER/ECOSYSTEM ranges, some GIT ranges, version lists, references). Deterministic.

usage: gen-osv-corpus.py OUTPUT (a .zip file or a directory) [--count N] [--seed S]
"""
import argparse
import json
import os
import random
import zipfile

WORDS = ("buffer overflow heap use-after-free crafted request remote attacker denial of service "
         "allows bypass authentication improper validation input path traversal injection memory "
         "leak integer signedness certificate parser header cookie session token").split()
SEVERITIES = ["LOW", "MODERATE", "HIGH", "CRITICAL"]
URGENCIES = ["unimportant", "low", "medium", "high", "not yet assigned"]
UBUNTU_PRIORITIES = ["negligible", "low", "medium", "high", "critical"]


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def cvss(rng):
    pick = lambda *values: rng.choice(values)
    return (f"CVSS:3.1/AV:{pick('N','A','L','P')}/AC:{pick('L','H')}/PR:{pick('N','L','H')}/UI:{pick('N','R')}"
            f"/S:{pick('U','C')}/C:{pick('N','L','H')}/I:{pick('N','L','H')}/A:{pick('N','L','H')}")


def version(rng, distro=False):
    v = f"{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 20)}"
    return v + (f"-{rng.randint(1, 9)}+deb12u{rng.randint(1, 5)}" if distro else "")


def references(rng, cve, extra):
    refs = [{"type": "ADVISORY", "url": f"https://nvd.nist.gov/vuln/detail/{cve}"}]
    for _ in range(extra):
        refs.append({"type": rng.choice(["WEB", "FIX", "REPORT"]),
                     "url": f"https://github.com/example/project{rng.randint(1, 9999)}/commit/{rng.getrandbits(160):040x}"})
    return refs


def os_record(rng, index, family, packages):
    cve = f"CVE-{rng.randint(2005, 2026)}-{index + 10000}"
    pkg = rng.choice(packages)
    if family == "debian":
        rid, releases, eco = f"DEBIAN-{cve}", ["11", "12", "13"], "Debian"
    elif family == "alpine":
        rid, releases, eco = f"ALPINE-{cve}", ["v3.18", "v3.19", "v3.20"], "Alpine"
    else:
        rid, releases, eco = f"UBUNTU-{cve}", ["20.04", "22.04", "24.04"], "Ubuntu"
    affected = []
    for release in rng.sample(releases, rng.randint(1, len(releases))):
        events = [{"introduced": "0"}]
        if rng.random() < 0.8:
            events.append({"fixed": version(rng, distro=(family == "debian"))})
        entry = {"package": {"ecosystem": f"{eco}:{release}", "name": pkg}, "ranges": [{"type": "ECOSYSTEM", "events": events}]}
        if family == "debian":
            entry["ecosystem_specific"] = {"urgency": rng.choice(URGENCIES)}
        elif family == "ubuntu":
            entry["ecosystem_specific"] = {"ubuntu_priority": rng.choice(UBUNTU_PRIORITIES), "binaries": [{"binary_name": pkg, "binary_version": version(rng)}]}
        affected.append(entry)
    record = {
        "schema_version": "1.6.0", "id": rid, "modified": "2026-11-01T00:00:00Z", "published": "2024-03-01T00:00:00Z",
        "upstream": [cve], "summary": sentence(rng, 6), "details": sentence(rng, rng.randint(15, 60)),
        "affected": affected, "references": references(rng, cve, rng.randint(0, 2)),
    }
    if family == "ubuntu":
        record["severity"] = [{"type": "Ubuntu", "score": rng.choice(UBUNTU_PRIORITIES)}]
    return record


def ghsa_record(rng, index, ecosystem, packages):
    cve = f"CVE-{rng.randint(2015, 2026)}-{index + 50000}"
    ghsa = "GHSA-" + "-".join("".join(rng.choice("23456789cfghjmpqrvwx") for _ in range(4)) for _ in range(3))
    affected = []
    for _ in range(1 if rng.random() < 0.85 else 2):
        events = [{"introduced": rng.choice(["0", version(rng)])}]
        events.append({"fixed": version(rng)} if rng.random() < 0.9 else {"last_affected": version(rng)})
        entry = {"package": {"ecosystem": ecosystem, "name": rng.choice(packages)},
                 "ranges": [{"type": "SEMVER" if ecosystem in ("npm", "Go") else "ECOSYSTEM", "events": events}],
                 "database_specific": {"source": "https://github.com/github/advisory-database"}}
        if ecosystem == "PyPI" and rng.random() < 0.3:
            entry["versions"] = [f"1.{minor}.{patch}" for minor in range(rng.randint(1, 4)) for patch in range(rng.randint(1, 6))]
        if rng.random() < 0.1:
            entry["ranges"].append({"type": "GIT", "repo": "https://github.com/example/repo",
                                    "events": [{"introduced": f"{rng.getrandbits(160):040x}"}, {"fixed": f"{rng.getrandbits(160):040x}"}]})
        affected.append(entry)
    return {
        "schema_version": "1.6.0", "id": ghsa, "modified": "2026-10-01T12:00:00Z", "published": "2023-05-01T00:00:00Z",
        "aliases": [cve] + ([f"PYSEC-2023-{index}"] if ecosystem == "PyPI" and rng.random() < 0.5 else []),
        "summary": sentence(rng, 8), "details": sentence(rng, rng.randint(20, 90)),
        "severity": [{"type": "CVSS_V3", "score": cvss(rng)}], "affected": affected,
        "references": references(rng, cve, rng.randint(1, 4)),
        "database_specific": {"severity": rng.choice(SEVERITIES), "cwe_ids": [f"CWE-{rng.randint(20, 900)}"], "github_reviewed": True},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--count", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pools = {name: [f"{name}-pkg{i}" for i in range(size)] for name, size in
             [("debian", 3000), ("alpine", 1500), ("ubuntu", 3000), ("PyPI", 8000), ("npm", 12000), ("Go", 6000), ("Maven", 5000)]}
    pools["Go"] = [f"github.com/example{i % 300}/mod{i}" for i in range(6000)]
    pools["Maven"] = [f"org.example{i % 200}:artifact{i}" for i in range(5000)]
    mix = [("debian", 0.30), ("alpine", 0.08), ("ubuntu", 0.17), ("PyPI", 0.13), ("npm", 0.14), ("Go", 0.10), ("Maven", 0.08)]

    def records():
        for index in range(args.count):
            roll, total = rng.random(), 0.0
            for kind, share in mix:
                total += share
                if roll <= total:
                    break
            if kind in ("debian", "alpine", "ubuntu"):
                yield os_record(rng, index, kind, pools[kind])
            else:
                yield ghsa_record(rng, index, kind, pools[kind])

    if args.output.endswith(".zip"):
        with zipfile.ZipFile(args.output, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for index, record in enumerate(records()):
                archive.writestr(f"{record['id']}-{index}.json", json.dumps(record, indent=1))
    else:
        os.makedirs(args.output, exist_ok=True)
        for index, record in enumerate(records()):
            sub = os.path.join(args.output, f"{index // 5000:03d}")
            os.makedirs(sub, exist_ok=True)
            with open(os.path.join(sub, f"{record['id']}-{index}.json"), "w") as handle:
                json.dump(record, handle, indent=1)


if __name__ == "__main__":
    main()
