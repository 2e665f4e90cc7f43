import BulwarkCore
import BulwarkEngine
import BulwarkImage
import BulwarkRegistry
import Foundation

/// `bulwark image REF` for a registry reference: client, shared blob cache, progress on a TTY.
enum RegistryScan {
    static func run(
        _ reference: ImageReference, scanner: InventoryScanner, registry: RegistryOptions, scanOptions: InventoryScanOptions, options: GlobalOptions
    ) async throws(BulwarkError) -> Inventory {
        let client = try RegistryClient(options: registry.clientOptions(), credentials: registry.credentialResolver(), logger: scanner.logger)
        let blobs = BlobCache(root: options.resolvedCacheDirectory + "/blobs")
        blobs.removeStalePartials()
        let showProgress = !options.quiet && Console.progressAllowed
        if showProgress { Console.note("Pulling \(reference.familiarName)…") }
        let progress: (@Sendable (Int64, Int64) -> Void)? = showProgress ? ProgressLine.reporter(label: reference.familiarName) : nil
        let result: Result<Inventory, BulwarkError>
        do {
            result = .success(try await scanner.scanRegistryImage(reference, puller: RegistryPuller(client: client), blobs: blobs, options: scanOptions, progress: progress))
        } catch {
            result = .failure(error)
        }
        if showProgress { Console.progress("") }
        await client.shutdown()
        return try result.get()
    }
}

/// A throttled "label  12.3 / 45.6 MB" progress line on stderr.
enum ProgressLine {
    static func reporter(label: String) -> @Sendable (Int64, Int64) -> Void {
        let last = LastReport()
        return { done, total in
            guard last.shouldReport(done: done, total: total) else { return }
            let mb = { (bytes: Int64) in String(format: "%.1f", Double(bytes) / 1_048_576) }
            Console.progress("\(label)  \(mb(done)) / \(mb(total)) MB")
        }
    }

    private final class LastReport: @unchecked Sendable {
        private let lock = NSLock()
        private var at = Date.distantPast

        func shouldReport(done: Int64, total: Int64) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            let now = Date()
            guard done >= total || now.timeIntervalSince(at) > 0.1 else { return false }
            at = now
            return true
        }
    }
}
