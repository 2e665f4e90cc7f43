import BulwarkCore
import BulwarkTestSupport
import Foundation
import Testing

@testable import BulwarkRegistry

@Suite("Registry credentials")
struct CredentialResolverTests {
    /// A directory holding a Docker config.json with `json`; the caller removes it.
    static func config(_ json: String) throws -> String {
        let directory = NSTemporaryDirectory() + "bulwark-creds-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(json.utf8).write(to: URL(fileURLWithPath: directory + "/config.json"))
        return directory
    }

    @Test("auths entries: base64 user:password, username/password fields, Docker Hub's legacy key")
    func auths() throws {
        let auth = Data("alice:s3cr:et".utf8).base64EncodedString()
        do {
            let directory = try Self.config(#"{"auths":{"registry.example.com:5000":{"auth":"\#(auth)"},"https://index.docker.io/v1/":{"username":"bob","password":"pw"}}}"#)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let resolver = CredentialResolver(environment: ["DOCKER_CONFIG": directory, "HOME": "/nonexistent"])
            #expect(try resolver.credentials(for: "registry.example.com:5000") == RegistryCredentials(username: "alice", secret: "s3cr:et"))
            #expect(try resolver.credentials(for: "docker.io") == RegistryCredentials(username: "bob", secret: "pw"))
            #expect(try resolver.credentials(for: "other.example") == nil)
        }
    }

    @Test("explicit credentials win, then the environment")
    func precedence() throws {
        let explicit = RegistryCredentials(username: "x", secret: "y")
        #expect(try CredentialResolver(explicit: explicit, environment: [:]).credentials(for: "a.io") == explicit)
        let environment = ["BULWARK_REGISTRY_USERNAME": "u", "BULWARK_REGISTRY_PASSWORD": "p", "HOME": "/nonexistent"]
        #expect(try CredentialResolver(environment: environment).credentials(for: "a.io") == RegistryCredentials(username: "u", secret: "p"))
    }

    @Test("credHelpers run docker-credential-<name> get with the server on stdin")
    func credentialHelper() throws {
        do {
            let directory = try Self.config(#"{"credHelpers":{"helper.example":"bulwarktest"},"credsStore":"bulwarkstore"}"#)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            // A real helper program speaking the credential-helper protocol.
            let helper = directory + "/docker-credential-bulwarktest"
            try Data("#!/bin/sh\nread server\necho \"{\\\"ServerURL\\\":\\\"$server\\\",\\\"Username\\\":\\\"helper-user\\\",\\\"Secret\\\":\\\"for-$server\\\"}\"\n".utf8)
                .write(to: URL(fileURLWithPath: helper))
            let store = directory + "/docker-credential-bulwarkstore"
            try Data("#!/bin/sh\nread server\necho 'credentials not found in native keychain'\nexit 1\n".utf8).write(to: URL(fileURLWithPath: store))
            chmod(helper, 0o755)
            chmod(store, 0o755)
            let path = directory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            setenv("PATH", path, 1)
            let resolver = CredentialResolver(environment: ["DOCKER_CONFIG": directory, "HOME": "/nonexistent", "PATH": path])
            #expect(try resolver.credentials(for: "helper.example") == RegistryCredentials(username: "helper-user", secret: "for-helper.example"))
            #expect(try resolver.credentials(for: "unknown.example") == nil)
        }
    }

    @Test("a malformed config or auth entry is a clear error, and secrets never show in descriptions")
    func malformed() throws {
        do {
            let directory = try Self.config("{not json")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            #expect(throws: BulwarkError.self) { try CredentialResolver(environment: ["DOCKER_CONFIG": directory]).credentials(for: "a.io") }
        }
        do {
            let directory = try Self.config(#"{"auths":{"a.io":{"auth":"!!!"}}}"#)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            #expect(throws: BulwarkError.self) { try CredentialResolver(environment: ["DOCKER_CONFIG": directory]).credentials(for: "a.io") }
        }
        #expect(!"\(RegistryCredentials(username: "u", secret: "hunter2"))".contains("hunter2"))
    }
}
