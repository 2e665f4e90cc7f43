import BulwarkDocker
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A real `podman system service` on a socket in a temp dir, with its own storage (vfs driver),
/// for tests: started per test, stopped (containers removed, service terminated) at the end.
///
/// Needs root, podman, runc (crun refuses cgroup v1/hybrid hosts) and busybox-static for a real
/// binary inside test images.
final class PodmanHarness: @unchecked Sendable {
    static let podman = "/usr/bin/podman"
    static let busybox = "/bin/busybox"

    /// Whether everything the tests need is here.
    static var available: Bool {
        let files = FileManager.default
        return geteuid() == 0 && files.isExecutableFile(atPath: podman) && files.isExecutableFile(atPath: busybox)
            && (files.isExecutableFile(atPath: "/usr/sbin/runc") || files.isExecutableFile(atPath: "/usr/bin/runc"))
    }

    static var enabled: Bool { available || ProcessInfo.processInfo.environment["CI"] == "true" }

    let directory: String
    let socketPath: String
    private let servicePID: pid_t

    var globalArguments: [String] {
        [
            "--root", directory + "/root", "--runroot", directory + "/run", "--tmpdir", directory + "/tmp", "--storage-driver", "vfs",
            "--cgroup-manager", "cgroupfs", "--runtime", "runc", "--events-backend", "file",
        ]
    }

    /// Starts the service and waits (up to 30 s) until it answers `/_ping`.
    init() async throws {
        let directory = "/tmp/bwpm-" + String(UUID().uuidString.prefix(8))
        self.directory = directory
        socketPath = directory + "/podman.sock"
        try FileManager.default.createDirectory(atPath: directory + "/tmp", withIntermediateDirectories: true)
        let global = [
            "--root", directory + "/root", "--runroot", directory + "/run", "--tmpdir", directory + "/tmp", "--storage-driver", "vfs",
            "--cgroup-manager", "cgroupfs", "--runtime", "runc", "--events-backend", "file",
        ]
        servicePID = try Self.spawn(global + ["system", "service", "--time=0", "unix://" + socketPath], output: directory + "/service.log")
        let client = DockerEngineClient(endpoint: EngineEndpoint(kind: .podman, socketPath: socketPath), timeouts: EngineTimeouts(connect: .seconds(2), request: .seconds(5)))
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            if FileManager.default.fileExists(atPath: socketPath), (try? await client.ping()) != nil { break }
            if ContinuousClock.now > deadline || Self.exitStatus(of: servicePID, wait: false) != nil {
                let output = (try? String(contentsOfFile: directory + "/service.log", encoding: .utf8)) ?? ""
                stop()
                throw HarnessError("podman system service did not start: \(output.suffix(2000))")
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// A client for the service.
    func client(timeouts: EngineTimeouts = EngineTimeouts(connect: .seconds(5), request: .seconds(30), idle: .seconds(30), transfer: .seconds(120))) -> DockerEngineClient {
        DockerEngineClient(endpoint: EngineEndpoint(kind: .podman, socketPath: socketPath, origin: "test"), timeouts: timeouts)
    }

    /// Runs the podman CLI against the same storage; returns its output, throwing on failure or timeout.
    ///
    /// `posix_spawn` + `waitpid`, not Foundation's `Process`: `podman run -d` leaves conmon behind, and
    /// Process would wait for it too.
    @discardableResult
    func run(_ arguments: [String], timeout: Duration = .seconds(90)) async throws -> String {
        let outputPath = directory + "/cli-\(UUID().uuidString).log"
        let pid = try Self.spawn(globalArguments + arguments, output: outputPath)
        let deadline = ContinuousClock.now + timeout
        var status: Int32?
        while status == nil {
            status = Self.exitStatus(of: pid, wait: false)
            if status == nil {
                if ContinuousClock.now > deadline {
                    kill(pid, SIGKILL)
                    _ = Self.exitStatus(of: pid, wait: true)
                    throw HarnessError("podman \(arguments.joined(separator: " ")) timed out")
                }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw HarnessError("podman \(arguments.joined(separator: " ")) failed (\(status ?? -1)): \(output.suffix(2000))")
        }
        return output
    }

    /// Removes every container, stops the service and deletes the storage.
    func stop() {
        if let pid = try? Self.spawn(globalArguments + ["rm", "--all", "--force", "--time", "0"], output: directory + "/cleanup.log") {
            let deadline = ContinuousClock.now + .seconds(60)
            while Self.exitStatus(of: pid, wait: false) == nil {
                if ContinuousClock.now > deadline {
                    kill(pid, SIGKILL)
                    _ = Self.exitStatus(of: pid, wait: true)
                    break
                }
                usleep(50_000)
            }
        }
        kill(servicePID, SIGTERM)
        let deadline = ContinuousClock.now + .seconds(10)
        while Self.exitStatus(of: servicePID, wait: false) == nil {
            if ContinuousClock.now > deadline {
                kill(servicePID, SIGKILL)
                _ = Self.exitStatus(of: servicePID, wait: true)
                break
            }
            usleep(50_000)
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Starts podman with `arguments`, stdout and stderr to `output`, stdin from /dev/null.
    static func spawn(_ arguments: [String], output: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([podman] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, podman, &actions, nil, argv, environ)
        guard result == 0 else { throw HarnessError("cannot start podman: error \(result)") }
        return pid
    }

    /// The exit status of `pid` once it ended (reaping it), nil while it runs.
    static func exitStatus(of pid: pid_t, wait: Bool) -> Int32? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, wait ? 0 : WNOHANG)
        if result == 0 { return nil }
        if result < 0 { return -1 }
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
