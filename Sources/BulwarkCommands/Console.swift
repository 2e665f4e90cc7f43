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

    /// Writes results to `path` (atomically) or stdout.
    static func emit(_ bytes: [UInt8], to path: String?) throws(BulwarkError) {
        if let path {
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw BulwarkError(.io, "\(path): cannot write output (\(error.localizedDescription))")
            }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
