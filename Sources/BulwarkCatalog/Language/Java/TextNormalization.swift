/// Small text helpers shared by the language readers (no Foundation needed).
extension StringProtocol {
    /// The text without leading and trailing Unicode scalars found in `set` (compared scalar by
    /// scalar, so `"\r\n"` in the set matches lone CRs and LFs too).
    func droppingEdges(in set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        let view = self.unicodeScalars
        var start = view.startIndex, end = view.endIndex
        while start < end, scalars.contains(view[start]) { start = view.index(after: start) }
        while end > start, scalars.contains(view[view.index(before: end)]) { end = view.index(before: end) }
        return String(String.UnicodeScalarView(view[start..<end]))
    }
}

extension String {
    /// The text with CRLF and lone CR turned into LF.
    func withUnixLineEnds() -> String {
        guard utf8.contains(0x0D) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count)
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                out.append("\n")
                previousWasCR = true
            } else {
                if !(scalar == "\n" && previousWasCR) { out.unicodeScalars.append(scalar) }
                previousWasCR = false
            }
        }
        return out
    }
}
