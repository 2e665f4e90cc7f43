#!/usr/bin/env python3
"""Compare `bulwark config` with hadolint on a folder of Dockerfiles, for the checks both have.

Usage: config-accuracy.py BULWARK HADOLINT FOLDER
Prints, per mapped check, how many (file, line) findings both tools report, only bulwark, only hadolint,
then every disagreement so a person can judge who is right (docs/config-accuracy.md records that).
"""
import collections
import json
import os
import subprocess
import sys

# bulwark rule -> hadolint codes that check the same thing.
MAPPING = {
    "BW-DF-001": ["DL3002"],
    "BW-DF-002": ["DL3006", "DL3007"],
    "BW-DF-004": ["DL3020"],
    "BW-DF-007": ["DL3004"],
    "BW-DF-008": ["DL3008", "DL3018", "DL3013", "DL3016", "DL3033", "DL3041", "DL3028", "DL3037"],
    "BW-DF-009": ["DL3009", "DL3019", "DL3042", "DL3032", "DL3040", "DL3060"],
    "BW-DF-010": ["DL3015"],
    "BW-DF-016": ["DL4003", "DL4004"],
    "BW-DF-017": ["DL3000"],
    "BW-DF-020": ["DL3025"],
}
REVERSE = {code: rule for rule, codes in MAPPING.items() for code in codes}


def dockerfiles(folder):
    for root, _, files in os.walk(folder):
        for name in files:
            if name == "Dockerfile" or name.endswith(".Dockerfile"):
                yield os.path.join(root, name)


def main():
    bulwark, hadolint, folder = sys.argv[1:4]
    files = sorted(dockerfiles(folder))
    ours, theirs = set(), set()
    report = json.loads(subprocess.run([bulwark, "config", "--format", "json", folder], capture_output=True, text=True).stdout)
    for finding in report["findings"]:
        if finding["ruleId"] in MAPPING:
            ours.add((os.path.normpath(finding["file"]), finding["line"], finding["ruleId"]))
    for path in files:
        output = subprocess.run([hadolint, "-f", "json", "--no-fail", path], capture_output=True, text=True).stdout
        for item in json.loads(output or "[]"):
            rule = REVERSE.get(item["code"])
            if rule:
                theirs.add((os.path.normpath(item["file"]), item["line"], rule))
    counts = collections.defaultdict(lambda: [0, 0, 0])
    for key in ours | theirs:
        counts[key[2]][0 if key in ours and key in theirs else 1 if key in ours else 2] += 1
    print(f"{len(files)} Dockerfiles")
    print(f"{'rule':<10} {'both':>5} {'bulwark':>8} {'hadolint':>9}  hadolint codes")
    for rule in MAPPING:
        both, only_ours, only_theirs = counts[rule]
        print(f"{rule:<10} {both:>5} {only_ours:>8} {only_theirs:>9}  {','.join(MAPPING[rule])}")
    print("\nDisagreements (file:line rule → who reports it):")
    for key in sorted(ours ^ theirs):
        print(f"  {key[0]}:{key[1]} {key[2]} → {'bulwark only' if key in ours else 'hadolint only'}")


if __name__ == "__main__":
    main()
