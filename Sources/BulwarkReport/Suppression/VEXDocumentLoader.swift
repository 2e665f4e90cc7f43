import BulwarkCore
import Foundation

/// Loads VEX statements from files and directories, recognising OpenVEX, CycloneDX and CSAF.
public enum VEXDocumentLoader {
    /// Documents larger than this are refused (hostile input).
    public static let maximumDocumentSize = 64 << 20

    /// Statements of every document at `paths`: a file, or a directory whose `*.json` files
    /// (recursively, in sorted order) are each a VEX document.
    public static func load(paths: [String]) throws -> [VEXStatement] {
        var statements: [VEXStatement] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw BulwarkError(.notFound, "\(path): VEX document not found")
            }
            if isDirectory.boolValue {
                let files = try documents(in: path)
                guard !files.isEmpty else { throw BulwarkError(.notFound, "\(path): the directory holds no .json VEX documents") }
                for file in files { statements += try load(file: file) }
            } else {
                statements += try load(file: path)
            }
        }
        return statements
    }

    /// Statements of one document file.
    public static func load(file: String) throws -> [VEXStatement] {
        if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size > maximumDocumentSize {
            throw BulwarkError(.limitExceeded, "\(file): VEX document is \(size) bytes, more than the \(maximumDocumentSize) allowed")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw BulwarkError(.io, "\(file): cannot read the VEX document")
        }
        return try parse(data, document: file)
    }

    /// Statements of a document's bytes; `document` names it in errors.
    public static func parse(_ data: Data, document: String) throws -> [VEXStatement] {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw BulwarkError.invalid(document, "not a JSON VEX document: \(jsonProblem(error))")
        }
        guard let object = value as? [String: Any] else {
            throw BulwarkError.invalid(document, "not a VEX document: the top level is not a JSON object")
        }
        if OpenVEXReader.recognizes(object) { return try OpenVEXReader.statements(of: object, document: document) }
        if CycloneDXVEXReader.recognizes(object) { return try CycloneDXVEXReader.statements(of: object, document: document) }
        if CSAFVEXReader.recognizes(object) { return try CSAFVEXReader.statements(of: object, document: document) }
        throw BulwarkError.invalid(
            document, "not a VEX document Bulwark reads: expected OpenVEX (@context openvex), CycloneDX (bomFormat) or CSAF (document.csaf_version)")
    }

    private static func documents(in directory: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw BulwarkError(.io, "\(directory): cannot list the VEX directory")
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.lowercased().hasSuffix(".json") else { continue }
            let full = (directory as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue { files.append(full) }
            guard files.count <= 10_000 else { throw BulwarkError(.limitExceeded, "\(directory): more than 10,000 VEX documents") }
        }
        return files.sorted()
    }

    private static func jsonProblem(_ error: any Error) -> String {
        let info = (error as NSError).userInfo
        return (info[NSDebugDescriptionErrorKey] as? String) ?? "it does not parse"
    }
}
