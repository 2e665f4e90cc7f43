import BulwarkCore
import Foundation

/// Runs the upstream half of a byte pipeline on its own thread, handing filled buffers to the
/// reader through a small bounded queue. A layer is thereby processed on two cores at once:
/// reading, inflating and hashing the stored blob upstream; hashing the tar stream and walking its
/// entries downstream. Memory stays bounded at `depth` buffers.
public final class PipelinedSource: ByteSource {
    private let state: PipelineState
    private var current: PipelineState.Chunk?
    private var offset = 0

    /// Starts reading `upstream` on a background thread.
    public init(_ upstream: any ByteSource, bufferSize: Int = 1 << 20, depth: Int = 4) {
        state = PipelineState(upstream: upstream, bufferSize: bufferSize, depth: depth)
        let state = self.state
        let thread = Thread { state.produce() }
        thread.name = "bulwark-layer-reader"
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit {
        if let current { state.recycle(current.buffer) }
        state.cancel()
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(BulwarkError) -> Int {
        guard let target = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            if let chunk = current {
                let available = chunk.count - offset
                if available > 0 {
                    let count = min(available, buffer.count)
                    target.copyMemory(from: chunk.buffer.baseAddress! + offset, byteCount: count)
                    offset += count
                    return count
                }
                state.recycle(chunk.buffer)
                current = nil
            }
            switch state.next() {
            case .chunk(let chunk):
                current = chunk
                offset = 0
            case .end:
                return 0
            case .failure(let error):
                throw error
            }
        }
    }
}

/// The queue shared by a `PipelinedSource` and its producer thread.
final class PipelineState: @unchecked Sendable {
    struct Chunk {
        var buffer: UnsafeMutableRawBufferPointer
        var count: Int
    }

    enum Item {
        case chunk(Chunk)
        case end
        case failure(BulwarkError)
    }

    private let condition = NSCondition()
    private var upstream: (any ByteSource)?
    private var free: [UnsafeMutableRawBufferPointer] = []
    private var filled: [Item] = []
    private var cancelled = false
    private var producerDone = false
    private var allBuffers: [UnsafeMutableRawBufferPointer] = []

    init(upstream: any ByteSource, bufferSize: Int, depth: Int) {
        self.upstream = upstream
        for _ in 0..<max(2, depth) {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 64)
            free.append(buffer)
            allBuffers.append(buffer)
        }
    }

    deinit {
        for buffer in allBuffers { buffer.deallocate() }
    }

    /// The producer loop: fill free buffers until the stream ends, fails, or the reader goes away.
    func produce() {
        while true {
            condition.lock()
            while free.isEmpty && !cancelled { condition.wait() }
            if cancelled {
                producerDone = true
                upstream = nil
                condition.broadcast()
                condition.unlock()
                return
            }
            let buffer = free.removeLast()
            let source = upstream
            condition.unlock()

            var item: Item
            do {
                guard let source else { throw BulwarkError(.io, "pipeline source released") }
                let count = try source.readFully(into: buffer)
                item = count == 0 ? .end : .chunk(Chunk(buffer: buffer, count: count))
                if count == 0 { recycle(buffer) }
            } catch let error as BulwarkError {
                recycle(buffer)
                item = .failure(error)
            } catch {
                recycle(buffer)
                item = .failure(BulwarkError(.io, "\(error)"))
            }
            condition.lock()
            filled.append(item)
            let finished: Bool
            switch item {
            case .chunk: finished = false
            case .end, .failure: finished = true
            }
            if finished {
                producerDone = true
                upstream = nil
            }
            condition.broadcast()
            condition.unlock()
            if finished { return }
        }
    }

    /// The next item for the reader, waiting for the producer when needed.
    func next() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while filled.isEmpty { condition.wait() }
        let item = filled.removeFirst()
        switch item {
        case .end, .failure: filled.insert(item, at: 0)  // stays terminal for later reads
        case .chunk: break
        }
        return item
    }

    /// Returns a consumed buffer to the producer.
    func recycle(_ buffer: UnsafeMutableRawBufferPointer) {
        condition.lock()
        free.append(buffer)
        condition.broadcast()
        condition.unlock()
    }

    /// Stops the producer and waits until it has let go of the upstream source.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !producerDone { condition.wait() }
        condition.unlock()
    }
}

/// Reads a decoder to its end, then drains the stored stream beneath it so the stored blob's digest
/// and size are checked even when bytes follow the end of the compressed data.
public final class DrainingSource: ByteSource {
    private let decoded: any ByteSource
    private let stored: any ByteSource
    private var done = false

    /// Reads `decoded`; at its end drains `stored`.
    public init(_ decoded: any ByteSource, thenDrain stored: any ByteSource) {
        self.decoded = decoded
        self.stored = stored
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(BulwarkError) -> Int {
        if done { return 0 }
        let count = try decoded.read(into: buffer)
        if count == 0 {
            done = true
            try stored.drain()
        }
        return count
    }
}
