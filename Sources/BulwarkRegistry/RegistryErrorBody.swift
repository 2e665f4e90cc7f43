import Foundation

/// The JSON error body of the distribution spec: `{"errors":[{"code":"…","message":"…","detail":…}]}`.
struct RegistryErrorBody {
    /// `CODE: message` of each error, at most three.
    var summaries: [String]
    /// The first error code (`UNAUTHORIZED`, `MANIFEST_UNKNOWN`, `TOOMANYREQUESTS`, …).
    var firstCode: String?

    init?(_ bytes: [UInt8]) {
        guard !bytes.isEmpty, bytes.count <= 1 << 20,
            let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            let errors = object["errors"] as? [[String: Any]], !errors.isEmpty
        else { return nil }
        summaries = errors.prefix(3).map { error in
            let code = error["code"] as? String ?? "ERROR"
            let message = (error["message"] as? String).map { String($0.prefix(200)) } ?? ""
            return message.isEmpty ? code : "\(code): \(message)"
        }
        firstCode = errors.first?["code"] as? String
    }
}
