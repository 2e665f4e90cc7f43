/// PHP's `version_compare`, on bytes: the string is canonicalized (`-`, `_`, `+` and other
/// non-alphanumerics become `.`, and a `.` is put between digits and letters), then compared part by
/// part: numbers numerically, words by their special-form rank (`dev` < `alpha`/`a` < `beta`/`b` <
/// `RC`/`rc` < number < `pl`/`p`; any other word below `dev`).
enum PHPVersionCompare {
    private static let numberForm: [UInt8] = Array("#N#".utf8)

    /// -1, 0 or 1.
    static func compare(_ lhs: ArraySlice<UInt8>, _ rhs: ArraySlice<UInt8>) -> Int {
        if lhs.isEmpty || rhs.isEmpty {
            if lhs.isEmpty && rhs.isEmpty { return 0 }
            return lhs.isEmpty ? -1 : 1
        }
        let left = lhs.first == UInt8(ascii: "#") ? Array(lhs) : canonicalize(lhs)
        let right = rhs.first == UInt8(ascii: "#") ? Array(rhs) : canonicalize(rhs)
        var p1 = 0, p2 = 0
        // Whether the part compared last was followed by a '.' (C's `n1 != NULL`, `n2 != NULL`).
        var more1 = true, more2 = true
        var order = 0
        while p1 < left.count, p2 < right.count, more1, more2 {
            let n1 = left[p1...].firstIndex(of: UInt8(ascii: "."))
            let n2 = right[p2...].firstIndex(of: UInt8(ascii: "."))
            more1 = n1 != nil
            more2 = n2 != nil
            let part1 = left[p1..<(n1 ?? left.count)]
            let part2 = right[p2..<(n2 ?? right.count)]
            let digit1 = part1.first?.isASCIIDigit ?? false
            let digit2 = part2.first?.isASCIIDigit ?? false
            if digit1 && digit2 {
                order = threeWay(strtol(part1), strtol(part2))
            } else if !digit1 && !digit2 {
                order = threeWay(specialForm(part1), specialForm(part2))
            } else if digit1 {
                order = threeWay(specialForm(numberForm[...]), specialForm(part2))
            } else {
                order = threeWay(specialForm(part1), specialForm(numberForm[...]))
            }
            if order != 0 { break }
            if let n1 { p1 = n1 + 1 }
            if let n2 { p2 = n2 + 1 }
        }
        if order == 0 {
            if more1 {
                if p1 < left.count, left[p1].isASCIIDigit { return 1 }
                return compare(left[p1...], numberForm[...])
            } else if more2 {
                if p2 < right.count, right[p2].isASCIIDigit { return -1 }
                return compare(numberForm[...], right[p2...])
            }
        }
        return order
    }

    /// `strtol` of a run of digits, saturating at `Int64.max`.
    private static func strtol(_ digits: ArraySlice<UInt8>) -> UInt64 {
        let end = digits.firstIndex { !$0.isASCIIDigit } ?? digits.endIndex
        let value = DecimalNumber(digits: digits[digits.startIndex..<end])
        guard let small = value.uint64Value, small <= UInt64(Int64.max) else { return UInt64(Int64.max) }
        return small
    }

    /// The rank of a word part (prefix match, as PHP does).
    private static func specialForm(_ part: ArraySlice<UInt8>) -> Int {
        let forms: [(String, Int)] = [("dev", 0), ("alpha", 1), ("a", 1), ("beta", 2), ("b", 2), ("RC", 3), ("rc", 3), ("#", 4), ("pl", 5), ("p", 5)]
        for (name, rank) in forms where part.starts(with: name.utf8) { return rank }
        return -1
    }

    /// PHP's `php_canonicalize_version`.
    static func canonicalize(_ version: ArraySlice<UInt8>) -> [UInt8] {
        guard let first = version.first else { return [] }
        var result: [UInt8] = [first]
        result.reserveCapacity(version.count * 2)
        var previous = first
        func isDig(_ byte: UInt8) -> Bool { byte.isASCIIDigit }
        func isNonDig(_ byte: UInt8) -> Bool { !byte.isASCIIDigit && byte != UInt8(ascii: ".") }
        let dot = UInt8(ascii: ".")
        for byte in version.dropFirst() {
            let lastOut = result[result.count - 1]
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+") {
                if lastOut != dot { result.append(dot) }
            } else if (isNonDig(previous) && isDig(byte)) || (isDig(previous) && isNonDig(byte)) {
                if lastOut != dot { result.append(dot) }
                result.append(byte)
            } else if !byte.isASCIIAlphanumeric {
                if lastOut != dot { result.append(dot) }
            } else {
                result.append(byte)
            }
            previous = byte
        }
        return result
    }
}
