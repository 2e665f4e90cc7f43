/// A cheap pre-check run before YAML reaches Yams: Yams composes nodes recursively (libyaml allows
/// 1,000 levels), which could exhaust a small thread stack on hostile input. Lockfiles nest a handful
/// of levels, so anything deeper than ``maximumDepth`` — by flow brackets or by block indentation
/// and `- ` sequence markers — is rejected with the line where it happened.
enum YAMLNestingGuard {
    /// The deepest nesting accepted.
    static let maximumDepth = 48

    /// The 1-based line where nesting first exceeds the limit, or nil when the document is shallow.
    static func firstTooDeepLine(_ bytes: [UInt8]) -> Int? {
        var line = 1
        var flowDepth = 0
        var indents: [Int] = []
        var atLineStart = true
        var column = 0
        var quote: UInt8 = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                atLineStart = true
                column = 0
                if quote == 0x27 || quote == 0x22 { quote = 0 }  // quoted scalars rarely span lines here
                index += 1
                continue
            }
            if atLineStart {
                if byte == 0x20 {
                    column += 1
                    index += 1
                    continue
                }
                if byte == 0x2D, index + 1 < count, bytes[index + 1] == 0x20 {  // "- " opens a nested block
                    push(column, &indents)
                    column += 2
                    index += 2
                    if indents.count > maximumDepth { return line }
                    continue
                }
                atLineStart = false
                if byte != 0x23 && byte != 0x0D && flowDepth == 0 {
                    push(column, &indents)
                    if indents.count > maximumDepth { return line }
                }
            }
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else {
                switch byte {
                case 0x27, 0x22: quote = byte
                case 0x5B, 0x7B:
                    flowDepth += 1
                    if flowDepth + indents.count > maximumDepth { return line }
                case 0x5D, 0x7D:
                    if flowDepth > 0 { flowDepth -= 1 }
                default: break
                }
            }
            index += 1
        }
        return nil
    }

    private static func push(_ column: Int, _ indents: inout [Int]) {
        while let last = indents.last, last >= column { indents.removeLast() }
        indents.append(column)
    }
}
