import BulwarkCore
import BulwarkReport
import Foundation
import Testing

@Suite("Lockfile dependency relationships")
struct DependencyRelationshipTests {
    func render(_ format: SBOMFormat) throws -> [String: Any] {
        let bytes = try SBOMRenderer.render(Samples.project, as: format, options: Samples.options())
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func cycloneDXListsResolvedDependenciesOnly() throws {
        let dependencies = try render(.cyclonedx)["dependencies"] as? [[String: Any]] ?? []
        let axios = try #require(dependencies.first { ($0["ref"] as? String)?.hasPrefix("pkg:npm/axios") == true })
        // lodash is in the SBOM; follow-redirects is not, so it gets no dangling reference.
        #expect(axios["dependsOn"] as? [String] == ["pkg:npm/lodash@4.17.15"])
    }

    @Test func spdxHasDependsOn() throws {
        let relationships = try render(.spdxJSON)["relationships"] as? [[String: Any]] ?? []
        let dependsOn = relationships.filter { $0["relationshipType"] as? String == "DEPENDS_ON" }
        #expect(dependsOn.count == 1)
    }
}
