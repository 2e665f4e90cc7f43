/// A cheap guard run before handing a document to a recursive parser (Foundation's JSON, Yams):
/// measures how deeply brackets nest outside quoted strings, so hostile input is refused with a
/// warning instead of exhausting the stack.
public enum NestingCheck {
    /// The deepest bracket nesting accepted in JSON and YAML flow collections.
    public static let maxBracketDepth = 100
    /// The deepest indentation (in columns) accepted in YAML block collections.
    public static let maxIndentation = 400

    /// The deepest nesting of `[`/`{` outside `"…"` strings (backslash escapes honored).
    public static func bracketDepth(_ bytes: [UInt8]) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                }
                continue
            }
            switch byte {
            case 0x22: inString = true
            case 0x5B, 0x7B:
                depth += 1
                if depth > deepest { deepest = depth }
            case 0x5D, 0x7D: if depth > 0 { depth -= 1 }
            case 0x0A: if !inString { escaped = false }
            default: break
            }
        }
        return deepest
    }

    /// The largest count of leading spaces on any line.
    public static func deepestIndentation(_ bytes: [UInt8]) -> Int {
        var deepest = 0
        var current = 0
        var atLineStart = true
        for byte in bytes {
            if byte == 0x0A {
                atLineStart = true
                current = 0
            } else if atLineStart && (byte == 0x20 || byte == 0x2D) {
                current += 1
                if current > deepest { deepest = current }
            } else {
                atLineStart = false
            }
        }
        return deepest
    }
}
