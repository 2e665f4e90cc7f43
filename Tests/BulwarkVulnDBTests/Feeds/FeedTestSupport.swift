import BulwarkCore
import BulwarkVulnDB
import BulwarkTestSupport
import Foundation

/// An in-memory ``ImportSink`` for the feed tests: keeps every advisory (replacing by id and source,
/// as the database does) and every enrichment in arrival order.
final class CollectingImportSink: ImportSink {
    private(set) var advisories: [Advisory] = []
    private var indexByKey: [String: Int] = [:]
    private(set) var enrichments: [CVEEnrichment] = []
    var statistics = ImportStatistics()

    func add(_ advisory: Advisory) throws(BulwarkError) {
        let key = advisory.source + "\u{0}" + advisory.id
        if let index = indexByKey[key] {
            advisories[index] = advisory
        } else {
            indexByKey[key] = advisories.count
            advisories.append(advisory)
            statistics.advisories += 1
        }
    }

    func addEnrichment(_ enrichment: CVEEnrichment) throws(BulwarkError) {
        enrichments.append(enrichment)
        statistics.enrichments += 1
    }

    /// The advisory with `id`, if one was stored.
    func advisory(_ id: String) -> Advisory? { advisories.first { $0.id == id } }

    /// The enrichments for `cve`.
    func enrichments(for cve: String) -> [CVEEnrichment] { enrichments.filter { $0.cve == cve } }
}

/// Locates the read-only real samples under `../shared/fixtures/advisories`; nil when absent so tests skip.
enum FeedFixtures {
    static let root: String? = SharedFixtureLocation.path("fixtures/advisories/kev").flatMap { _ in SharedFixtureLocation.path("fixtures/advisories") }

    static var available: Bool { root != nil }

    /// The bytes of a fixture file, nil when the samples are absent.
    static func bytes(_ relative: String) -> [UInt8]? {
        guard let root, let data = FileManager.default.contents(atPath: root + "/" + relative) else { return nil }
        return Array(data)
    }

    static let alpineYAML = "alpine-secdb/yaml-v3.3-v3.11/alpine-secdb-yaml"
    static let alpineJSON = "feeds/vuln-list-update-testdata/vuln-list-update-testdata/alpine/testdata"
    static let vulnfeeds = "feeds/nvd-and-cve5/vulnfeeds/test_data"
    static let nvdAPI = "feeds/vuln-list-update-testdata/vuln-list-update-testdata/nvd/testdata"
}

extension Array where Element == UInt8 {
    /// UTF-8 bytes of a test string.
    init(text: String) { self = Array(text.utf8) }
}
