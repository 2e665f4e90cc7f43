import BulwarkCore
import Foundation

/// Finds credentials for a registry, in this order: explicit ones (`--username` / `--password-stdin`),
/// the environment (`BULWARK_REGISTRY_USERNAME` / `BULWARK_REGISTRY_PASSWORD`), then Docker's
/// `config.json` (`$DOCKER_CONFIG/config.json` or `~/.docker/config.json`): `credHelpers[host]`,
/// then `credsStore`, then `auths` (`auth` = base64 of `user:password`, or `username`/`password`,
/// or `identitytoken`). Helpers are the `docker-credential-<name>` programs of the Docker
/// credential-helper protocol: the server URL on stdin, `{"Username":…,"Secret":…}` on stdout.
public struct CredentialResolver: Sendable {
    /// Credentials given on the command line, used for every registry.
    public var explicit: RegistryCredentials?
    /// The environment to read (injectable for tests).
    public var environment: [String: String]
    /// The Docker config file; nil means the default location.
    public var dockerConfigPath: String?
    /// How long a credential helper may run.
    public var helperTimeout: Double = 20

    /// Creates a resolver.
    public init(explicit: RegistryCredentials? = nil, environment: [String: String] = ProcessInfo.processInfo.environment, dockerConfigPath: String? = nil) {
        self.explicit = explicit
        self.environment = environment
        self.dockerConfigPath = dockerConfigPath
    }

    /// The config file in effect.
    public var configPath: String {
        if let dockerConfigPath { return dockerConfigPath }
        if let directory = environment["DOCKER_CONFIG"], !directory.isEmpty { return directory + "/config.json" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.docker/config.json"
    }

    /// Credentials for `registry` (`host[:port]`, `docker.io` for Docker Hub); nil for anonymous access.
    public func credentials(for registry: String) throws(BulwarkError) -> RegistryCredentials? {
        if let explicit { return explicit }
        if let user = environment["BULWARK_REGISTRY_USERNAME"], let password = environment["BULWARK_REGISTRY_PASSWORD"], !user.isEmpty {
            return RegistryCredentials(username: user, secret: password)
        }
        guard let config = try loadConfig() else { return nil }
        let keys = Self.configKeys(for: registry)
        if let helpers = config["credHelpers"] as? [String: Any] {
            for key in keys {
                if let helper = helpers[key] as? String, !helper.isEmpty { return try runHelper(helper, server: key) }
            }
        }
        let auths = config["auths"] as? [String: Any] ?? [:]
        if let store = config["credsStore"] as? String, !store.isEmpty {
            for key in keys {
                if let found = try runHelper(store, server: key) { return found }
            }
        }
        for key in keys {
            guard let entry = auths[key] as? [String: Any] else { continue }
            if let token = entry["identitytoken"] as? String, !token.isEmpty {
                return RegistryCredentials(username: "<token>", secret: token)
            }
            if let auth = entry["auth"] as? String, !auth.isEmpty {
                guard let decoded = Data(base64Encoded: auth), let text = String(data: decoded, encoding: .utf8),
                    let colon = text.firstIndex(of: ":")
                else {
                    throw BulwarkError(.invalidInput, "\(configPath): the auth entry for \(key) is not base64 of user:password")
                }
                return RegistryCredentials(username: String(text[..<colon]), secret: String(text[text.index(after: colon)...]))
            }
            if let user = entry["username"] as? String, let password = entry["password"] as? String {
                return RegistryCredentials(username: user, secret: password)
            }
        }
        return nil
    }

    /// The keys Docker may have stored a registry under.
    static func configKeys(for registry: String) -> [String] {
        if registry == ImageReference.dockerHub {
            return ["https://index.docker.io/v1/", "index.docker.io", "docker.io", "https://index.docker.io/v1", "registry-1.docker.io"]
        }
        return [registry, "https://" + registry, "http://" + registry, "https://" + registry + "/", "https://" + registry + "/v1/", "https://" + registry + "/v2/"]
    }

    private func loadConfig() throws(BulwarkError) -> [String: Any]? {
        let path = configPath
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BulwarkError(.io, "\(path): cannot read the Docker config")
        }
        guard data.count <= 4 << 20, let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw BulwarkError(.invalidInput, "\(path): not a valid Docker config.json", hint: "fix or move the file, or pass --username/--password-stdin")
        }
        return object
    }

    /// Runs `docker-credential-<helper> get`; nil when the helper knows no credentials for `server`.
    private func runHelper(_ helper: String, server: String) throws(BulwarkError) -> RegistryCredentials? {
        guard helper.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
            throw BulwarkError(.invalidInput, "\(configPath): invalid credential helper name '\(helper.prefix(60))'")
        }
        let program = "docker-credential-" + helper
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program, "get"]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw BulwarkError(.environment, "cannot run \(program): \(error.localizedDescription)", hint: "install the credential helper or remove it from \(configPath)")
        }
        input.fileHandleForWriting.write(Data(server.utf8))
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(helperTimeout)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            throw BulwarkError(.environment, "\(program) did not answer within \(Int(helperTimeout)) s")
        }
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile().prefix(300), as: UTF8.self)
            let stdout = String(decoding: outputData.prefix(300), as: UTF8.self)
            if (message + stdout).localizedCaseInsensitiveContains("credentials not found") { return nil }
            throw BulwarkError(.environment, "\(program) failed for \(server) (exit \(process.terminationStatus))")
        }
        guard let object = try? JSONSerialization.jsonObject(with: outputData) as? [String: Any],
            let user = object["Username"] as? String, let secret = object["Secret"] as? String
        else {
            throw BulwarkError(.environment, "\(program) answered with something that is not a credential")
        }
        return RegistryCredentials(username: user, secret: secret)
    }
}
