import Foundation

/// Formats instants as RFC 3339 UTC timestamps with whole seconds, `2024-05-01T12:30:00Z`: the form both
/// SPDX 2.3 (`created`) and CycloneDX (`metadata.timestamp`) accept.
///
/// Written out by hand (civil-from-days) so the result never depends on the process's locale,
/// calendar or time zone.
enum RFC3339Timestamp {
    /// The earliest instant representable with a four-digit year (0000-01-01T00:00:00Z).
    static let earliest: Int64 = -62_167_219_200
    /// The latest instant representable with a four-digit year (9999-12-31T23:59:59Z).
    static let latest: Int64 = 253_402_300_799

    /// `date` in UTC, fractional seconds dropped, clamped to years 0000–9999.
    static func string(from date: Date) -> String {
        let interval = date.timeIntervalSince1970
        let seconds: Int64
        if interval.isNaN {
            seconds = 0
        } else if interval <= Double(earliest) {
            seconds = earliest
        } else if interval >= Double(latest) {
            seconds = latest
        } else {
            seconds = Int64(interval.rounded(.down))
        }
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(secondOfDay / 3600, 2) + ":"
            + pad(secondOfDay % 3600 / 60, 2) + ":" + pad(secondOfDay % 60, 2) + "Z"
    }

    /// The proleptic Gregorian date of a day number counted from 1970-01-01.
    static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
