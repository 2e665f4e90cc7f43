/// A parsed JSON value from a feed, kept as plain Swift values (no Foundation bridging).
/// Object members keep their document order.
enum FeedJSONValue {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([FeedJSONValue])
    case object([(key: String, value: FeedJSONValue)])

    /// The member `key` of an object (first occurrence); nil for other values or a missing key.
    subscript(key: String) -> FeedJSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The string, when this is one.
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The string trimmed of surrounding whitespace, nil when not a string or empty.
    var nonEmptyString: String? {
        guard case .string(let text) = self else { return nil }
        let trimmed = text.feedTrimmed()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A number, or a string holding one (the EPSS API quotes its numbers).
    var number: Double? {
        switch self {
        case .number(let value): return value
        case .string(let text): return Double(text.feedTrimmed())
        default: return nil
        }
    }

    /// The elements, when this is an array.
    var array: [FeedJSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The members, when this is an object.
    var members: [(key: String, value: FeedJSONValue)]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// True for objects.
    var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}
