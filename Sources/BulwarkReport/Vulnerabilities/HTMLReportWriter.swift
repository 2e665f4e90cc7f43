import BulwarkCore

/// Writes one self-contained HTML page: no external assets (inline CSS, JavaScript and SVG, and a
/// Content-Security-Policy that forbids loading anything), severity charts per layer and per package
/// type, and a findings table that sorts by any column and filters by text and severity. All report
/// text is escaped; references are shown as text, not links.
struct HTMLReportWriter {
    /// Colors per severity, most severe first.
    static let colors: [Severity: String] = [
        .critical: "#7b1fa2", .high: "#d32f2f", .medium: "#f57c00", .low: "#fbc02d", .negligible: "#9e9e9e", .unknown: "#607d8b",
    ]

    /// The HTML page.
    func render(_ report: ScanReport) -> String {
        let findings = ReportFacts.sorted(report.findings)
        let counts = ReportFacts.counts(findings)
        let title = "Bulwark report: " + ReportFacts.imageName(report)
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(MarkupEscaping.escape(title))</title>
            <style>\(Self.style)</style>
            </head>
            <body>

            """
        html += "<h1>\(MarkupEscaping.escape(title))</h1>\n<p class=\"facts\">"
        var facts = ["\(findings.count) vulnerabilities in \(report.packageCount) packages", "scanned \(report.createdAt)"]
        if let os = ReportFacts.operatingSystem(report) { facts.insert("OS: " + os, at: 0) }
        if let digest = report.image?.manifestDigest ?? report.image?.configDigest { facts.append(digest.description) }
        html += facts.map(MarkupEscaping.escape).joined(separator: " · ") + "</p>\n"
        html += "<div class=\"badges\">"
        for severity in ReportFacts.severityOrder {
            html += "<span class=\"badge\" style=\"background:\(Self.colors[severity] ?? "#000")\">\(severity.rawValue.uppercased()) \(counts[severity] ?? 0)</span>"
        }
        html += "</div>\n"

        let byLayer = Dictionary(grouping: findings) { finding -> String in
            guard let layer = finding.package.layer else { return "no layer" }
            let created = String((layer.createdBy ?? "").trimmingPrefix("/bin/sh -c "))
            return "layer \(layer.index)" + (created.isEmpty ? "" : ": " + String(created.prefix(60)))
        }
        let layerOrder = byLayer.keys.sorted { Self.layerRank($0) < Self.layerRank($1) }
        html += "<section class=\"charts\">\n<div><h2>By layer</h2>\n" + chart(layerOrder.map { ($0, byLayer[$0] ?? []) }) + "</div>\n"
        let byType = Dictionary(grouping: findings) { $0.package.type.rawValue }
        html += "<div><h2>By package type</h2>\n" + chart(byType.keys.sorted().map { ($0, byType[$0] ?? []) }) + "</div>\n</section>\n"

        html += """
            <section>
            <h2>Findings</h2>
            <div class="controls"><input id="filter" type="search" placeholder="Filter (package, id, title…)" aria-label="Filter findings">
            <select id="severity" aria-label="Severity"><option value="">All severities</option>
            """
        for severity in ReportFacts.severityOrder {
            html += "<option value=\"\(severity.rawValue)\">\(severity.rawValue.uppercased())</option>"
        }
        html += "</select> <span id=\"shown\"></span></div>\n<table id=\"findings\">\n<thead><tr>"
        for (index, column) in ["Severity", "Vulnerability", "Package", "Installed", "Fixed in", "Type", "Layer", "Title"].enumerated() {
            html += "<th data-column=\"\(index)\">\(column)</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for finding in findings {
            let rank = ReportFacts.severityOrder.count - (ReportFacts.severityOrder.firstIndex(of: finding.severity) ?? 0)
            html += "<tr data-severity=\"\(finding.severity.rawValue)\">"
            html += "<td data-sort=\"\(rank)\"><span class=\"sev\" style=\"background:\(Self.colors[finding.severity] ?? "#000")\">"
                + "\(finding.severity.rawValue.uppercased())</span></td>"
            let cells = [
                finding.id + (finding.knownExploitedSince != nil ? " (KEV)" : ""), finding.package.name, finding.installedVersion,
                ReportFacts.fixText(finding), finding.package.type.rawValue, finding.package.layer.map { String($0.index) } ?? "",
            ]
            for cell in cells { html += "<td>\(MarkupEscaping.escape(cell))</td>" }
            var detail = MarkupEscaping.escape(ReportFacts.headline(finding))
            if !finding.references.isEmpty {
                detail += "<details><summary>references</summary>"
                    + finding.references.prefix(20).map { "<code>\(MarkupEscaping.escape($0))</code>" }.joined(separator: "<br>") + "</details>"
            }
            html += "<td>\(detail)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n</section>\n" + SuppressedFindingsSection.html(report) + OtherScannerSections.html(report) + "<script>\(Self.script)</script>\n</body>\n</html>\n"
        return html
    }

    private static func layerRank(_ label: String) -> (Int, String) {
        guard label.hasPrefix("layer ") else { return (Int.max, label) }
        let digits = label.dropFirst(6).prefix { $0.isNumber }
        return (Int(digits) ?? Int.max, label)
    }

    /// A horizontal stacked bar chart in inline SVG: one bar per row, segments per severity.
    private func chart(_ rows: [(label: String, findings: [Finding])]) -> String {
        SeverityBarChart.svg(rows.map {
            SeverityBarChart.Row(label: String($0.label.prefix(40)), tooltip: nil, counts: ReportFacts.counts($0.findings), total: $0.findings.count)
        })
    }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#212121;background:#fafafa}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:16px 0 8px}.facts{color:#616161;margin:0 0 12px}
        .badge,.sev{display:inline-block;color:#fff;border-radius:4px;padding:2px 8px;margin-right:6px;font-size:12px;font-weight:600}
        .charts{display:flex;flex-wrap:wrap;gap:32px}.label{font-size:12px;fill:#424242}
        .controls{margin:8px 0}input,select{font-size:14px;padding:4px 6px;margin-right:8px}
        table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
        th,td{border-bottom:1px solid #e0e0e0;padding:6px 8px;text-align:left;vertical-align:top}
        th{cursor:pointer;background:#eeeeee;user-select:none}th.asc::after{content:" \\25B2"}th.desc::after{content:" \\25BC"}
        code{font-size:12px;word-break:break-all}
        """

    static let script = """
        (function(){
        var table=document.getElementById('findings');var body=table.tBodies[0];
        var rows=Array.prototype.slice.call(body.rows);
        var filter=document.getElementById('filter');var severity=document.getElementById('severity');var shown=document.getElementById('shown');
        function key(row,column){var cell=row.cells[column];var sort=cell.getAttribute('data-sort');return sort!==null?Number(sort):cell.textContent.toLowerCase();}
        function apply(){var text=filter.value.toLowerCase();var level=severity.value;var count=0;
        rows.forEach(function(row){var visible=(!level||row.getAttribute('data-severity')===level)&&(!text||row.textContent.toLowerCase().indexOf(text)>=0);
        row.style.display=visible?'':'none';if(visible){count++;}});shown.textContent=count+' of '+rows.length+' shown';}
        Array.prototype.forEach.call(table.tHead.rows[0].cells,function(header){header.addEventListener('click',function(){
        var column=Number(header.getAttribute('data-column'));var ascending=!header.classList.contains('asc');
        Array.prototype.forEach.call(table.tHead.rows[0].cells,function(other){other.classList.remove('asc','desc');});
        header.classList.add(ascending?'asc':'desc');
        rows.sort(function(a,b){var x=key(a,column),y=key(b,column);var order=x<y?-1:x>y?1:0;return ascending?order:-order;});
        rows.forEach(function(row){body.appendChild(row);});});});
        filter.addEventListener('input',apply);severity.addEventListener('change',apply);apply();
        })();
        """
}
