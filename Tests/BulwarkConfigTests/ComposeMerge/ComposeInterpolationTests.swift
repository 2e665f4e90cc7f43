import BulwarkConfig
import BulwarkCore
import Foundation
import Testing

@Suite struct ComposeInterpolationTests {
    @Test(arguments: [
        ("${TAG}", "1.2"), ("$TAG", "1.2"), ("nginx:${TAG}", "nginx:1.2"), ("${MISSING}", "${MISSING}"), ("$MISSING-x", "$MISSING-x"),
        ("${MISSING:-127.0.0.1}:5432:5432", "127.0.0.1:5432:5432"), ("${EMPTY:-d}", "d"), ("${EMPTY-d}", ""),
        ("${MISSING-d}", "d"), ("${TAG:+set}", "set"), ("${MISSING:+set}", ""), ("$$HOME", "$HOME"), ("${A:-${TAG:-x}}", "1.2"),
        ("${MISSING:?need it}", "${MISSING:?need it}"), ("${TAG:?need it}", "1.2"), ("${unterminated", "${unterminated"), ("price: 5$", "price: 5$"),
    ])
    func interpolates(text: String, expected: String) {
        #expect(ComposeInterpolation.interpolate(text, variables: ["TAG": "1.2", "EMPTY": ""]) == expected)
    }

    @Test func envFileValuesAndDefaultsDecideTheChecks() throws {
        let directory = NSTemporaryDirectory() + "bulwark-interpolation-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let compose = """
            services:
              db:
                image: "postgres:${PG_TAG:-16.2}"
                privileged: ${PRIVILEGED:-false}
                user: "999"
                read_only: true
                cap_drop: [ALL]
                security_opt: ["no-new-privileges:true"]
                mem_limit: 512m
                pids_limit: 100
                ports:
                  - "${BIND:-127.0.0.1}:5432:5432"
                  - "${UNKNOWN_BIND}:6379:6379"
            """
        let path = directory + "/compose.yaml"
        try Data(compose.utf8).write(to: URL(fileURLWithPath: path))
        let clean = try ConfigScanner.scan(paths: [path])
        #expect(clean.findings.isEmpty, "\(clean.findings.map(\.message))")
        // The .env file changes the answer, as it does for `docker compose up`.
        try Data("# deployment\nBIND=0.0.0.0\nexport PRIVILEGED=true\nPG_TAG=latest\n".utf8).write(to: URL(fileURLWithPath: directory + "/.env"))
        let ids = Set(try ConfigScanner.scan(paths: [path]).findings.map(\.rule.id))
        #expect(ids == ["BW-DC-001", "BW-DC-014", "BW-DC-016"], "\(ids)")
    }
}
