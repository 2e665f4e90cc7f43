import BulwarkCore
import Foundation

/// Decodes untrusted JSON documents into model types, turning every failure into a one-line error.
public enum JSONInput {
    /// The largest JSON document (manifest, index, config) Bulwark accepts.
    public static let maxDocumentSize = 8 << 20

    /// Decodes `bytes` as `T`; `label` names the document in errors.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], label: String) throws(BulwarkError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw BulwarkError.invalid(label, "not a valid \(Self.describe(T.self)) (\(Self.describe(error)))")
        } catch {
            throw BulwarkError.invalid(label, "not valid JSON")
        }
    }

    private static func describe<T>(_ type: T.Type) -> String {
        switch type {
        case is ImageIndex.Type: return "image index"
        case is ImageManifest.Type: return "image manifest"
        case is ImageConfiguration.Type: return "image config"
        case is [DockerArchiveManifestEntry].Type: return "docker manifest.json"
        default: return "JSON document"
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not JSON" }
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context): return "missing '\(path(context.codingPath + [key]))'"
        case .typeMismatch(_, let context): return "wrong type at '\(path(context.codingPath))'"
        case .valueNotFound(_, let context): return "null at '\(path(context.codingPath))'"
        @unknown default: return "undecodable"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
