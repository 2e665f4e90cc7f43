import ArgumentParser
import BulwarkCore
import BulwarkRegistry
import Foundation

/// How `bulwark image REF` reaches registries: credentials, TLS, mirrors, timeouts.
struct RegistryOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Registry user name (password from --password-stdin; env BULWARK_REGISTRY_USERNAME/PASSWORD also work).", valueName: "USER"))
    var username: String?

    @Flag(help: "Read the registry password or token from standard input.")
    var passwordStdin = false

    @Option(name: .customLong("insecure-registry"), help: ArgumentHelp("Allow plain HTTP or unverified TLS for this registry (host:port); repeatable.", valueName: "HOST"))
    var insecureRegistries: [String] = []

    @Option(name: .customLong("ca-cert"), help: ArgumentHelp("Trust the CA certificates in this PEM file too (private registries).", valueName: "FILE"))
    var caCertificate: String?

    @Option(name: .customLong("registry-mirror"), help: ArgumentHelp("Try MIRROR before REGISTRY (REGISTRY=MIRROR, e.g. docker.io=mirror.gcr.io); repeatable.", valueName: "REGISTRY=MIRROR"))
    var mirrors: [String] = []

    @Option(help: ArgumentHelp("Seconds a registry may stay silent before a request fails (default 120).", valueName: "SECONDS"))
    var timeout: Double = 120

    /// Client options from the flags.
    func clientOptions() throws(BulwarkError) -> RegistryClientOptions {
        var byRegistry: [String: [String]] = [:]
        for mirror in mirrors {
            let parts = mirror.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw BulwarkError(.invalidInput, "invalid --registry-mirror '\(mirror)': expected REGISTRY=MIRROR, e.g. docker.io=mirror.gcr.io")
            }
            byRegistry[parts[0] == "index.docker.io" ? ImageReference.dockerHub : parts[0], default: []].append(parts[1])
        }
        guard timeout > 0, timeout.isFinite else { throw BulwarkError(.invalidInput, "--timeout must be a positive number of seconds") }
        return RegistryClientOptions(
            insecureRegistries: Set(insecureRegistries), caCertificatePath: caCertificate, mirrors: byRegistry, readTimeout: timeout)
    }

    /// The credential resolver: explicit flags first, then the environment and Docker's config.
    func credentialResolver() throws(BulwarkError) -> CredentialResolver {
        guard let username else {
            if passwordStdin { throw BulwarkError(.invalidInput, "--password-stdin needs --username") }
            return CredentialResolver()
        }
        guard passwordStdin else {
            throw BulwarkError(.invalidInput, "--username needs --password-stdin", hint: "pipe the password: echo \"$TOKEN\" | bulwark image … --username USER --password-stdin")
        }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        var password = String(decoding: data.prefix(64 * 1024), as: UTF8.self)
        while password.hasSuffix("\n") || password.hasSuffix("\r") { password.removeLast() }
        return CredentialResolver(explicit: RegistryCredentials(username: username, secret: password))
    }
}
