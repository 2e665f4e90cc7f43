import BulwarkCore
import CSQLite

/// Reads the header blobs of rpm's SQLite database (`rpmdb.sqlite`: RHEL 9, Fedora, Mariner).
///
/// The file bytes are handed to SQLite with `sqlite3_deserialize` on a private in-memory
/// connection, read-only; nothing is written to disk. rpm keeps its database in WAL mode, which
/// an in-memory database cannot open, so the copy's header is switched to rollback-journal mode
/// first (bytes 18 and 19). Rows still sitting in a `-wal` file are not seen.
public enum SQLiteRPMReader {
    /// The SQLite file magic, `SQLite format 3` and a NUL.
    public static let magic: [UInt8] = Array("SQLite format 3\0".utf8)

    /// Whether `bytes` starts with the SQLite magic.
    public static func isSQLiteDatabase(_ bytes: [UInt8]) -> Bool {
        RPMBinary.matches(bytes, at: 0, magic)
    }

    /// The `blob` column of table `Packages`, ordered by `hnum` (rpm's install order).
    public static func blobs(in bytes: [UInt8], path: String) throws(BulwarkError) -> [[UInt8]] {
        try packages(in: bytes, path: path).map(\.blob)
    }

    /// The `hnum` and `blob` of every row of table `Packages`, ordered by `hnum`.
    public static func packages(in bytes: [UInt8], path: String) throws(BulwarkError) -> [(hnum: Int64, blob: [UInt8])] {
        guard isSQLiteDatabase(bytes), bytes.count >= 100 else {
            throw .invalid(path, "not an SQLite database (no 'SQLite format 3' header)")
        }
        let connection = try Connection(bytes: bytes, path: path)
        return try connection.packageRows()
    }

    /// An in-memory SQLite connection holding a read-only copy of the database.
    private final class Connection {
        let handle: OpaquePointer
        let path: String

        init(bytes: [UInt8], path: String) throws(BulwarkError) {
            self.path = path
            var handle: OpaquePointer?
            let openFlags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY | SQLITE_OPEN_NOMUTEX
            guard sqlite3_open_v2(":memory:", &handle, openFlags, nil) == SQLITE_OK, let opened = handle else {
                if let handle { sqlite3_close_v2(handle) }
                throw BulwarkError(.io, "\(path): cannot open an in-memory SQLite connection")
            }
            self.handle = opened

            // SQLite takes ownership of this buffer (FREEONCLOSE), also when deserialize fails.
            let size = bytes.count
            guard let buffer = sqlite3_malloc64(sqlite3_uint64(size)) else {
                sqlite3_close_v2(opened)
                throw BulwarkError(.io, "\(path): cannot allocate \(size) bytes for the SQLite database")
            }
            let target = buffer.bindMemory(to: UInt8.self, capacity: size)
            bytes.withUnsafeBufferPointer { source in
                if let base = source.baseAddress { target.update(from: base, count: size) }
            }
            // WAL (2) → legacy journal (1): in-memory databases cannot use WAL.
            if target[18] == 2 { target[18] = 1 }
            if target[19] == 2 { target[19] = 1 }
            let flags = UInt32(SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY)
            let status = sqlite3_deserialize(opened, "main", target, sqlite3_int64(size), sqlite3_int64(size), flags)
            guard status == SQLITE_OK else {
                let message = Self.message(opened)
                sqlite3_close_v2(opened)
                throw .invalid(path, "SQLite cannot load the database: \(message)")
            }
        }

        deinit { sqlite3_close_v2(handle) }

        static func message(_ handle: OpaquePointer) -> String {
            sqlite3_errmsg(handle).map { String(cString: $0) } ?? "unknown error"
        }

        func packageRows() throws(BulwarkError) -> [(hnum: Int64, blob: [UInt8])] {
            var statement: OpaquePointer?
            let sql = "SELECT hnum, blob FROM Packages ORDER BY hnum"
            guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
                let message = Self.message(handle)
                sqlite3_finalize(statement)
                throw .invalid(path, "not an rpm SQLite database (cannot read table Packages: \(message))")
            }
            defer { sqlite3_finalize(statement) }
            var rows: [(hnum: Int64, blob: [UInt8])] = []
            while true {
                let status = sqlite3_step(statement)
                if status == SQLITE_DONE { break }
                guard status == SQLITE_ROW else {
                    throw .invalid(path, "SQLite error while reading table Packages: \(Self.message(handle))")
                }
                let hnum = sqlite3_column_int64(statement, 0)
                guard sqlite3_column_type(statement, 1) == SQLITE_BLOB else {
                    throw .invalid(path, "row hnum=\(hnum) of table Packages has no blob")
                }
                let length = Int(sqlite3_column_bytes(statement, 1))
                var blob: [UInt8] = []
                if length > 0, let pointer = sqlite3_column_blob(statement, 1) {
                    blob = Array(UnsafeRawBufferPointer(start: pointer, count: length))
                }
                rows.append((hnum, blob))
            }
            return rows
        }
    }
}
