/// How long Engine API calls may take: every call has a bound, so nothing can hang.
public struct EngineTimeouts: Sendable, Hashable {
    /// Connecting to the socket.
    public var connect: Duration
    /// A metadata request (ping, inspect, list) from start to the end of its body.
    public var request: Duration
    /// The longest silence allowed while a response streams (export, load).
    public var idle: Duration
    /// The whole transfer of an image or container export, or an image load.
    public var transfer: Duration

    /// Creates timeouts; the defaults suit a local daemon exporting multi-GB images.
    public init(connect: Duration = .seconds(5), request: Duration = .seconds(30), idle: Duration = .seconds(120), transfer: Duration = .seconds(3600)) {
        self.connect = connect
        self.request = request
        self.idle = idle
        self.transfer = transfer
    }

    /// Every bound set to `seconds` except `transfer`, which is at least that (`--engine-timeout`).
    public static func uniform(seconds: Double) -> EngineTimeouts {
        let duration = Duration.milliseconds(Int64(max(0.001, seconds) * 1000))
        return EngineTimeouts(connect: duration, request: duration, idle: duration, transfer: max(duration, .seconds(3600)))
    }
}
