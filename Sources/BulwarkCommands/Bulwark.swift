import ArgumentParser
import BulwarkCore

/// The `bulwark` root command.
public struct Bulwark: AsyncParsableCommand {
    /// The version printed by `bulwark --version` and written into reports.
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "bulwark",
        abstract: "Container security scanner: vulnerabilities and SBOMs of images and root filesystems, offline.",
        discussion: """
            Bulwark reads a container image without unpacking it — a `docker save` tarball, an OCI
            image layout (directory or tar), or an unpacked root filesystem — lists what is installed
            in it, each package attributed to the layer that added it, and matches it against a local
            advisory database.

            EXAMPLES:
              bulwark db update                                # fetch advisories (or: bulwark db import PATH)
              bulwark image alpine.tar                         # vulnerabilities, most severe first
              bulwark image app.tar --fail-on high             # CI gate: exit 1 on HIGH or CRITICAL
              bulwark explain CVE-2024-2511 alpine.tar         # why it matched
              bulwark sbom alpine.tar                          # table of packages, by layer
              bulwark sbom app.tar --format cyclonedx -o app.cdx.json
              bulwark sbom ./oci-layout --tag app --platform linux/arm64/v8 --format spdx-json
              bulwark rootfs /mnt/rootfs --format json

            EXIT CODES:
              0   success
              1   `image --fail-on`: a finding at or above the gate (see --exit-code)
              2   the input is unreadable: corrupt, truncated, hostile, unsupported or missing
              3   local environment error: cannot write the output or scratch files
              64  usage error: unknown option, bad option value
            """,
        version: version,
        subcommands: [ImageCommand.self, FSCommand.self, SBOMCommand.self, RootfsCommand.self, DatabaseCommand.self, ExplainCommand.self]
    )

    public init() {}
}

extension Bulwark {
    /// Entry point for the executable: parses the command line and runs the chosen command.
    public static func start() async { await main() }
}
