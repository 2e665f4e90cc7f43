#!/usr/bin/env python3
"""A small token endpoint for the registry tests (the distribution spec's token auth).

Usage: token_server.py DIR USER PASSWORD
Creates DIR/key.pem and DIR/cert.pem (RSA, self-signed, with the openssl command), prints the
port, and serves GET /token?service=…&scope=repository:NAME:ACTIONS. Requests with HTTP basic
auth for USER:PASSWORD get the actions they ask for; anonymous requests get nothing (so the
registry refuses them); wrong credentials get 401. Tokens are RS256 JWTs with the certificate in
the x5c header, which the registry verifies against its rootcertbundle (cert.pem).
"""
import base64
import json
import os
import subprocess
import sys
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

directory, user, password = sys.argv[1], sys.argv[2], sys.argv[3]
key, cert = os.path.join(directory, "key.pem"), os.path.join(directory, "cert.pem")
subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                "-days", "2", "-subj", "/CN=bulwark-token"], check=True, capture_output=True)
der = subprocess.run(["openssl", "x509", "-in", cert, "-outform", "DER"], check=True, capture_output=True).stdout


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign(claims):
    header = {"typ": "JWT", "alg": "RS256", "x5c": [base64.b64encode(der).decode()]}
    signing_input = b64(json.dumps(header).encode()) + "." + b64(json.dumps(claims).encode())
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key], input=signing_input.encode(),
                               check=True, capture_output=True).stdout
    return signing_input + "." + b64(signature)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        if url.path != "/token":
            self.send_response(404)
            self.end_headers()
            return
        query = urllib.parse.parse_qs(url.query)
        authorized = False
        header = self.headers.get("Authorization", "")
        if header.startswith("Basic "):
            given = base64.b64decode(header[6:]).decode(errors="replace")
            if given != f"{user}:{password}":
                self.send_response(401)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            authorized = True
        access = []
        for scope in query.get("scope", []):
            kind, _, rest = scope.partition(":")
            name, _, actions = rest.rpartition(":")
            if authorized:
                access.append({"type": kind, "name": name, "actions": actions.split(",")})
        now = int(time.time())
        token = sign({"iss": "bulwark-token", "sub": user if authorized else "", "aud": query.get("service", [""])[0],
                      "exp": now + 600, "nbf": now - 10, "iat": now, "jti": str(now) + str(os.getpid()),
                      "access": access})
        body = json.dumps({"token": token, "access_token": token, "expires_in": 600}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
