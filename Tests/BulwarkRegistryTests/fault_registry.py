#!/usr/bin/env python3
"""A misbehaving registry for Bulwark's fault tests: serves the single image of an OCI layout
through the distribution API, with one injected fault.

Usage: fault_registry.py LAYOUT_DIR MODE   (prints the port it listens on, then serves)

Modes:
  ok            behaves
  drop-blob     the first response for each blob stops half way and closes the connection;
                later requests with Range get 206 from the requested offset
  no-range      like drop-blob, but ignores Range (answers 200 with the whole blob)
  wrong-digest  layer blobs have one byte changed
  flaky-500     every first request for a path answers 500, the second succeeds
  always-500    every request answers 500 with a registry error body
  rate-limit    every first request answers 429 with Retry-After: 1
  huge-manifest the manifest is 5 MB of JSON
  redirect-loop blob requests redirect to themselves forever
  token-fail    asks for a bearer token whose endpoint answers 500
  stall         blob responses send headers and then nothing
"""
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

layout, mode = sys.argv[1], sys.argv[2]
seen = set()
lock = threading.Lock()


def blob(digest):
    algorithm, hexdigest = digest.split(":", 1)
    with open(os.path.join(layout, "blobs", algorithm, hexdigest), "rb") as handle:
        return handle.read()


index = json.load(open(os.path.join(layout, "index.json")))
manifest_descriptor = index["manifests"][0]
manifest_bytes = blob(manifest_descriptor["digest"])
manifest = json.loads(manifest_bytes)
layer_digests = {layer["digest"] for layer in manifest["layers"]}


def first_time(key):
    with lock:
        if key in seen:
            return False
        seen.add(key)
        return True


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def error_body(self, code, message):
        return json.dumps({"errors": [{"code": code, "message": message}]}).encode()

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/token":
            return self.send(500, b"token service down")
        if mode == "always-500":
            return self.send(500, self.error_body("UNKNOWN", "storage backend unavailable"), {"Content-Type": "application/json"})
        if mode == "flaky-500" and first_time(path):
            return self.send(500, self.error_body("UNKNOWN", "try again"), {"Content-Type": "application/json"})
        if mode == "rate-limit" and first_time(path):
            return self.send(429, self.error_body("TOOMANYREQUESTS", "slow down"), {"Retry-After": "1", "Content-Type": "application/json"})
        if mode == "token-fail" and "Authorization" not in self.headers:
            host = self.headers.get("Host")
            challenge = f'Bearer realm="http://{host}/token",service="fault",scope="repository:x:pull"'
            return self.send(401, self.error_body("UNAUTHORIZED", "token required"), {"WWW-Authenticate": challenge})
        if path == "/v2/":
            return self.send(200, b"{}")
        if "/manifests/" in path:
            if mode == "huge-manifest":
                body = b'{"schemaVersion":2,"padding":"' + b"x" * (5 << 20) + b'"}'
                return self.send(200, body, {"Content-Type": "application/vnd.oci.image.manifest.v1+json"})
            return self.send(200, manifest_bytes, {"Content-Type": manifest_descriptor["mediaType"], "Docker-Content-Digest": manifest_descriptor["digest"]})
        if "/blobs/" in path:
            digest = path.rsplit("/", 1)[1]
            try:
                data = blob(digest)
            except OSError:
                return self.send(404, self.error_body("BLOB_UNKNOWN", "blob unknown"))
            is_layer = digest in layer_digests
            if mode == "redirect-loop" and is_layer:
                return self.send(307, b"", {"Location": path})
            if mode == "wrong-digest" and is_layer:
                data = bytes([data[0] ^ 0xFF]) + data[1:]
            if mode == "stall" and is_layer:
                self.send_response(200)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.flush()
                time.sleep(600)
                return
            if mode in ("drop-blob", "no-range") and is_layer:
                range_header = self.headers.get("Range")
                if range_header and mode == "drop-blob":
                    start = int(range_header.split("=", 1)[1].split("-", 1)[0])
                    part = data[start:]
                    return self.send(206, part, {"Content-Range": f"bytes {start}-{len(data) - 1}/{len(data)}"})
                if first_time(path):
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data[: len(data) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
            return self.send(200, data, {"Content-Type": "application/octet-stream"})
        return self.send(404, self.error_body("NAME_UNKNOWN", "unknown"))


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
