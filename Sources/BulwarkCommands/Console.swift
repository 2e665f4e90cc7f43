import BulwarkCore
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Terminal facts and the stderr channel: results go to stdout, everything else to stderr.
enum Console {
    /// Whether colors may be used on a stream: a TTY, and NO_COLOR unset.
    static func colorsAllowed(fileDescriptor: Int32) -> Bool {
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
        return isatty(fileDescriptor) == 1
    }

    /// Whether progress may be shown (stderr is a terminal).
    static var progressAllowed: Bool { isatty(2) == 1 }

    /// Writes a line to standard error.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Rewrites one progress line on a terminal's stderr.
    static func progress(_ text: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    /// Builds the logger for a command: stderr, level from --quiet/--debug.
    static func logger(quiet: Bool, debug: Bool) -> Logger {
        var logger = Logger(label: "bulwark") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = debug ? .debug : (quiet ? .error : .notice)
        return logger
    }

    /// Writes results to `path` (atomically: a temporary file next to it, then a rename) or stdout.
    /// The bytes go straight from the array to the descriptor, never copied (reports can be tens of MB).
    static func emit(_ bytes: [UInt8], to path: String?) throws(BulwarkError) {
        guard let path else {
            guard writeAll(bytes, to: 1) else { throw BulwarkError(.io, "cannot write to standard output: \(errnoText())") }
            return
        }
        let temporary = path + ".bulwark-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BulwarkError(.io, "\(path): cannot write output (\(errnoText()))") }
        let written = writeAll(bytes, to: descriptor)
        let reason = errnoText()
        guard close(descriptor) == 0, written else {
            unlink(temporary)
            throw BulwarkError(.io, "\(path): cannot write output (\(reason))")
        }
        guard rename(temporary, path) == 0 else {
            let reason = errnoText()
            unlink(temporary)
            throw BulwarkError(.io, "\(path): cannot write output (\(reason))")
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, base + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
