import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP GET streamed straight into a file with URLSession (never held in memory): a `200` body
/// replaces the file, a `206` body whose `Content-Range` starts at the file's current size is appended.
/// Other statuses leave the file alone.
enum HTTPTransfer {
    /// What one request produced.
    struct Outcome {
        /// The HTTP status, nil when no response arrived.
        var status: Int?
        /// Response headers, keys lower-cased.
        var headers: [String: String] = [:]
        /// Body bytes written to the file by this request.
        var written: Int64 = 0
        /// The body length the server announced (`Content-Length`), when it did.
        var announcedLength: Int64?
        /// For 206: the first byte offset and the full size from `Content-Range`.
        var rangeStart: Int64?
        var rangeTotal: Int64?
        /// A transport or file error that ended the request early.
        var failure: String?
    }

    /// Performs `request`, writing a 200/206 body into `filePath` (whose current length is `resumeOffset` for 206).
    static func run(
        _ request: URLRequest, filePath: String, resumeOffset: Int64, timeout: Double,
        onData: @escaping @Sendable (_ fileSize: Int64, _ expected: Int64?) -> Void
    ) async -> Outcome {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        configuration.timeoutIntervalForRequest = timeout
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let box = TaskBox()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
                let delegate = TransferDelegate(filePath: filePath, resumeOffset: resumeOffset, onData: onData, continuation: continuation)
                let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
                let task = session.dataTask(with: request)
                box.set(task)
                task.resume()
                session.finishTasksAndInvalidate()
            }
        } onCancel: {
            box.cancel()
        }
    }

    /// Holds the task so a Swift task cancellation can cancel it.
    private final class TaskBox: @unchecked Sendable {
        private let lock = NSLock()
        private var task: URLSessionTask?
        private var cancelled = false

        func set(_ task: URLSessionTask) {
            lock.lock()
            self.task = task
            let cancelNow = cancelled
            lock.unlock()
            if cancelNow { task.cancel() }
        }

        func cancel() {
            lock.lock()
            cancelled = true
            let task = self.task
            lock.unlock()
            task?.cancel()
        }
    }

    /// Receives the response on the session's serial delegate queue; all state is touched only there.
    private final class TransferDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        private let filePath: String
        private let resumeOffset: Int64
        private let onData: @Sendable (Int64, Int64?) -> Void
        private var continuation: CheckedContinuation<Outcome, Never>?
        private var outcome = Outcome()
        private var handle: FileHandle?
        private var baseOffset: Int64 = 0
        private var expectedTotal: Int64?
        private var lastReported: Int64 = 0
        /// Progress is reported at most once per this many bytes (and once at the end).
        private static let reportInterval: Int64 = 256 << 10

        init(filePath: String, resumeOffset: Int64, onData: @escaping @Sendable (Int64, Int64?) -> Void, continuation: CheckedContinuation<Outcome, Never>) {
            self.filePath = filePath
            self.resumeOffset = resumeOffset
            self.onData = onData
            self.continuation = continuation
        }

        func urlSession(
            _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
            completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
        ) {
            guard let http = response as? HTTPURLResponse else {
                outcome.failure = "not an HTTP response"
                completionHandler(.cancel)
                return
            }
            outcome.status = http.statusCode
            for (key, value) in http.allHeaderFields {
                if let key = key as? String, let value = value as? String { outcome.headers[key.lowercased()] = value }
            }
            outcome.announcedLength = outcome.headers["content-length"].flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
            switch http.statusCode {
            case 200:
                baseOffset = 0
                expectedTotal = outcome.announcedLength
                handle = openFile(truncatingTo: 0)
            case 206:
                guard let (start, total) = Self.contentRange(outcome.headers["content-range"]), start == resumeOffset else {
                    outcome.failure = "unexpected Content-Range '\(outcome.headers["content-range"] ?? "")' for a resume at \(resumeOffset)"
                    completionHandler(.cancel)
                    return
                }
                outcome.rangeStart = start
                outcome.rangeTotal = total
                baseOffset = start
                expectedTotal = total
                handle = openFile(truncatingTo: start)
            default:
                completionHandler(.allow)  // small error bodies and 304s are read and dropped
                return
            }
            if handle == nil {
                outcome.failure = "cannot write \(filePath)"
                completionHandler(.cancel)
                return
            }
            onData(baseOffset, expectedTotal)
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            guard let handle else { return }
            do {
                try handle.write(contentsOf: data)
                outcome.written += Int64(data.count)
                if outcome.written - lastReported >= Self.reportInterval {
                    lastReported = outcome.written
                    onData(baseOffset + outcome.written, expectedTotal)
                }
            } catch {
                outcome.failure = "cannot write \(filePath): \(error.localizedDescription)"
                dataTask.cancel()
            }
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
            if let handle {
                do { try handle.synchronize() } catch { if outcome.failure == nil { outcome.failure = "cannot sync \(filePath)" } }
                try? handle.close()
                self.handle = nil
                if outcome.written != lastReported { onData(baseOffset + outcome.written, expectedTotal) }
            }
            if let error, outcome.failure == nil { outcome.failure = error.localizedDescription }
            continuation?.resume(returning: outcome)
            continuation = nil
        }

        /// Opens the file for writing at `offset`, cutting anything after it.
        private func openFile(truncatingTo offset: Int64) -> FileHandle? {
            if !FileManager.default.fileExists(atPath: filePath) {
                guard FileManager.default.createFile(atPath: filePath, contents: nil) else { return nil }
            }
            guard let handle = FileHandle(forWritingAtPath: filePath) else { return nil }
            do {
                try handle.truncate(atOffset: UInt64(max(0, offset)))
                try handle.seek(toOffset: UInt64(max(0, offset)))
            } catch {
                try? handle.close()
                return nil
            }
            return handle
        }

        /// `bytes START-END/TOTAL` → (START, TOTAL); TOTAL nil for `*`.
        static func contentRange(_ value: String?) -> (Int64, Int64?)? {
            guard let value = value?.trimmingCharacters(in: .whitespaces), value.lowercased().hasPrefix("bytes ") else { return nil }
            let spec = value.dropFirst(6)
            let parts = spec.split(separator: "/", maxSplits: 1)
            guard parts.count == 2, let dash = parts[0].firstIndex(of: "-"), let start = Int64(parts[0][..<dash]) else { return nil }
            return (start, parts[1] == "*" ? nil : Int64(parts[1]))
        }
    }
}
