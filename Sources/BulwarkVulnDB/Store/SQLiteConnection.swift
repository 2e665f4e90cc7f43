import BulwarkCore
import CSQLite

/// A thin owner of one sqlite3 connection: opening, running SQL and preparing statements.
/// Not thread-safe; callers serialize access.
final class SQLiteConnection {
    /// The raw handle, valid until ``close()``.
    private(set) var handle: OpaquePointer?
    /// The database file path, for error messages.
    let path: String

    /// Opens `path` with sqlite3 `flags`; `uri` (when given) is what sqlite3 opens instead of `path`.
    init(path: String, flags: Int32, uri: String? = nil) throws(BulwarkError) {
        self.path = path
        var opened: OpaquePointer?
        let status = sqlite3_open_v2(uri ?? path, &opened, flags, nil)
        guard status == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let opened { sqlite3_close_v2(opened) }
            throw BulwarkError(.io, "\(path): cannot open the vulnerability database: \(message)")
        }
        handle = opened
        sqlite3_extended_result_codes(opened, 1)
    }

    deinit { close() }

    /// Closes the connection (statements must be finalized first).
    func close() {
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    /// The last error message of the connection.
    var lastMessage: String { handle.map { String(cString: sqlite3_errmsg($0)) } ?? "closed" }

    /// The primary result code of the last failed call.
    var lastCode: Int32 { handle.map { sqlite3_errcode($0) & 0xff } ?? SQLITE_MISUSE }

    /// Runs one or more SQL statements that return no rows needed by the caller.
    func execute(_ sql: String) throws(BulwarkError) {
        var errorText: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &errorText)
        if status != SQLITE_OK {
            let message = errorText.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(errorText)
            throw error(message, code: status)
        }
    }

    /// Compiles `sql` into a reusable statement.
    func prepare(_ sql: String) throws(BulwarkError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw error(lastMessage, code: status) }
        return SQLiteStatement(statement, connection: self)
    }

    /// A `BulwarkError` for a failed sqlite3 call: corrupt or non-database files are invalid input,
    /// everything else an environment failure.
    func error(_ message: String, code: Int32) -> BulwarkError {
        switch code & 0xff {
        case SQLITE_NOTADB, SQLITE_CORRUPT:
            return BulwarkError(.invalidInput, "\(path): not a valid vulnerability database (\(message))",
                                hint: "run `bulwark db update` to download a fresh one")
        default:
            return BulwarkError(.io, "\(path): database error: \(message)")
        }
    }
}
