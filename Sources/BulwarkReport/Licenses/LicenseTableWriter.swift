import BulwarkCore
import BulwarkLicense
import Foundation

/// The license part of a table report: one line per package, most restrictive category first.
struct LicenseTableWriter {
    let style: TerminalStyle

    func render(_ report: LicenseReport) -> String {
        var text = "Licenses\n"
        guard !report.packages.isEmpty else { return text + "  no packages\n" }
        for entry in report.packages {
            let category = entry.category.rawValue.uppercased().padding(toLength: 13, withPad: " ", startingAt: 0)
            let name = "\(entry.name) \(entry.version)"
            let license = entry.expression ?? "(none declared)"
            let flag = entry.unrecognized.isEmpty ? "" : "  [unrecognized: \(entry.unrecognized.prefix(3).joined(separator: "; ").prefix(120))]"
            text += "  \(style.apply(category, color: Self.color(entry.category)))\(entry.type.padding(toLength: 9, withPad: " ", startingAt: 0))\(name)  \(license)\(flag)\n"
        }
        if !report.files.isEmpty {
            text += "\n  License files not owned by a package:\n"
            for file in report.files {
                let category = file.category.rawValue.uppercased().padding(toLength: 13, withPad: " ", startingAt: 0)
                let match = file.license.map { "\($0) (similarity \(String(format: "%.2f", file.similarity ?? 0)))" } ?? "not identified"
                text += "  \(style.apply(category, color: Self.color(file.category)))\(file.path)  \(match)\n"
            }
        }
        let counts = LicenseCategory.allCases.compactMap { category -> String? in
            let count = report.summary[category.rawValue] ?? 0
            return count == 0 ? nil : "\(category.rawValue.uppercased()): \(count)"
        }
        return text + "\n\(report.packages.count == 1 ? "1 package" : "\(report.packages.count) packages") (\(counts.joined(separator: ", ")))\n"
    }

    static func color(_ category: LicenseCategory) -> String {
        switch category {
        case .forbidden: return "31"
        case .restricted: return "35"
        case .reciprocal: return "33"
        case .unknown: return "36"
        default: return "32"
        }
    }
}
