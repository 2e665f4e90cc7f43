import ArgumentParser
import BulwarkCore
import BulwarkReport
import Foundation

/// Options of the report formats that need more than the report: `--dockerfile` (SARIF locations) and
/// `--template` (`--format template`). Shared by `bulwark image` and `bulwark convert`.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Dockerfile of the image: SARIF results point at the line that installed each package.", valueName: "PATH"))
    var dockerfile: String?

    @Option(help: ArgumentHelp("Mustache template for --format template (see docs for the values it can use).", valueName: "FILE"))
    var template: String?

    /// Largest Dockerfile or template read.
    static let maxTextFileSize = 16 << 20

    /// Checks that `--template` and `--format template` go together.
    func validate(format: ReportFormat) throws {
        if format == .template && template == nil { throw ValidationError("--format template needs --template FILE") }
        if template != nil && format != .template { throw ValidationError("--template is only used with --format template") }
    }

    /// The render settings, with the Dockerfile and template read from disk.
    func settings(failOn: Severity?) throws(BulwarkError) -> ReportRenderSettings {
        ReportRenderSettings(
            dockerfile: try dockerfile.map { path throws(BulwarkError) in try Self.readText(path, what: "Dockerfile") },
            failOn: failOn,
            template: try template.map { path throws(BulwarkError) in try Self.readText(path, what: "template") })
    }

    /// Reads a small UTF-8 text file, refusing missing, oversized and non-UTF-8 files with one line.
    static func readText(_ path: String, what: String) throws(BulwarkError) -> NamedText {
        let bytes = try readFile(path, limit: maxTextFileSize, what: what)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw BulwarkError.invalid(path, "the \(what) is not UTF-8 text")
        }
        return NamedText(path: path, text: text)
    }

    /// Reads a regular file of at most `limit` bytes.
    static func readFile(_ path: String, limit: Int, what: String) throws(BulwarkError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw BulwarkError(.notFound, "\(path): no such \(what) file")
        }
        guard !isDirectory.boolValue else { throw BulwarkError.invalid(path, "is a directory, not a \(what) file") }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limit else {
            throw BulwarkError(.limitExceeded, "\(path): \(size) bytes is larger than the \(limit >> 20) MiB a \(what) may have")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw BulwarkError(.io, "\(path): cannot read the \(what) file") }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw BulwarkError(.io, "\(path): cannot read the \(what) file (\(error.localizedDescription))")
        }
        guard data.count <= limit else {
            throw BulwarkError(.limitExceeded, "\(path): larger than the \(limit >> 20) MiB a \(what) may have")
        }
        return Array(data)
    }
}
