#!/usr/bin/env bash
# Writes WORK/layout: a copy of the large benchmark image's OCI layout (ref "large") plus a derived
# image (ref "derived") that shares all its layers and adds one small layer with a Python package.
# Usage: benchmarks/make-derived-layout.sh LARGE_OCI_DIR WORK
set -euo pipefail
large=$1
work=$2
mkdir -p "$work"
rm -rf "$work/layout" "$work/extra" "$work/extra.tar"
cp -a "$large" "$work/layout"
mkdir -p "$work/extra/requests-2.31.0.dist-info"
printf 'Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\n' > "$work/extra/requests-2.31.0.dist-info/METADATA"
# (`umoci insert` writes a tar without its end blocks, which GNU tar and Bulwark both reject: build the layer here.)
tar -C "$work/extra" --transform 's,^\./,usr/local/lib/python3.11/dist-packages/,' -cf "$work/extra.tar" .
python3 - "$work/layout" "$work/extra.tar" <<'PY'
import gzip, hashlib, json, os, sys
layout, layer_tar = sys.argv[1], sys.argv[2]
def blob(data):
    digest = hashlib.sha256(data).hexdigest()
    with open(f"{layout}/blobs/sha256/{digest}", "wb") as f: f.write(data)
    return "sha256:" + digest
def read(digest): return open(f"{layout}/blobs/sha256/{digest.split(':')[1]}", "rb").read()
raw = open(layer_tar, "rb").read()
compressed = gzip.compress(raw, mtime=0)
index = json.loads(open(f"{layout}/index.json").read())
entry = next(m for m in index["manifests"] if m.get("annotations", {}).get("org.opencontainers.image.ref.name") == "large")
manifest = json.loads(read(entry["digest"]))
config = json.loads(read(manifest["config"]["digest"]))
config["rootfs"]["diff_ids"].append("sha256:" + hashlib.sha256(raw).hexdigest())
config.setdefault("history", []).append({"created_by": "COPY requests /usr/local/lib/python3.11/dist-packages"})
config_bytes = json.dumps(config).encode()
manifest["config"] = {"mediaType": manifest["config"]["mediaType"], "digest": blob(config_bytes), "size": len(config_bytes)}
manifest["layers"].append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": blob(compressed), "size": len(compressed)})
manifest_bytes = json.dumps(manifest).encode()
index["manifests"] = [m for m in index["manifests"] if m.get("annotations", {}).get("org.opencontainers.image.ref.name") != "derived"]
index["manifests"].append({"mediaType": entry["mediaType"], "digest": blob(manifest_bytes), "size": len(manifest_bytes),
                           "annotations": {"org.opencontainers.image.ref.name": "derived"}})
open(f"{layout}/index.json", "w").write(json.dumps(index))
PY
