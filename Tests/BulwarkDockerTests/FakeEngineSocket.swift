import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 server on a unix socket that answers each request with a canned response by
/// path (recorded Engine API answers), or stalls, for client tests without a daemon.
final class FakeEngineSocket: @unchecked Sendable {
    /// What to send for one request path.
    enum Reply: Sendable {
        /// Status line code and body, sent in full.
        case respond(status: Int, body: String)
        /// Headers promising `declaredLength` bytes, then `sent` bytes, then silence.
        case stallBody(declaredLength: Int, sent: Int)
        /// Read the request, answer nothing.
        case silence
    }

    let path: String
    private let descriptor: Int32
    private let replies: [String: Reply]
    private let lock = NSLock()
    private var stopped = false
    private var requestLog: [String] = []

    /// Binds and listens on `path`; `listening: false` binds without listening (connections are refused).
    init(path: String, replies: [String: Reply], listening: Bool = true) throws {
        self.path = path
        self.replies = replies
        unlink(path)
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw POSIXError(.ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
        if listening {
            guard listen(descriptor, 16) == 0 else { throw POSIXError(.EIO) }
            let thread = Thread { [self] in serve() }
            thread.start()
        }
    }

    /// Paths requested so far.
    var requests: [String] {
        lock.lock()
        defer { lock.unlock() }
        return requestLog
    }

    /// Stops serving and removes the socket.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        shutdown(descriptor, Int32(SHUT_RDWR))
        close(descriptor)
        unlink(path)
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func serve() {
        while !isStopped {
            let connection = accept(descriptor, nil, nil)
            if connection < 0 { return }
            let thread = Thread { [self] in handle(connection) }
            thread.start()
        }
    }

    private func handle(_ connection: Int32) {
        defer { close(connection) }
        var request: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !request.containsHeaderEnd {
            let count = read(connection, &chunk, chunk.count)
            if count <= 0 { return }
            request += chunk[0..<count]
            if request.count > 1 << 20 { return }
        }
        let line = String(decoding: request.prefix { $0 != 0x0D }, as: UTF8.self)
        let parts = line.split(separator: " ")
        let target = parts.count > 1 ? String(parts[1]) : "/"
        let path = String(target.split(separator: "?", maxSplits: 1).first ?? "")
        lock.lock()
        requestLog.append(target)
        lock.unlock()
        switch replies[path] ?? .respond(status: 404, body: #"{"message":"page not found"}"#) {
        case .respond(let status, let body):
            let data = Array(body.utf8)
            send(connection, "HTTP/1.1 \(status) X\r\nContent-Type: application/json\r\nContent-Length: \(data.count)\r\nConnection: close\r\n\r\n")
            _ = data.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
        case .stallBody(let declared, let sent):
            send(connection, "HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\nContent-Length: \(declared)\r\n\r\n")
            let data = [UInt8](repeating: 0x61, count: sent)
            _ = data.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
            while !isStopped { usleep(50_000) }
        case .silence:
            while !isStopped { usleep(50_000) }
        }
    }

    private func send(_ connection: Int32, _ text: String) {
        let data = Array(text.utf8)
        _ = data.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
    }
}

extension Array where Element == UInt8 {
    fileprivate var containsHeaderEnd: Bool {
        guard count >= 4 else { return false }
        for index in 0...(count - 4) where self[index] == 0x0D && self[index + 1] == 0x0A && self[index + 2] == 0x0D && self[index + 3] == 0x0A {
            return true
        }
        return false
    }
}
