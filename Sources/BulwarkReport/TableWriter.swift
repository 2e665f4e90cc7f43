import BulwarkCore

/// Writes the SBOM as text for people: a header (target, image, digest, platform, OS), the packages
/// grouped by type in aligned NAME / VERSION / SOURCE / LAYER columns, then a count summary and any
/// warnings. Every line fits in ``maxWidth`` columns; ANSI styling only when `options.colors` is set.
/// All text from the inventory is sanitized, so a hostile package name cannot inject terminal escapes.
struct TableWriter {
    /// The widest line written, in terminal columns.
    static let maxWidth = 100
    /// How many warnings are listed before the rest are only counted.
    static let maxListedWarnings = 10

    /// Styling choice and tool identity.
    let options: RenderOptions

    /// The table for `inventory`, as UTF-8 text ending in a newline.
    func write(_ inventory: Inventory) -> [UInt8] {
        Array(render(inventory).utf8)
    }

    /// The table for `inventory` as a string.
    func render(_ inventory: Inventory) -> String {
        let style = TerminalStyle(enabled: options.colors)
        var lines = header(inventory, style: style)
        let packages = PackageOrdering.sorted(inventory.packages)
        lines.append("")
        if packages.isEmpty {
            lines.append("No packages found.")
        } else {
            let groups = Dictionary(grouping: packages, by: \.type)
            for type in groups.keys.sorted() {
                guard let members = groups[type] else { continue }
                if lines.last != "" { lines.append("") }
                lines += section(type: type, packages: members, style: style)
            }
        }
        lines.append("")
        lines.append(style.bold(summary(packages)))
        lines += warnings(inventory.warnings, style: style)
        return lines.joined(separator: "\n") + "\n"
    }

    private func header(_ inventory: Inventory, style: TerminalStyle) -> [String] {
        let identity = ImageIdentity(inventory)
        var fields: [(String, String)] = [("Target", "\(inventory.target.name) (\(inventory.target.kind.rawValue))")]
        if let image = inventory.image {
            if let tag = identity.primaryTag {
                let more = image.repoTags.count > 1 ? " (+\(image.repoTags.count - 1) more)" : ""
                fields.append(("Image", tag + more))
            }
            if let digest = image.manifestDigest { fields.append(("Digest", digest.description)) }
            if let digest = image.configDigest { fields.append(("Image ID", digest.description)) }
            fields.append(("Platform", image.platform ?? "unknown"))
        }
        fields.append(("OS", Self.describe(inventory.operatingSystem)))
        let labelWidth = fields.map { TerminalText.width($0.0) }.max().map { $0 + 2 } ?? 0
        return fields.map { label, value in
            let prefix = TerminalText.pad(label + ":", to: labelWidth)
            let text = TerminalText.truncate(TerminalText.sanitize(value), to: Self.maxWidth - labelWidth)
            return style.dim(prefix) + text
        }
    }

    /// `Debian GNU/Linux 12 (bookworm) [debian 12.5]`, or `unknown`.
    static func describe(_ os: OperatingSystem?) -> String {
        guard let os else { return "unknown" }
        let id = "\(os.family) \(os.version)"
        guard let pretty = os.prettyName, !pretty.isEmpty else { return id }
        return "\(pretty) [\(id)]"
    }

    private func section(type: PackageType, packages: [Package], style: TerminalStyle) -> [String] {
        let headerCells = ["NAME", "VERSION", "SOURCE", "LAYER"]
        let rows = packages.map { package in
            [package.name, package.version, Self.source(package), Self.layer(package.layer)].map(TerminalText.sanitize)
        }
        let layout = TableLayout(header: headerCells, rows: rows, maxWidth: Self.maxWidth)
        let noun = packages.count == 1 ? "package" : "packages"
        var lines = [
            style.bold(TerminalText.truncate("\(type.rawValue) \(noun) (\(packages.count))", to: Self.maxWidth))
        ]
        lines.append(layout.line(headerCells) { _, cell in style.bold(cell) })
        for row in rows {
            lines.append(layout.line(row) { index, cell in index >= 2 ? style.dim(cell) : cell })
        }
        return lines
    }

    /// The source package, with its version when it differs from the binary package's; `-` when none.
    static func source(_ package: Package) -> String {
        guard let name = package.sourceName, !name.isEmpty else { return "-" }
        if let version = package.sourceVersion, !version.isEmpty, version != package.version {
            return "\(name) \(version)"
        }
        return name
    }

    /// `<index> <first 12 hex of diffID>` (or of the blob digest); `-` when the layer is unknown.
    static func layer(_ layer: LayerReference?) -> String {
        guard let layer else { return "-" }
        if let digest = layer.diffID ?? layer.digest { return "\(layer.index) \(digest.short)" }
        return String(layer.index)
    }

    private func summary(_ packages: [Package]) -> String {
        let noun = packages.count == 1 ? "package" : "packages"
        guard !packages.isEmpty else { return "0 packages" }
        let counts = Dictionary(grouping: packages, by: \.type).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
        let breakdown = counts.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ")
        return "\(packages.count) \(noun) (\(breakdown))"
    }

    private func warnings(_ warnings: [String], style: TerminalStyle) -> [String] {
        guard !warnings.isEmpty else { return [] }
        var lines = [style.bold(warnings.count == 1 ? "1 warning:" : "\(warnings.count) warnings:")]
        for warning in warnings.prefix(Self.maxListedWarnings) {
            lines.append("  " + style.dim(TerminalText.truncate(TerminalText.sanitize(warning), to: Self.maxWidth - 2)))
        }
        if warnings.count > Self.maxListedWarnings {
            let unlisted = warnings.count - Self.maxListedWarnings
            lines.append("  " + style.dim("… and \(unlisted) more (see --format json)"))
        }
        return lines
    }
}
