import BulwarkCore
import BulwarkLicense
import Foundation

/// The license part of a Markdown report: counts per category, then the packages that are not permissive.
enum LicenseMarkdownSection {
    static func render(_ report: LicenseReport) -> String {
        var text = "## Licenses\n\n| Category | Packages |\n| --- | ---: |\n"
        for category in LicenseCategory.allCases.sorted(by: { $0.restrictiveness > $1.restrictiveness }) {
            text += "| \(category.rawValue) | \(report.summary[category.rawValue] ?? 0) |\n"
        }
        if !report.files.isEmpty {
            text += "\n<details><summary>\(report.files.count) license files not owned by a package</summary>\n\n| File | License | Category |\n| --- | --- | --- |\n"
            for file in report.files.prefix(500) {
                text += "| \(cell(file.path)) | \(cell(file.license ?? "not identified")) | \(file.category.rawValue) |\n"
            }
            text += "\n</details>\n"
        }
        let notable = report.packages.filter { $0.category.restrictiveness >= LicenseCategory.reciprocal.restrictiveness }
        guard !notable.isEmpty else { return text }
        text += "\n<details><summary>\(notable.count) packages with reciprocal, restricted, forbidden or unknown licenses</summary>\n\n| Package | Version | License | Category |\n| --- | --- | --- | --- |\n"
        for entry in notable.prefix(500) {
            text += "| \(cell(entry.name)) | \(cell(entry.version)) | \(cell(entry.expression ?? "none declared")) | \(entry.category.rawValue) |\n"
        }
        return text + "\n</details>\n"
    }

    static func cell(_ text: String) -> String { MarkdownReportWriter.cell(text, limit: 200) }
}
