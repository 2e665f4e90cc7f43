import BulwarkCore
import Foundation

/// Typed access to a parsed JSON VEX document whose errors name the file and the JSON path
/// (`app.vex.json: statements[2].status: expected a string`).
struct VEXJSON {
    let document: String

    func object(_ value: Any?, _ pointer: String) throws -> [String: Any] {
        guard let object = value as? [String: Any] else { throw error(pointer, "expected an object") }
        return object
    }

    func array(_ value: Any?, _ pointer: String) throws -> [Any] {
        guard let array = value as? [Any] else { throw error(pointer, "expected a list") }
        return array
    }

    /// An optional list: nil and absent give an empty list.
    func optionalArray(_ value: Any?, _ pointer: String) throws -> [Any] {
        if value == nil || value is NSNull { return [] }
        return try array(value, pointer)
    }

    func string(_ value: Any?, _ pointer: String) throws -> String {
        guard let text = value as? String, !text.isEmpty else {
            throw error(pointer, value == nil ? "missing required field" : "expected a non-empty string")
        }
        return text
    }

    func optionalString(_ value: Any?, _ pointer: String) throws -> String? {
        if value == nil || value is NSNull { return nil }
        guard let text = value as? String else { throw error(pointer, "expected a string") }
        return text.isEmpty ? nil : text
    }

    func error(_ pointer: String, _ problem: String) -> BulwarkError {
        BulwarkError.invalid("\(document): \(pointer)", problem)
    }
}
