import BulwarkCore
import CSQLite

/// sqlite3's "copy this buffer now" destructor, for binding Swift-owned memory.
private let transientDestructor = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One prepared statement, reset and rebound for each use.
final class SQLiteStatement {
    private var statement: OpaquePointer?
    private unowned let connection: SQLiteConnection

    init(_ statement: OpaquePointer, connection: SQLiteConnection) {
        self.statement = statement
        self.connection = connection
    }

    deinit { finalize() }

    /// Releases the statement; it cannot be used afterwards.
    func finalize() {
        if let statement { sqlite3_finalize(statement) }
        statement = nil
    }

    /// Resets the statement and clears its bindings, ready for new parameters.
    func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    /// Binds a text parameter (1-based).
    func bind(_ index: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            if let base = bytes.baseAddress, bytes.count > 0 {
                _ = sqlite3_bind_text(statement, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), transientDestructor)
            } else {
                _ = sqlite3_bind_text(statement, index, "", 0, transientDestructor)
            }
        }
    }

    /// Binds an integer parameter (1-based).
    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(statement, index, value)
    }

    /// Binds a blob parameter (1-based).
    func bind(_ index: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            _ = sqlite3_bind_blob(statement, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count), transientDestructor)
        }
    }

    /// Advances to the next row; false when done.
    func step() throws(BulwarkError) -> Bool {
        let status = sqlite3_step(statement)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.error(connection.lastMessage, code: status)
        }
    }

    /// Runs the statement to completion and resets it.
    func run() throws(BulwarkError) {
        defer { reset() }
        while try step() {}
    }

    /// A column as an integer (0-based).
    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    /// A column as text (0-based); empty for NULL.
    func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// A column's blob bytes (0-based), valid until the next step/reset.
    func withBlob<Result>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws(BulwarkError) -> Result) throws(BulwarkError) -> Result {
        let pointer = sqlite3_column_blob(statement, column)
        let count = Int(sqlite3_column_bytes(statement, column))
        return try body(UnsafeRawBufferPointer(start: count > 0 ? pointer : nil, count: count))
    }

    /// A column's blob bytes copied into an array (0-based).
    func blob(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let pointer = sqlite3_column_blob(statement, column) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
