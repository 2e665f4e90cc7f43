#!/usr/bin/env bash
# Installs everything Bulwark's build and tests need on Debian 12 (idempotent).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
need=()
# Reference implementations the version-ordering tests compare against: dpkg (Dpkg::Version), rpm,
# node's semver (npm), Maven's ComparableVersion (maven + JDK), Go's x/mod/semver (golang-go), RubyGems.
# The registry tests run the CNCF distribution registry (docker-registry) with htpasswd users
# (apache2-utils) and push images to it with skopeo; the engine tests run a real Docker-API service
# (`podman system service`, with runc) and containers of a busybox-static image; the HTML report
# is rendered by headless chromium for a screenshot.
for pkg in libzstd-dev libisal-dev zlib1g-dev libsqlite3-dev pkg-config rpm umoci skopeo libdpkg-perl golang-go ruby libcommons-lang3-java libguava-java docker-registry apache2-utils podman runc busybox-static chromium; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
command -v node >/dev/null && command -v npm >/dev/null || need+=(nodejs npm)
command -v java >/dev/null || need+=(default-jdk-headless)
ls /usr/share/maven/lib/maven-artifact*.jar >/dev/null 2>&1 || need+=(maven)
if [ ${#need[@]} -gt 0 ]; then
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# Real SBOM validators used by the report tests.
# Report-format validators: SARIF and GitLab schemas (jsonschema), JUnit (junitparser), Markdown
# (markdown-it-py), HTML (html5lib).
python3 -c 'import cyclonedx.validation.json, spdx_tools, cvss, packaging, jsonschema, junitparser, markdown_it, html5lib' 2>/dev/null || \
    python3 -m pip install -q 'cyclonedx-python-lib[validation]' spdx-tools cvss packaging jsonschema junitparser markdown-it-py html5lib
