import BulwarkConfig
import Testing

@Suite struct DockerfileParserTests {
    @Test func joinsContinuationsAndDropsCommentsInside() {
        let file = DockerfileParser.parse("FROM alpine:3.20\nRUN apk add \\\n# a comment\n    curl \\\n    git\nUSER 1\n")
        let run = file.instructions[1]
        #expect(run.keyword == "RUN")
        #expect(run.line == 2 && run.endLine == 5)
        #expect(ShellWords.split(run.arguments) == ["apk", "add", "curl", "git"])
        #expect(file.instructions[2].line == 6)
    }

    @Test func honoursEscapeAndSyntaxDirectives() {
        let file = DockerfileParser.parse("# syntax=docker/dockerfile:1.7\n# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  C:\\\\\nWORKDIR C:\\app\n")
        #expect(file.syntax == "docker/dockerfile:1.7")
        #expect(file.escape == "`")
        #expect(file.instructions[1].line == 4 && file.instructions[1].endLine == 5)
        #expect(file.instructions[2].keyword == "WORKDIR")
    }

    @Test func readsHeredocs() {
        let text = "FROM debian:12\nRUN <<EOF bash\nset -e\napt-get update\nEOF\nCOPY <<-\"CONF\" /etc/app.conf\n\tkey=value\n\tCONF\nUSER 1\n"
        let file = DockerfileParser.parse(text)
        #expect(file.warnings.isEmpty)
        let run = file.instructions[1]
        #expect(run.heredocs == ["set -e\napt-get update"])
        #expect(run.line == 2 && run.endLine == 5)
        #expect(file.instructions[2].heredocs == ["key=value"])
        #expect(file.instructions[3].keyword == "USER" && file.instructions[3].line == 9)
    }

    @Test func heredocUpdateAloneIsSeen() {
        let report = ConfigScanner.scan(text: "FROM debian:12\nRUN <<EOF\napt-get update\nEOF\nUSER 1\nHEALTHCHECK NONE\n", kind: .dockerfile, path: "D", hasDockerignore: true)
        #expect(Set(report.findings.map(\.rule.id)) == ["BW-DF-011", "BW-DF-009"])
    }

    @Test func parsesExecFormAndFlags() {
        let file = DockerfileParser.parse("FROM golang:1.22 AS Build\nFROM scratch\nCOPY --from=build --chown=1:1 /out/app /app\nENTRYPOINT [\"/app\", \"serve\"]\n")
        #expect(file.stages.count == 2)
        #expect(file.stages[0].name == "build")
        #expect(file.instructions[2].flags == ["from": "build", "chown": "1:1"])
        #expect(file.instructions[3].execForm == ["/app", "serve"])
    }

    @Test func expandsGlobalArgumentsInFrom() {
        let file = DockerfileParser.parse("ARG VERSION=3.20\nARG REPO\nFROM ${REPO:-docker.io/library}/alpine:$VERSION\n")
        #expect(file.stages.first?.baseImage == "docker.io/library/alpine:3.20")
        let expander = VariableExpander(variables: ["A": "x", "EMPTY": ""])
        #expect(expander.expand("${A:+set}-${EMPTY:-dflt}-$A-${MISSING}-\\$A") == "set-dflt-x--$A")
    }

    @Test func warnsAboutUnknownInstructionsWithLine() {
        let report = ConfigScanner.scan(text: "FROM alpine:3.20\nFROOM x\nUSER 1\n", kind: .dockerfile, path: "Dockerfile", hasDockerignore: true)
        #expect(report.warnings == ["Dockerfile:2: unknown instruction 'FROOM'"])
    }

    @Test func unterminatedHeredocIsAWarningNotAHang() {
        let file = DockerfileParser.parse("FROM alpine:3.20\nRUN <<EOF\necho hi\n")
        #expect(file.warnings.map(\.message) == ["heredoc 'EOF' is not terminated"])
    }

    @Test func garbageNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let bytes = (0..<2_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = String(decoding: bytes, as: UTF8.self) + "\nRUN \\"
            _ = ConfigScanner.scan(text: text, kind: .dockerfile, path: "x", hasDockerignore: true)
        }
        let deep = String(repeating: "RUN echo \\\n", count: 20_000)
        let report = ConfigScanner.scan(text: "FROM a:1\n" + deep, kind: .dockerfile, path: "x", hasDockerignore: true)
        #expect(report.files.count == 1)
    }
}
