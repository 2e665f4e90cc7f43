/// Picks newer tags of a base image's repository that are drop-in replacements for the current one:
/// the same shape (`12.5-slim` → `12.7-slim`, `3.19.1` → `3.19.4`, `3.21.2`), never a different variant
/// (`-slim` stays `-slim`) and never a different number of version components.
public enum BaseTagSelector {
    /// A tag's leading dotted number and the rest (`12.5-slim` → ([12, 5], "-slim")); nil without a number.
    static func parse(_ tag: String) -> (numbers: [Int], suffix: Substring)? {
        var numbers: [Int] = []
        var index = tag.startIndex
        while index < tag.endIndex {
            let digits = tag[index...].prefix(while: \.isASCII).prefix(while: \.isNumber)
            guard !digits.isEmpty, digits.count <= 9, let value = Int(digits) else { break }
            numbers.append(value)
            index = digits.endIndex
            guard index < tag.endIndex, tag[index] == ".", tag.index(after: index) < tag.endIndex, tag[tag.index(after: index)].isNumber else { break }
            index = tag.index(after: index)
        }
        guard !numbers.isEmpty else { return nil }
        return (numbers, tag[index...])
    }

    /// Up to `limit` tags of `available` newer than `current` with the same shape, newest first.
    public static func newer(than current: String, in available: [String], limit: Int) -> [String] {
        guard limit > 0, let base = parse(current) else { return [] }
        let candidates = available.compactMap { tag -> (tag: String, numbers: [Int])? in
            guard let parsed = parse(tag), parsed.suffix == base.suffix, parsed.numbers.count == base.numbers.count,
                parsed.numbers.lexicographicallyPrecedes(base.numbers) == false, parsed.numbers != base.numbers
            else { return nil }
            return (tag, parsed.numbers)
        }
        let sorted = candidates.sorted { $1.numbers.lexicographicallyPrecedes($0.numbers) }
        var seen = Set<[Int]>()
        return sorted.filter { seen.insert($0.numbers).inserted }.prefix(limit).map(\.tag)
    }
}
