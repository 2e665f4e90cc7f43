/// Docker's CLI plugin protocol: an executable named `docker-<name>` in `~/.docker/cli-plugins`
/// answers `docker-cli-plugin-metadata` with JSON metadata, and is then run as
/// `docker-<name> <name> ARGS…` for `docker <name> ARGS…`.
enum DockerCLIPlugin {
    static let metadataCommand = "docker-cli-plugin-metadata"

    /// Whether the binary was started under its plugin name.
    static func isPlugin(executable: String) -> Bool {
        executable.split(separator: "/").last == "docker-bulwark"
    }

    /// The metadata Docker reads to list the plugin.
    static func metadata(version: String) -> String {
        """
        {"SchemaVersion":"0.1.0","Vendor":"Bulwark","Version":"\(version)","ShortDescription":"Scan images for vulnerabilities, SBOMs and misconfigurations","URL":"https://bulwark.invalid"}
        """
    }
}
