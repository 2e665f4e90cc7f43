import Foundation
import BulwarkCore
import Testing
@testable import BulwarkCatalog

@Suite("pom.xml and gradle.lockfile")
struct MavenLockfileCatalogerTests {
    static let pom = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- comment with <dependency> inside -->
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>org.parent</groupId>
            <artifactId>parent</artifactId>
            <version>7.1</version>
          </parent>
          <artifactId>service</artifactId>
          <version>${revision}</version>
          <properties>
            <revision>2.0.0</revision>
            <jackson.version>2.15.&#50;</jackson.version>
            <spring.version>${spring.major}.1</spring.version>
            <spring.major>6.0</spring.major>
            <loop.a>${loop.b}</loop.a>
            <loop.b>${loop.a}</loop.b>
          </properties>
          <dependencyManagement>
            <dependencies>
              <dependency><groupId>org.managed</groupId><artifactId>managed</artifactId><version>${project.version}</version></dependency>
              <dependency><groupId>org.unused</groupId><artifactId>unused</artifactId><version>1</version></dependency>
            </dependencies>
          </dependencyManagement>
          <dependencies>
            <dependency>
              <groupId>com.fasterxml.jackson.core</groupId>
              <artifactId>jackson-databind</artifactId>
              <version>${jackson.version}</version>
            </dependency>
            <dependency><groupId>org.springframework</groupId><artifactId>spring-core</artifactId><version>${spring.version}</version></dependency>
            <dependency><groupId>org.managed</groupId><artifactId>managed</artifactId></dependency>
            <dependency><groupId>org.sibling</groupId><artifactId>sibling</artifactId><version>${project.parent.version}</version></dependency>
            <dependency>
              <groupId>junit</groupId><artifactId>junit</artifactId><version><![CDATA[4.13.2]]></version>
              <scope>test</scope>
            </dependency>
            <dependency><groupId>x</groupId><artifactId>looped</artifactId><version>${loop.a}</version></dependency>
            <dependency><groupId>x</groupId><artifactId>bom-managed</artifactId></dependency>
          </dependencies>
        </project>
        """

    @Test("declared dependencies with interpolation, dependencyManagement versions, test scope, the project itself")
    func pomFile() throws {
        var tree = MemoryFileTree()
        tree.addFile("/src/pom.xml", Self.pom)
        let result = try MavenPomCataloger().catalog(tree, context: CatalogContext())
        #expect(result.packages.map { "\($0.name)@\($0.version)" } == [
            "com.fasterxml.jackson.core:jackson-databind@2.15.2", "org.springframework:spring-core@6.0.1", "org.managed:managed@2.0.0",
            "org.sibling:sibling@7.1", "junit:junit@4.13.2", "x:looped@", "x:bom-managed@", "org.parent:service@2.0.0",
        ])
        #expect(result.packages.filter(\.isDevelopment).map(\.name) == ["junit:junit"])
        #expect(result.packages.last?.purl.description == "pkg:maven/org.parent/service@2.0.0")
        #expect(result.packages.last?.dependencies.first == "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.15.2")
        #expect(result.warnings.count == 2)
        #expect(result.warnings.allSatisfy { $0.hasPrefix("/src/pom.xml:") })
    }

    @Test("hostile XML: external entities are not expanded, deep nesting and garbage are warnings", arguments: [
        """
        <?xml version="1.0"?>
        <!DOCTYPE project [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY a "&xxe;&xxe;"> ]>
        <project><artifactId>p</artifactId><version>1</version><dependencies><dependency><groupId>g</groupId><artifactId>&xxe;</artifactId><version>&a;</version></dependency></dependencies></project>
        """,
        String(repeating: "<a>", count: 10_000),
        "<project><dependencies><dependency>",
        "not xml at all",
        "<project attr='>'><artifactId>q</artifactId></project>",
    ])
    func hostile(text: String) {
        let result = MavenPomCataloger.parse(Array(text.utf8), location: "/pom.xml")
        for package in result.packages {
            #expect(!package.name.contains("root:"))
            #expect(!package.version.contains("root:"))
        }
        if text.contains("xxe") {
            #expect(result.packages.first?.name == "g:&xxe;")
        } else if text.hasPrefix("<project attr") {
            #expect(result.packages.map(\.name) == ["q"])
        } else {
            #expect(result.packages.isEmpty && result.warnings.count == 1)
        }
    }

    @Test("Trivy's happy pom", .enabled(if: LanguageSharedFixtures.available))
    func trivyPom() throws {
        let bytes = try #require(LanguageSharedFixtures.bytes("trivy-parser-cases/parser/java/pom/testdata/happy/pom.xml"))
        let result = MavenPomCataloger.parse(bytes, location: "/pom.xml")
        #expect(result.packages.map { "\($0.name)@\($0.version)" } == [
            "org.example:example-api@1.7.30", "org.example:example-runtime@1.0.0", "org.example:example-provided@999", "com.example:happy@1.0.0",
        ])
    }

    @Test("every pom.xml sample parses without crashing", .enabled(if: LanguageSharedFixtures.available))
    func allPoms() throws {
        let root = try #require(LanguageSharedFixtures.lockfiles)
        let enumerator = FileManager.default.enumerator(atPath: root)
        var parsedWithoutXMLProblems = 0, count = 0
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix("pom.xml"), let bytes = LanguageSharedFixtures.bytes(relative) else { continue }
            let result = MavenPomCataloger.parse(bytes, location: "/" + relative)
            count += 1
            if !result.packages.isEmpty { parsedWithoutXMLProblems += 1 }
        }
        #expect(count > 20)
        #expect(parsedWithoutXMLProblems >= count - 3)
    }

    @Test("gradle.lockfile: configurations, test-only dependencies, comments, empty=")
    func gradle() throws {
        let cataloger = GradleLockfileCataloger()
        var tree = MemoryFileTree()
        tree.addFile("/p/gradle.lockfile", """
            # comment
            com.google.guava:guava:31.1-jre=compileClasspath,runtimeClasspath
            junit:junit:4.13.2=testCompileClasspath,testRuntimeClasspath
            org.mockito:mockito-core:5.0.0=testFixturesRuntimeClasspath
            bad-line
            empty=annotationProcessor
            """)
        tree.addFile("/p/gradle/dependency-locks/compileClasspath.lockfile", "a:b:1.0=compileClasspath\r\n")
        let result = try cataloger.catalog(tree, context: CatalogContext())
        #expect(result.packages.map { "\($0.name)@\($0.version) \($0.isDevelopment)" }.sorted() == [
            "a:b@1.0 false", "com.google.guava:guava@31.1-jre false", "junit:junit@4.13.2 true", "org.mockito:mockito-core@5.0.0 true",
        ])
        #expect(result.warnings == ["/p/gradle.lockfile:5: expected group:artifact:version=configurations"])
        #expect(cataloger.scope == .lockfile)
        #expect(!cataloger.isInterested(in: "/p/yarn.lockfile"))
    }

    @Test("Trivy's gradle lockfile", .enabled(if: LanguageSharedFixtures.available))
    func trivyGradle() throws {
        let bytes = try #require(LanguageSharedFixtures.bytes("trivy-parser-cases/parser/gradle/lockfile/testdata/happy.lockfile"))
        let result = GradleLockfileCataloger.parse(String(decoding: bytes, as: UTF8.self), location: "/gradle.lockfile")
        #expect(result.warnings.isEmpty)
        #expect(result.packages.map { "\($0.name)@\($0.version) \($0.isDevelopment)" } == [
            "cglib:cglib-nodep@2.1.2 false", "junit:junit@4.13.2 true", "org.springframework:spring-asm@3.1.3.RELEASE false",
            "org.springframework:spring-beans@5.0.5.RELEASE false",
        ])
    }
}
