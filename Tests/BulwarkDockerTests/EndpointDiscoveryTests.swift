import BulwarkCore
import BulwarkDocker
import Testing

@Suite("Engine socket discovery")
struct EndpointDiscoveryTests {
    @Test("default order: DOCKER_HOST, docker.sock, CONTAINER_HOST, XDG podman, system podman")
    func defaultOrder() {
        let environment = ["DOCKER_HOST": "unix:///custom/docker.sock", "CONTAINER_HOST": "unix:///custom/podman.sock", "XDG_RUNTIME_DIR": "/run/user/1000"]
        let endpoints = EngineEndpoint.discover(source: nil, environment: environment, exists: { _ in true })
        #expect(endpoints.map(\.socketPath) == [
            "/custom/docker.sock", "/var/run/docker.sock", "/custom/podman.sock", "/run/user/1000/podman/podman.sock", "/run/podman/podman.sock",
        ])
        #expect(endpoints.map(\.kind) == [.docker, .docker, .podman, .podman, .podman])
        #expect(endpoints.first?.origin == "DOCKER_HOST")
    }

    @Test("a source keeps only that engine's sockets")
    func sourceFilter() {
        let environment = ["XDG_RUNTIME_DIR": "/run/user/1000"]
        let podman = EngineEndpoint.discover(source: .podman, environment: environment, exists: { _ in true })
        #expect(podman.map(\.socketPath) == ["/run/user/1000/podman/podman.sock", "/run/podman/podman.sock"])
        let docker = EngineEndpoint.discover(source: .docker, environment: environment, exists: { _ in true })
        #expect(docker.map(\.socketPath) == ["/var/run/docker.sock"])
    }

    @Test("default sockets are listed only when present; explicit ones always")
    func missingDefaults() {
        let environment = ["DOCKER_HOST": "unix:///nowhere/docker.sock"]
        let endpoints = EngineEndpoint.discover(source: nil, environment: environment, exists: { _ in false })
        #expect(endpoints.map(\.socketPath) == ["/nowhere/docker.sock"])
        #expect(EngineEndpoint.discover(source: nil, environment: [:], exists: { _ in false }).isEmpty)
    }

    @Test("tcp and ssh hosts are skipped; duplicates collapse")
    func nonUnixHosts() {
        #expect(EngineEndpoint.unixSocketPath("tcp://127.0.0.1:2375") == nil)
        #expect(EngineEndpoint.unixSocketPath("ssh://me@host") == nil)
        #expect(EngineEndpoint.unixSocketPath("unix://relative.sock") == nil)
        #expect(EngineEndpoint.unixSocketPath("unix:///run/docker.sock") == "/run/docker.sock")
        let environment = ["DOCKER_HOST": "unix:///var/run/docker.sock"]
        let endpoints = EngineEndpoint.discover(source: .docker, environment: environment, exists: { _ in true })
        #expect(endpoints.count == 1)
        #expect(endpoints.first?.origin == "DOCKER_HOST")
    }

    @Test("--image-src lists parse in order and reject unknown engines")
    func parseList() throws {
        #expect(try EngineKind.parseList("podman, docker,podman") == [.podman, .docker])
        #expect(throws: BulwarkError.self) { try EngineKind.parseList("docker,containerd") }
        #expect(EngineImageLocator.endpoints(for: [.podman], environment: ["CONTAINER_HOST": "unix:///x/p.sock"]).map(\.socketPath).first == "/x/p.sock")
    }
}
