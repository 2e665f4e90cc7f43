import BulwarkCore
import Foundation

/// Reads a saved scan report (`bulwark image --format json`) back, for `bulwark convert`.
///
/// Refuses, with one line naming the file and the problem: bytes that are not JSON; JSON that is
/// another kind of document (a Bulwark SBOM, CycloneDX, SPDX, SARIF, GitLab…, named when recognized);
/// a report whose `schemaVersion` is newer than this Bulwark reads; and a report with missing or
/// mistyped fields (naming the field).
public enum ScanReportReader {
    /// The newest scan report schema this build reads.
    public static let supportedSchemaVersion = 1
    /// Reports larger than this are refused rather than read into memory.
    public static let maxSize = 1 << 30

    /// Decodes `bytes` read from `file` (the name used in errors).
    public static func read(_ bytes: [UInt8], file: String) throws(BulwarkError) -> ScanReport {
        guard bytes.count <= maxSize else {
            throw BulwarkError(.limitExceeded, "\(file): \(bytes.count) bytes is larger than the \(maxSize >> 20) MiB a scan report may have")
        }
        let data = Data(bytes)
        let top: Any
        do {
            top = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw BulwarkError.invalid(file, "not JSON (\(Self.reason(error))); expected a Bulwark scan report (bulwark image --format json)")
        }
        guard let object = top as? [String: Any] else {
            throw BulwarkError.invalid(file, "a JSON \(top is [Any] ? "array" : "value"), not a Bulwark scan report (a JSON object)")
        }
        if let kind = Self.otherKind(object) {
            throw BulwarkError.invalid(file, "\(kind), not a Bulwark scan report: convert re-renders the JSON of `bulwark image --format json`")
        }
        guard let version = object["schemaVersion"] as? Int else {
            throw BulwarkError.invalid(file, "no integer schemaVersion: not a Bulwark scan report")
        }
        guard version <= supportedSchemaVersion, version >= 1 else {
            throw BulwarkError(
                .unsupported, "\(file): scan report schemaVersion \(version) is not supported (this Bulwark reads version \(supportedSchemaVersion))",
                hint: version > supportedSchemaVersion ? "upgrade Bulwark to read reports written by newer versions" : nil)
        }
        do {
            return try JSONDecoder().decode(ScanReport.self, from: data)
        } catch let error as DecodingError {
            throw BulwarkError.invalid(file, "not a valid Bulwark scan report: \(Self.describe(error))")
        } catch {
            throw BulwarkError.invalid(file, "not a valid Bulwark scan report: \(error)")
        }
    }

    /// Names a recognized non-report document.
    static func otherKind(_ object: [String: Any]) -> String? {
        if object["bomFormat"] as? String == "CycloneDX" { return "a CycloneDX document" }
        if object["spdxVersion"] != nil { return "an SPDX document" }
        if object["runs"] != nil, object["version"] as? String == "2.1.0" || object["$schema"] != nil { return "a SARIF log" }
        if object["scan"] != nil, object["vulnerabilities"] != nil { return "a GitLab security report" }
        if object["@context"] as? String != nil, object["statements"] != nil { return "an OpenVEX document" }
        if object["packages"] != nil, object["findings"] == nil { return "a Bulwark SBOM (bulwark sbom --format json)" }
        return nil
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let components = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
            return components.isEmpty ? "top level" : String(components.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing field \(parent == "top level" ? key.stringValue : parent + "." + key.stringValue)"
        case .typeMismatch(_, let context): return "wrong type at \(path(context))"
        case .valueNotFound(_, let context): return "null at \(path(context))"
        case .dataCorrupted(let context): return "invalid value at \(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    private static func reason(_ error: any Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        return String(text.prefix(120))
    }
}
