import Foundation

/// The process's resident memory, for `--debug` phase logs (Linux `/proc/self/status`).
enum ProcessMemory {
    /// "rss 81 MB, peak 84 MB", or an empty string where /proc is not available.
    static func summary() -> String {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "" }
        func megabytes(_ field: String) -> String? {
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
                let kilobytes = line.split(separator: " ").compactMap({ Int($0) }).first
            else { return nil }
            return "\(kilobytes / 1024) MB"
        }
        guard let rss = megabytes("VmRSS"), let peak = megabytes("VmHWM") else { return "" }
        return "rss \(rss), peak \(peak)"
    }
}
