import AsyncHTTPClient
import BulwarkCore
import Foundation
import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns socket, transport and HTTP failures into `BulwarkError`s that name the socket and say what to do.
enum EngineFailure {
    static func startHint(_ endpoint: EngineEndpoint) -> String {
        switch endpoint.kind {
        case .docker:
            return "start the Docker daemon (`sudo systemctl start docker`), point DOCKER_HOST at a running one, or choose another engine with --image-src"
        case .podman:
            return "start Podman's API service (`systemctl --user start podman.socket`, or `podman system service --time=0 unix://\(endpoint.socketPath)`), or choose another engine with --image-src"
        }
    }

    static func permissionHint(_ endpoint: EngineEndpoint) -> String {
        switch endpoint.kind {
        case .docker:
            return "add your user to the docker group (`sudo usermod -aG docker $USER`, then log in again), run as root, or use rootless Podman (--image-src podman)"
        case .podman:
            return "use your own rootless socket ($XDG_RUNTIME_DIR/podman/podman.sock, started by `systemctl --user start podman.socket`) or run as root"
        }
    }

    /// Checks that the socket exists, is a socket and is accessible, before any connection attempt.
    static func preflight(_ endpoint: EngineEndpoint) throws(BulwarkError) {
        let path = endpoint.socketPath
        var info = stat()
        if stat(path, &info) != 0 {
            let code = errno
            if code == EACCES {
                throw BulwarkError(.io, "\(endpoint): permission denied reaching the socket", hint: permissionHint(endpoint))
            }
            throw BulwarkError(.io, "\(endpoint): no socket there (from \(endpoint.origin)); the daemon is not running", hint: startHint(endpoint))
        }
        guard (info.st_mode & S_IFMT) == S_IFSOCK else {
            throw BulwarkError(.io, "\(endpoint): not a unix socket", hint: "point DOCKER_HOST (or CONTAINER_HOST) at the engine's socket, e.g. unix:///var/run/docker.sock")
        }
        if access(path, R_OK | W_OK) != 0 && errno == EACCES {
            throw BulwarkError(.io, "\(endpoint): permission denied on the socket", hint: permissionHint(endpoint))
        }
    }

    /// A transport failure while talking to `endpoint` about `subject`.
    static func transport(_ error: any Error, endpoint: EngineEndpoint, subject: String, timeouts: EngineTimeouts) -> BulwarkError {
        if let error = error as? BulwarkError { return error }
        if let error = error as? HTTPClientError {
            if error == .connectTimeout {
                return BulwarkError(.io, "\(endpoint): timed out connecting after \(timeouts.connect) (\(subject))", hint: startHint(endpoint))
            }
            if error == .readTimeout {
                return BulwarkError(.io, "\(endpoint): no data for \(timeouts.idle) while \(subject); the daemon stopped answering", hint: "retry, or raise the timeout with --engine-timeout")
            }
            if error == .deadlineExceeded {
                return BulwarkError(.io, "\(endpoint): no answer within \(timeouts.request) while \(subject)", hint: "check the daemon is healthy, or raise the timeout with --engine-timeout")
            }
            if error == .remoteConnectionClosed {
                return BulwarkError(.io, "\(endpoint): the daemon closed the connection while \(subject)", hint: "check the daemon's log; retry")
            }
        }
        let text = String(describing: error)
        if let errnoCode = errnoCode(of: error) ?? errnoCode(in: text) {
            if errnoCode == ECONNREFUSED || errnoCode == ENOENT {
                return BulwarkError(.io, "\(endpoint): connection refused; the daemon is not running", hint: startHint(endpoint))
            }
            if errnoCode == EACCES || errnoCode == EPERM {
                return BulwarkError(.io, "\(endpoint): permission denied on the socket", hint: permissionHint(endpoint))
            }
        }
        return BulwarkError(.io, "\(endpoint): \(subject) failed: \(text)", hint: startHint(endpoint))
    }

    static func errnoCode(of error: any Error) -> Int32? {
        if let error = error as? IOError { return error.errnoCode }
        return nil
    }

    /// NIO wraps connect failures (`NIOConnectionError`) around IOErrors; their text carries the errno meaning.
    static func errnoCode(in text: String) -> Int32? {
        if text.contains("Connection refused") || text.contains("ECONNREFUSED") { return ECONNREFUSED }
        if text.contains("Permission denied") || text.contains("EACCES") { return EACCES }
        if text.contains("No such file") || text.contains("ENOENT") { return ENOENT }
        return nil
    }

    /// The daemon's `{"message": "…"}` from an error body, shortened to one line.
    static func daemonMessage(_ body: [UInt8]) -> String? {
        struct Message: Decodable { var message: String? }
        guard let decoded = try? JSONDecoder().decode(Message.self, from: Data(body)), let message = decoded.message, !message.isEmpty else {
            let text = String(decoding: body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text.replacingOccurrences(of: "\n", with: " ")
        }
        return String(message.prefix(500)).replacingOccurrences(of: "\n", with: " ")
    }
}
