import Foundation

/// Parses the dates ignore files and VEX documents use: `YYYY-MM-DD` or an RFC 3339 timestamp.
public enum SuppressionDate {
    /// The instant an `expires` value ends suppression. A plain date suppresses through that whole
    /// day (UTC), so it expires at the next midnight UTC; a timestamp expires at that instant.
    /// Returns nil when the text is neither form or names an impossible date.
    public static func expiry(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.utf8.count == 10, let day = calendarDay(trimmed) {
            return day.addingTimeInterval(86_400)
        }
        return timestamp(trimmed)
    }

    /// Parses an RFC 3339 timestamp (`2025-01-31T12:00:00Z`, fractional seconds and offsets allowed).
    public static func timestamp(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.count <= 40, let day = calendarDay(String(decoding: bytes[0..<10], as: UTF8.self)),
            bytes[10] == 0x54 || bytes[10] == 0x74 || bytes[10] == 0x20,
            let hour = number(bytes, 11, 2), bytes[13] == 0x3A, let minute = number(bytes, 14, 2), bytes[16] == 0x3A,
            let second = number(bytes, 17, 2), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                fraction += Double(bytes[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < bytes.count else { return nil }
        var offset = 0
        switch bytes[index] {
        case 0x5A, 0x7A:  // Z
            guard index + 1 == bytes.count else { return nil }
        case 0x2B, 0x2D:  // + or -
            guard index + 6 == bytes.count, let hours = number(bytes, index + 1, 2), bytes[index + 3] == 0x3A,
                let minutes = number(bytes, index + 4, 2), hours < 24, minutes < 60
            else { return nil }
            offset = (hours * 3600 + minutes * 60) * (bytes[index] == 0x2D ? -1 : 1)
        default:
            return nil
        }
        let seconds = Double(hour * 3600 + minute * 60 + second - offset) + fraction
        return day.addingTimeInterval(seconds)
    }

    /// Midnight UTC of a `YYYY-MM-DD` date, or nil when it is malformed or impossible (2025-02-30).
    static func calendarDay(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D, let year = number(bytes, 0, 4),
            let month = number(bytes, 5, 2), let day = number(bytes, 8, 2), (1...12).contains(month), day >= 1
        else { return nil }
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        // Days since 1970-01-01 (civil-from-days inverse, proleptic Gregorian).
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: Double(days) * 86_400)
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
