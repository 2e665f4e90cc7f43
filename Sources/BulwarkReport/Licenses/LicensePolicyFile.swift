import BulwarkCore
import BulwarkLicense
import Foundation
import Yams

/// Reads a license policy (`--license-policy FILE`), YAML or JSON:
///
/// ```yaml
/// categories:            # SPDX id → category, overriding the defaults
///   LGPL-2.1-only: reciprocal
/// allowed: [MPL-2.0]     # always permissive
/// forbidden: [AGPL-3.0-only, SSPL-1.0]
/// ```
public enum LicensePolicyFile {
    /// The policy in the file at `path`; throws naming the file and the problem.
    public static func load(path: String) throws(BulwarkError) -> LicensePolicy {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BulwarkError(.notFound, "\(path): cannot read the license policy")
        }
        guard data.count <= 1 << 20 else { throw BulwarkError(.limitExceeded, "\(path): a license policy over 1 MiB is not plausible") }
        do {
            return try YAMLDecoder().decode(LicensePolicy.self, from: String(decoding: data, as: UTF8.self))
        } catch let error as DecodingError {
            throw BulwarkError.invalid(path, "not a license policy: \(Self.describe(error))")
        } catch {
            throw BulwarkError.invalid(path, "not a license policy: \(error)")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : "\(path): ") + context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
}
