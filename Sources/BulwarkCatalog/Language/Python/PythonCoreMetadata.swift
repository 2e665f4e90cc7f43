/// The fields Bulwark reads from Python core metadata (`METADATA`, `PKG-INFO`): RFC 822-style headers,
/// continuation lines starting with whitespace, the body after the first blank line ignored.
public struct PythonCoreMetadata: Sendable, Equatable {
    /// `Name:` as written.
    public var name: String?
    /// `Version:`.
    public var version: String?
    /// `License-Expression:` (metadata 2.4).
    public var licenseExpression: String?
    /// `License:`, continuation lines joined with `\n`.
    public var license: String?
    /// Every `Classifier:` value.
    public var classifiers: [String] = []
    /// Every `Requires-Dist:` value.
    public var requiresDist: [String] = []

    /// Creates empty metadata.
    public init() {}

    /// Parses the header block of `text`.
    public static func parse(_ text: String) -> PythonCoreMetadata {
        var metadata = PythonCoreMetadata()
        var currentKey: Substring?
        var currentValue = ""
        func flush() {
            guard let key = currentKey else { return }
            let value = currentValue.strippedOfBlanks
            switch key.lowercased() {
            case "name": metadata.name = value
            case "version": metadata.version = value
            case "license-expression": metadata.licenseExpression = value
            case "license": metadata.license = value
            case "classifier": metadata.classifiers.append(value)
            case "requires-dist": metadata.requiresDist.append(value)
            default: break
            }
            currentKey = nil
        }
        for (_, line) in TextDecoding.numberedLines(text) {
            if line.isEmpty {
                // The first blank line ends the headers, except inside an old-style multi-line
                // `Description:` header (metadata 1.x), whose continuation may contain blank lines.
                if currentKey?.lowercased() == "description" { continue }
                if currentKey != nil || metadata.name != nil { break }
                continue
            }
            if line.first == " " || line.first == "\t" {
                if currentKey != nil { currentValue += "\n" + line.strippedOfBlanks }
                continue
            }
            flush()
            guard let colon = line.firstIndex(of: ":") else { continue }
            currentKey = line[..<colon]
            currentValue = String(line[line.index(after: colon)...])
        }
        flush()
        return metadata
    }
}
