/// Small text helpers shared by the license parsers; byte-level so huge input stays cheap.
enum LicenseText {
    /// `text` with runs of whitespace (including newlines) collapsed to one space and trimmed.
    static func collapsingWhitespace(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `byte` may appear in an SPDX idstring (`[A-Za-z0-9.-]`).
    static func isIDByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x2E || byte == 0x2D
    }

    /// `text` reduced to an SPDX idstring: runs of other characters become one `-`, trimmed of `-`,
    /// at most 64 bytes; `"unknown"` when nothing is left.
    static func idstring(_ text: String) -> String {
        var out: [UInt8] = []
        for byte in text.utf8 {
            if isIDByte(byte) {
                out.append(byte)
            } else if out.last != 0x2D {
                out.append(0x2D)
            }
            if out.count >= 64 { break }
        }
        while out.last == 0x2D { out.removeLast() }
        while out.first == 0x2D { out.removeFirst() }
        return out.isEmpty ? "unknown" : String(decoding: out, as: UTF8.self)
    }
}
