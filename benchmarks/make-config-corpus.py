#!/usr/bin/env python3
"""Generate a folder of COUNT configuration files for benchmarks/config.sh: half Dockerfiles (each in its
own folder, varied instructions), half Kubernetes manifests (Deployments, CronJobs, multi-document files).
Deterministic: the same COUNT gives the same files.

Usage: make-config-corpus.py FOLDER [COUNT=5000]
"""
import os
import random
import sys

BASES = ["debian:12", "ubuntu:22.04", "alpine:3.20", "python:3.12-slim", "node:20", "golang:1.22", "nginx", "centos:7", "fedora:40"]
RUNS = [
    "apt-get update && apt-get install -y curl git && rm -rf /var/lib/apt/lists/*",
    "apt-get update\nRUN apt-get install -y --no-install-recommends ca-certificates=20230311",
    "apk add --no-cache bash=5.2.26-r0 curl",
    "pip install --no-cache-dir flask==3.0.3 requests",
    "curl -fsSL https://example.com/install.sh | sh",
    "yum install -y httpd && yum clean all",
    "npm install -g typescript",
    "chmod 755 /app && useradd -r app",
]


def dockerfile(rng, index):
    lines = [f"# generated {index}", f"ARG VERSION={rng.randint(1, 9)}", f"FROM {rng.choice(BASES)} AS build"]
    lines.append("WORKDIR /src")
    lines.append("COPY . .")
    for _ in range(rng.randint(2, 6)):
        lines.append("RUN " + rng.choice(RUNS).replace(" && ", " && \\\n    "))
    lines.append(f"FROM {rng.choice(BASES)}")
    lines.append("COPY --from=build /src/out /app")
    lines.append(f"ENV APP_PORT={8000 + index % 100}")
    if rng.random() < 0.3:
        lines.append("EXPOSE 22")
    if rng.random() < 0.6:
        lines.append(f"USER {1000 + index % 7}")
    if rng.random() < 0.5:
        lines.append('HEALTHCHECK CMD ["/app/health"]')
    lines.append('ENTRYPOINT ["/app/server"]' if rng.random() < 0.7 else "CMD /app/server --port 80")
    return "\n".join(lines) + "\n"


def container(rng, name):
    hardened = rng.random() < 0.5
    text = f"      - name: {name}\n        image: registry.example.com/team/{name}:{rng.randint(1, 20)}.{rng.randint(0, 9)}\n"
    text += "        ports:\n        - containerPort: 8080\n"
    if hardened:
        text += ("        securityContext:\n          allowPrivilegeEscalation: false\n          runAsNonRoot: true\n"
                 "          readOnlyRootFilesystem: true\n          capabilities: {drop: [ALL]}\n"
                 "          seccompProfile: {type: RuntimeDefault}\n"
                 "        resources: {limits: {cpu: 500m, memory: 256Mi}}\n")
    elif rng.random() < 0.3:
        text += "        securityContext: {privileged: true}\n"
    return text


def manifest(rng, index):
    documents = []
    for part in range(rng.randint(1, 3)):
        name = f"app-{index}-{part}"
        pod = "".join(container(rng, f"{name}-c{c}") for c in range(rng.randint(1, 3)))
        host = "      hostNetwork: true\n" if rng.random() < 0.1 else ""
        if rng.random() < 0.8:
            documents.append(f"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\n  labels: {{app: {name}}}\n"
                             f"spec:\n  replicas: 2\n  selector: {{matchLabels: {{app: {name}}}}}\n  template:\n"
                             f"    metadata: {{labels: {{app: {name}}}}}\n    spec:\n{host}      containers:\n{pod}")
        else:
            documents.append(f"apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: {name}\nspec:\n  schedule: \"0 * * * *\"\n"
                             f"  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n"
                             f"          containers:\n" + pod.replace("\n      ", "\n          ").replace("      - name", "          - name", 1))
    return "---\n".join(documents)


def main():
    folder = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    rng = random.Random(20261130)
    for index in range(count):
        if index % 2 == 0:
            path = os.path.join(folder, "docker", f"svc{index:05d}", "Dockerfile")
            text = dockerfile(rng, index)
        else:
            path = os.path.join(folder, "k8s", f"app{index:05d}.yaml")
            text = manifest(rng, index)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as handle:
            handle.write(text)


if __name__ == "__main__":
    main()
