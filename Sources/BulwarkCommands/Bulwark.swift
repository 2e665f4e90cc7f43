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
            Bulwark reads a container image without unpacking it — a `docker save` tarball, an OCI image layout (directory or tar), or an unpacked root filesystem — lists what is installed in it, each package attributed to the layer that added it, and matches it against a local advisory database.

            EXAMPLES:
              bulwark db update                       # fetch advisories
              bulwark db import ./osv-dump.zip        # ...or build them offline
              bulwark image alpine.tar                # vulnerabilities, worst first
              bulwark image app.tar --fail-on high    # CI gate: exit 1 on HIGH+
              bulwark explain CVE-2024-2511 alpine.tar
              bulwark fs .                            # a project's lockfiles
              bulwark sbom alpine.tar                 # packages, by layer
              bulwark sbom app.tar -f cyclonedx -o app.cdx.json
              bulwark sbom ./layout --tag app --platform linux/arm64/v8

            EXIT CODES:
              0   success
              1   `image --fail-on`: a finding at or above the gate (see --exit-code)
              2   unreadable input: corrupt, truncated, hostile, unsupported, missing
              3   environment error: cannot write the output or scratch files
              64  usage error: unknown option, bad option value
            """,
        version: version,
        subcommands: [ImageCommand.self, CompareCommand.self, ConvertCommand.self, FSCommand.self, SBOMCommand.self, RootfsCommand.self, DatabaseCommand.self, ExplainCommand.self, ContainerCommand.self, CacheCommand.self, VersionCommand.self, VEXCommand.self, ConfigCommand.self]
    )

    public init() {}
}

extension Bulwark {
    /// Entry point for the executable: parses the command line and runs the chosen command.
    ///
    /// Installed as `~/.docker/cli-plugins/docker-bulwark`, the binary is a Docker CLI plugin:
    /// `docker bulwark image nginx:1.25` runs `docker-bulwark bulwark image nginx:1.25`.
    public static func start() async {
        let arguments = CommandLine.arguments
        if DockerCLIPlugin.isPlugin(executable: arguments.first ?? "") {
            if arguments.dropFirst().first == DockerCLIPlugin.metadataCommand {
                print(DockerCLIPlugin.metadata(version: version))
                return
            }
            var rest = Array(arguments.dropFirst())
            if rest.first == "bulwark" { rest.removeFirst() }
            await main(rest)
            return
        }
        await main()
    }
}
