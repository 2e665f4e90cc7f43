#!/usr/bin/env python3
"""Scores secret findings against the labelled corpus dumped by the Bulwark secret tests.

usage: secrets-accuracy.py WORK_DIR BULWARK_JSON DETECT_SECRETS_JSON

WORK_DIR holds files/ and labels.json ([{path, ruleID, line, endLine}], paths relative to files/).
BULWARK_JSON is {"secrets": {"findings": [...]}} from `bulwark fs --scanners secret --format json`
(or {"secrets": [...]} from the library dump), each with path, line, ruleID; DETECT_SECRETS_JSON is a
detect-secrets baseline ({"results": {file: [{type, line_number}]}}).
"""
import json
import os
import sys
from collections import defaultdict


def normalise(path, root):
    path = os.path.normpath(path)
    root = os.path.normpath(root)
    if path.startswith(root + os.sep):
        path = path[len(root) + 1:]
    while path.startswith("./"):
        path = path[2:]
    return path.lstrip("/")


def score(labels, findings):
    """findings: list of (path, line, kind). A finding matches an unmatched label of the same
    file whose line range contains it; each label and finding is used once."""
    by_path = defaultdict(list)
    for label in labels:
        by_path[label["path"]].append([label, False])
    tp = fp = 0
    for path, line, _kind in sorted(findings):
        candidates = by_path.get(path, [])
        for entry in candidates:
            label, used = entry
            if not used and label["line"] <= line <= label["endLine"]:
                entry[1] = True
                tp += 1
                break
        else:
            # A second finding on an already matched secret is neither new nor wrong.
            if any(label["line"] <= line <= label["endLine"] for label, used in candidates):
                continue
            fp += 1
    fn = sum(1 for entries in by_path.values() for _label, used in entries if not used)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return tp, fp, fn, precision, recall


def main():
    work, bulwark_path, detect_path = sys.argv[1:4]
    files_root = os.path.join(work, "files")
    with open(os.path.join(work, "labels.json")) as handle:
        labels = json.load(handle)
    with open(bulwark_path) as handle:
        bulwark = json.load(handle).get("secrets", [])
    # `bulwark fs --scanners secret --format json` nests the findings: {"secrets": {"findings": [...]}}.
    if isinstance(bulwark, dict):
        bulwark = bulwark.get("findings", [])
    with open(detect_path) as handle:
        detect = json.load(handle).get("results", {})

    bulwark_findings = [(normalise(f["path"], files_root), f["line"], f["ruleID"]) for f in bulwark]
    detect_findings = [
        (normalise(path, files_root), item["line_number"], item["type"])
        for path, items in detect.items()
        for item in items
    ]
    files = {label["path"] for label in labels}
    print(f"corpus: {len(labels)} planted secrets of {len({l['ruleID'] for l in labels})} kinds in "
          f"{len(files)} files ({sum(len(fs) for _, _, fs in os.walk(files_root))} files in total)")
    print(f"{'tool':<16}{'findings':>9}{'TP':>6}{'FP':>6}{'FN':>6}{'precision':>11}{'recall':>8}")
    for name, findings in (("bulwark", bulwark_findings), ("detect-secrets", detect_findings)):
        tp, fp, fn, precision, recall = score(labels, findings)
        print(f"{name:<16}{len(findings):>9}{tp:>6}{fp:>6}{fn:>6}{precision:>11.3f}{recall:>8.3f}")

    # Bulwark with the rule id required to match as well.
    exact = defaultdict(lambda: [0, 0, 0])
    remaining = list(bulwark_findings)
    for label in labels:
        hit = next((f for f in remaining if f[0] == label["path"] and f[2] == label["ruleID"]
                    and label["line"] <= f[1] <= label["endLine"]), None)
        if hit:
            remaining.remove(hit)
            exact[label["ruleID"]][0] += 1
        else:
            exact[label["ruleID"]][2] += 1
    for finding in remaining:
        exact[finding[2]][1] += 1
    tp = sum(v[0] for v in exact.values())
    fp = sum(v[1] for v in exact.values())
    fn = sum(v[2] for v in exact.values())
    print(f"bulwark, rule id must match too: TP {tp} FP {fp} FN {fn} "
          f"precision {tp / max(tp + fp, 1):.3f} recall {tp / max(tp + fn, 1):.3f}")
    missed_by_detect = sorted({l["ruleID"] for l in labels} - {
        l["ruleID"] for l in labels
        if any(f[0] == l["path"] and l["line"] <= f[1] <= l["endLine"] for f in detect_findings)})
    print(f"kinds detect-secrets finds none of ({len(missed_by_detect)}): {', '.join(missed_by_detect)}")


if __name__ == "__main__":
    main()
