#!/usr/bin/env python3
"""A small HTTP server for FeedDownloader tests: serves files from ROOT on 127.0.0.1 with ETag,
Last-Modified, conditional GETs, single byte ranges (with If-Range), and scripted failures chosen
by path prefixes (counted per full request path):

  /fail/N/SECONDS/<file>    the first N requests answer 503 with Retry-After: SECONDS ("none": no header)
  /ratelimit/SECONDS/<file> every request answers 429 with Retry-After: SECONDS
  /cut/N/BYTES/<file>       the first N requests send the full headers but only BYTES of the body, then drop the connection
  /noetag/<file>            no ETag or Last-Modified headers
  /status/CODE/<file>       every request answers CODE
  /__log                    JSON list of the requests seen so far (path and the interesting headers)

Prints "PORT <n>" on its first line once listening. Written for the Bulwark tests; stdlib only.
"""
import email.utils
import hashlib
import json
import os
import signal
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.realpath(sys.argv[1])
COUNTS = {}
LOG = []
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, format, *args):  # keep the test output quiet
        pass

    def do_GET(self):
        with LOCK:
            if self.path != "/__log":
                LOG.append({
                    "path": self.path,
                    "range": self.headers.get("Range"),
                    "ifRange": self.headers.get("If-Range"),
                    "ifNoneMatch": self.headers.get("If-None-Match"),
                    "ifModifiedSince": self.headers.get("If-Modified-Since"),
                })
            count = COUNTS.get(self.path, 0) + 1
            COUNTS[self.path] = count
        if self.path == "/__log":
            with LOCK:
                body = json.dumps(LOG).encode()
            return self.reply(200, body, {"Content-Type": "application/json"})

        parts = self.path.split("?", 1)[0].strip("/").split("/")
        cut = None
        validators = True
        while parts:
            head = parts[0]
            if head == "fail" and len(parts) > 2:
                limit, seconds = int(parts[1]), parts[2]
                parts = parts[3:]
                if count <= limit:
                    extra = {} if seconds == "none" else {"Retry-After": seconds}
                    return self.reply(503, b"try later\n", extra)
            elif head == "ratelimit" and len(parts) > 1:
                return self.reply(429, b"slow down\n", {"Retry-After": parts[1]})
            elif head == "cut" and len(parts) > 2:
                if count <= int(parts[1]):
                    cut = int(parts[2])
                parts = parts[3:]
            elif head == "noetag":
                validators = False
                parts = parts[1:]
            elif head == "status" and len(parts) > 1:
                return self.reply(int(parts[1]), b"scripted status\n", {})
            else:
                break

        path = os.path.realpath(os.path.join(ROOT, *parts))
        if not path.startswith(ROOT + os.sep) or not os.path.isfile(path):
            return self.reply(404, b"not found\n", {})
        with open(path, "rb") as handle:
            content = handle.read()
        etag = '"' + hashlib.sha1(content).hexdigest()[:16] + '"'
        modified = email.utils.formatdate(int(os.path.getmtime(path)), usegmt=True)
        headers = {"ETag": etag, "Last-Modified": modified, "Accept-Ranges": "bytes"} if validators else {}

        if validators:
            if_none_match = self.headers.get("If-None-Match")
            if if_none_match is not None and if_none_match == etag:
                return self.reply(304, b"", headers, send_length=False)
            since = self.headers.get("If-Modified-Since")
            if if_none_match is None and since is not None:
                try:
                    if email.utils.parsedate_to_datetime(since).timestamp() >= int(os.path.getmtime(path)):
                        return self.reply(304, b"", headers, send_length=False)
                except (TypeError, ValueError):
                    pass

        status = 200
        body = content
        requested = self.headers.get("Range")
        if_range = self.headers.get("If-Range")
        if requested and requested.startswith("bytes=") and requested.endswith("-") and (if_range is None or if_range in (etag, modified)):
            start = int(requested[6:-1])
            if start >= len(content):
                return self.reply(416, b"", dict(headers, **{"Content-Range": "bytes */%d" % len(content)}))
            status = 206
            body = content[start:]
            headers["Content-Range"] = "bytes %d-%d/%d" % (start, len(content) - 1, len(content))
        self.reply(status, body, headers, cut=cut)

    def reply(self, status, body, headers, send_length=True, cut=None):
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        if send_length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if cut is not None:
            self.wfile.write(body[:cut])
            self.wfile.flush()
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        self.wfile.write(body)


def main():
    # The test process may spawn us with signals blocked; make SIGTERM/SIGINT end the server.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.signal(signal.SIGHUP, lambda *_: os._exit(0))
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
