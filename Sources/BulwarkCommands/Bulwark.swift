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
            Bulwark reads a container image without unpacking it — a `docker save` tarball, an OCI image layout (directory or tar), a registry reference, an image in a local Docker or Podman engine, a running container, or an unpacked root filesystem — lists what is installed in it, each package attributed to the layer that added it, matches it against a local advisory database, and checks Dockerfiles, Compose files and Kubernetes manifests for misconfigurations.

            EXAMPLES:
              bulwark db update                       # fetch advisories
              bulwark db import ./osv-dump.zip        # ...or build them offline
              bulwark image alpine.tar                # vulnerabilities, worst first
              bulwark image nginx:1.25 --fail-on high # pull from the registry; CI gate
              bulwark image app.tar -f sarif --dockerfile Dockerfile -o app.sarif
              bulwark compare prod.tar candidate.tar --fail-on-new high
              bulwark container --all                 # running containers: image, runtime, drift
              bulwark config .                        # Dockerfile, Compose, Kubernetes checks
              bulwark explain CVE-2024-2511 alpine.tar
              bulwark fs .                            # a project's lockfiles
              bulwark sbom app.tar -f cyclonedx -o app.cdx.json

            EXIT CODES:
              0   success
              1   a policy gate: --fail-on (image, convert, container, config) or compare --fail-on-new (see --exit-code)
              2   unreadable input: corrupt, truncated, hostile, unsupported, missing
              3   environment error: cannot write output or cache; registry or engine unreachable or refusing credentials
              64  usage error: unknown option, bad option value
            """,
        version: version,
        subcommands: [ImageCommand.self, RecommendCommand.self, CompareCommand.self, ConvertCommand.self, FSCommand.self, SBOMCommand.self, RootfsCommand.self, DatabaseCommand.self, ExplainCommand.self, ContainerCommand.self, CacheCommand.self, VersionCommand.self, VEXCommand.self, ConfigCommand.self]
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
                try? Console.emit(Array((DockerCLIPlugin.metadata(version: version) + "\n").utf8), to: nil)
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
