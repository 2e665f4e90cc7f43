import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real CNCF distribution registry (Debian's `docker-registry`) on 127.0.0.1, started for a test
/// with its own storage in a temporary directory, and `skopeo` to push images into it.
public final class LocalRegistry: @unchecked Sendable {
    /// How clients must authenticate.
    public enum Auth: Sendable {
        case anonymous
        /// htpasswd basic auth with one user.
        case basic(user: String, password: String)
        /// Token auth: the registry trusts tokens signed by `certificate` (PEM) and sends clients to `realm`.
        case token(realm: String, service: String, issuer: String, certificatePath: String)
    }

    /// `127.0.0.1:PORT`.
    public let address: String
    /// The temporary directory holding config, storage and htpasswd.
    public let directory: String
    private let process: Process
    private let auth: Auth

    /// The registry program, when installed.
    public static var executable: String? {
        ["/usr/bin/docker-registry", "/usr/bin/registry"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether registry tests can run here (the registry, skopeo and htpasswd are installed).
    public static var isAvailable: Bool {
        executable != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/skopeo")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/htpasswd")
    }

    /// Starts a registry and waits until it answers.
    public init(auth: Auth = .anonymous) throws {
        guard let executable = Self.executable else { throw TestSupportError("docker-registry is not installed") }
        self.auth = auth
        directory = NSTemporaryDirectory() + "bulwark-registry-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/storage", withIntermediateDirectories: true)
        let port = try Self.freePort()
        address = "127.0.0.1:\(port)"
        var authSection = ""
        switch auth {
        case .anonymous:
            break
        case .basic(let user, let password):
            let htpasswd = try Self.run("/usr/bin/htpasswd", ["-Bbn", user, password])
            try Data(htpasswd.utf8).write(to: URL(fileURLWithPath: directory + "/htpasswd"))
            authSection = "auth:\n  htpasswd:\n    realm: bulwark-test\n    path: \(directory)/htpasswd\n"
        case .token(let realm, let service, let issuer, let certificatePath):
            authSection = "auth:\n  token:\n    realm: \(realm)\n    service: \(service)\n    issuer: \(issuer)\n    rootcertbundle: \(certificatePath)\n"
        }
        let config = """
            version: 0.1
            log:
              level: error
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: \(directory)/storage
              delete:
                enabled: true
            http:
              addr: \(address)
            \(authSection)
            """
        try Data(config.utf8).write(to: URL(fileURLWithPath: directory + "/config.yml"))
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["serve", directory + "/config.yml"]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while !Self.accepts(port: port) {
            guard Date() < deadline, process.isRunning else {
                ChildProcess.stop(process)
                throw TestSupportError("docker-registry did not start on \(address)")
            }
            usleep(50_000)
        }
    }

    deinit {
        stop()
    }

    /// Stops the registry and removes its storage.
    public func stop() {
        ChildProcess.stop(process)
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Pushes the image `ref` of the OCI layout at `layout` to `repository:tag` with skopeo
    /// (`--all` keeps multi-platform indexes whole).
    public func push(layout: String, ref: String, to repositoryAndTag: String, credentials: (String, String)? = nil, all: Bool = false) throws {
        var arguments = ["copy", "--quiet", "--dest-tls-verify=false"]
        if all { arguments.append("--all") }
        if let credentials { arguments += ["--dest-creds", "\(credentials.0):\(credentials.1)"] }
        arguments += ["oci:\(layout):\(ref)", "docker://\(address)/\(repositoryAndTag)"]
        _ = try Self.run("/usr/bin/skopeo", arguments)
    }

    /// Runs a program and returns its standard output; throws with its stderr when it fails.
    @discardableResult
    public static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestSupportError("\(program) \(arguments.joined(separator: " ")) failed: \(String(decoding: errorData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A TCP port nothing listens on right now.
    public static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestSupportError("socket failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw TestSupportError("bind failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    public static func accepts(port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

/// A failure of a test fixture.
public struct TestSupportError: Error, CustomStringConvertible {
    public var description: String

    /// Creates an error.
    public init(_ description: String) {
        self.description = description
    }
}

/// Stops child processes without Foundation's `waitUntilExit`, which can block forever inside
/// concurrently running tests: SIGTERM, then SIGKILL after `grace` seconds, reaping with waitpid.
public enum ChildProcess {
    public static func stop(_ process: Process, grace: Double = 5) {
        let pid = process.processIdentifier
        guard pid > 0 else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        var status: Int32 = 0
        while Date() < deadline {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid || (result < 0 && errno == ECHILD) { return }
            if kill(pid, 0) != 0 && errno == ESRCH { return }
            usleep(20_000)
        }
        kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
    }
}
