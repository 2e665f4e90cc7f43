import BulwarkCore
import BulwarkTestSupport
import Foundation
import Testing

@testable import BulwarkRegistry

#if canImport(Glibc)
    import Glibc
#endif

/// A server that accepts connections and never answers (nor closes): every request must still end
/// within the configured timeouts, over HTTPS (a TLS handshake that never completes) and plain HTTP.
@Suite("Silent servers")
struct SilentServerTests {
    /// Listens on 127.0.0.1 and accepts connections without reading or writing.
    final class SilentListener: @unchecked Sendable {
        let descriptor: Int32
        let port: Int

        init() throws {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            self.descriptor = descriptor
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let ok = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, length) == 0 && listen(descriptor, 16) == 0 && getsockname(descriptor, $0, &length) == 0
                }
            }
            guard ok else { throw TestSupportError("listen failed") }
            port = Int(UInt16(bigEndian: address.sin_port))
        }

        deinit { close(descriptor) }
    }

    @Test("an insecure registry that never answers fails within the timeouts", arguments: [true, false])
    func silent(insecure: Bool) async throws {
        let listener = try SilentListener()
        let address = "127.0.0.1:\(listener.port)"
        let client = try RegistryClient(
            options: RegistryClientOptions(insecureRegistries: insecure ? [address] : [], connectTimeout: 1, readTimeout: 1, maxAttempts: 2, maxBackoff: 0.1))
        let started = Date()
        let error = await #expect(throws: BulwarkError.self) {
            try await RegistryPuller(client: client).resolve(try ImageReference(parsing: "\(address)/a/b:1"), platform: nil)
        }
        #expect(error?.code == .network)
        // A hang guard (timeouts here are 1 s; a full parallel test run can delay resumption by tens of seconds).
        #expect(Date().timeIntervalSince(started) < 150)
        await client.shutdown()
    }
}
