import BulwarkCore
import Testing

@testable import BulwarkRegistry

@Suite("Image references")
struct ImageReferenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var registry: String
        var repository: String
        var tag: String?
        var digest: String?
        var testDescription: String { text }
    }

    static let digest = "sha256:" + String(repeating: "ab", count: 32)

    static let valid: [Case] = [
        Case(text: "nginx", registry: "docker.io", repository: "library/nginx", tag: "latest"),
        Case(text: "nginx:1.25", registry: "docker.io", repository: "library/nginx", tag: "1.25"),
        Case(text: "docker.io/nginx", registry: "docker.io", repository: "library/nginx", tag: "latest"),
        Case(text: "index.docker.io/library/nginx:stable-alpine", registry: "docker.io", repository: "library/nginx", tag: "stable-alpine"),
        Case(text: "bitnami/redis:7.2", registry: "docker.io", repository: "bitnami/redis", tag: "7.2"),
        Case(text: "ghcr.io/org/app@\(digest)", registry: "ghcr.io", repository: "org/app", tag: nil, digest: digest),
        Case(text: "ghcr.io/org/app:v1@\(digest)", registry: "ghcr.io", repository: "org/app", tag: "v1", digest: digest),
        Case(text: "localhost:5000/team/app:dev", registry: "localhost:5000", repository: "team/app", tag: "dev"),
        Case(text: "localhost/app", registry: "localhost", repository: "app", tag: "latest"),
        Case(text: "127.0.0.1:5000/a/b/c:1", registry: "127.0.0.1:5000", repository: "a/b/c", tag: "1"),
        Case(text: "registry.example.com:8443/x_y.z__w-v---u:Tag_1.0-rc", registry: "registry.example.com:8443", repository: "x_y.z__w-v---u", tag: "Tag_1.0-rc"),
    ]

    @Test("valid references parse to registry, repository, tag and digest", arguments: valid)
    func parses(entry: Case) throws {
        let reference = try ImageReference(parsing: entry.text)
        #expect(reference.registry == entry.registry)
        #expect(reference.repository == entry.repository)
        #expect(reference.tag == entry.tag)
        #expect(reference.digest?.description == entry.digest)
    }

    @Test(
        "invalid references are refused with a one-line error",
        arguments: ["", "Nginx", "nginx:", "nginx:-bad", "a//b", "/abs", "ghcr.io/org/app@sha256:zz", "repo@", "x:" + String(repeating: "t", count: 129), "a..b", "a_-b", "-a"])
    func refuses(text: String) {
        #expect(throws: BulwarkError.self) { try ImageReference(parsing: text) }
    }

    @Test("Docker Hub is reached at registry-1.docker.io and shown the short way")
    func dockerHub() throws {
        let reference = try ImageReference(parsing: "nginx:1.25")
        #expect(reference.apiHost == "registry-1.docker.io")
        #expect(reference.familiarName == "nginx:1.25")
        #expect(try ImageReference(parsing: "bitnami/redis").familiarName == "bitnami/redis:latest")
        #expect(reference.description == "docker.io/library/nginx:1.25")
        #expect(try ImageReference(parsing: "localhost:5000/app").apiHost == "localhost:5000")
    }
}

@Suite("WWW-Authenticate challenges")
struct AuthChallengeTests {
    @Test("a bearer challenge yields realm, service and scope")
    func bearer() throws {
        let challenge = try #require(AuthChallenge(header: #"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull""#))
        #expect(challenge.scheme == "bearer")
        #expect(challenge.realm == "https://auth.docker.io/token")
        #expect(challenge.parameters["service"] == "registry.docker.io")
        #expect(challenge.parameters["scope"] == "repository:library/nginx:pull")
    }

    @Test("basic challenges, escaped quotes, unquoted values and garbage")
    func others() throws {
        #expect(AuthChallenge(header: #"Basic realm="basic-realm""#)?.scheme == "basic")
        #expect(AuthChallenge(header: #"Bearer realm="a\"b",error=invalid_token"#)?.parameters == ["realm": "a\"b", "error": "invalid_token"])
        #expect(AuthChallenge(header: "") == nil)
        #expect(AuthChallenge(header: "Bearer realm=\"unterminated")?.realm == "unterminated")
    }
}
