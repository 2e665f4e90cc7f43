/// Collects Compose findings for a project of several files: each finding goes to the collector of
/// the file its ``ComposeOrigin`` points into, so file, line and snippet match.
struct ComposeFindingSink {
    /// One collector per project file, by ``ComposeOrigin/fileIndex``.
    private(set) var collectors: [FindingCollector]

    init(collectors: [FindingCollector]) {
        self.collectors = collectors
    }

    /// Records a finding of `rule` at `origin` (origins outside the project fall back to the first file).
    mutating func add(_ rule: ConfigRule, at origin: ComposeOrigin, _ message: String) {
        guard !collectors.isEmpty else { return }
        let index = collectors.indices.contains(origin.fileIndex) ? origin.fileIndex : 0
        collectors[index].add(rule, line: origin.line, message)
    }
}
