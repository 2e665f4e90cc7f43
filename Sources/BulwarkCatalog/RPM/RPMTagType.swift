/// The data type of an rpm header entry, as stored in its index entry.
public enum RPMTagType: UInt32, Sendable, Hashable, CaseIterable {
    /// No data.
    case null = 0
    /// Single bytes, as characters.
    case char = 1
    /// 8-bit integers.
    case int8 = 2
    /// Big-endian 16-bit integers, 2-byte aligned.
    case int16 = 3
    /// Big-endian 32-bit integers, 4-byte aligned.
    case int32 = 4
    /// Big-endian 64-bit integers, 8-byte aligned.
    case int64 = 5
    /// One NUL-terminated string.
    case string = 6
    /// Opaque bytes; `count` is the byte length.
    case binary = 7
    /// `count` NUL-terminated strings, one after another.
    case stringArray = 8
    /// Translated strings; the first one is the untranslated (C locale) text.
    case i18nString = 9

    /// Bytes per element for fixed-size types, nil for strings.
    public var elementSize: Int? {
        switch self {
        case .null: return 0
        case .char, .int8, .binary: return 1
        case .int16: return 2
        case .int32: return 4
        case .int64: return 8
        case .string, .stringArray, .i18nString: return nil
        }
    }

    /// Whether the type holds NUL-terminated strings.
    public var isString: Bool { elementSize == nil }
}
