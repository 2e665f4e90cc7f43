/// One value of a TOML document, as the lockfile parsers need it.
///
/// Dates and times are kept as their raw text (`.dateTime`): no lockfile field Bulwark reads is one.
public indirect enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    case dateTime(String)
    case array([TOMLValue])
    case table([String: TOMLValue])

    /// The string, when this is a string.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer, when this is an integer.
    public var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The boolean, when this is a boolean.
    public var boolean: Bool? {
        if case .boolean(let value) = self { return value }
        return nil
    }

    /// The elements, when this is an array.
    public var array: [TOMLValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The entries, when this is a table (inline or not).
    public var table: [String: TOMLValue]? {
        if case .table(let value) = self { return value }
        return nil
    }

    /// The tables of an array of tables (non-table elements are left out); empty for anything else.
    public var tables: [[String: TOMLValue]] {
        guard case .array(let items) = self else { return [] }
        return items.compactMap(\.table)
    }

    /// The strings of an array (non-string elements are left out); empty for anything else.
    public var strings: [String] {
        guard case .array(let items) = self else { return [] }
        return items.compactMap(\.string)
    }

    /// A short name of the kind of value, for warnings.
    public var kindName: String {
        switch self {
        case .string: return "string"
        case .integer: return "integer"
        case .float: return "float"
        case .boolean: return "boolean"
        case .dateTime: return "date-time"
        case .array: return "array"
        case .table: return "table"
        }
    }
}
