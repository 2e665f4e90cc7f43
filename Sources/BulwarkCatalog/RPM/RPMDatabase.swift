import BulwarkCore

/// Entry points for reading an rpm package database held in memory, whatever its format.
public enum RPMDatabase {
    /// The raw header blobs of every record, in the database's own order; `path` names the file in errors.
    public static func blobs(from bytes: [UInt8], path: String) throws(BulwarkError) -> [[UInt8]] {
        guard let format = RPMDatabaseFormat(detecting: bytes) else {
            throw .invalid(path, "not an rpm database (neither SQLite, NDB nor Berkeley DB hash)")
        }
        return try blobs(from: bytes, format: format, path: path)
    }

    /// The raw header blobs of a database whose format is already known.
    public static func blobs(from bytes: [UInt8], format: RPMDatabaseFormat, path: String) throws(BulwarkError)
        -> [[UInt8]]
    {
        switch format {
        case .sqlite: return try SQLiteRPMReader.blobs(in: bytes, path: path)
        case .ndb: return try NDBReader.blobs(in: bytes, path: path)
        case .berkeleyDB: return try BerkeleyDBHashReader.values(in: bytes, path: path)
        }
    }

    /// The parsed headers of every record; each header's ``RPMHeader/source`` is `path (record N)`.
    public static func headers(from bytes: [UInt8], path: String) throws(BulwarkError) -> [RPMHeader] {
        let blobs = try blobs(from: bytes, path: path)
        var headers: [RPMHeader] = []
        headers.reserveCapacity(blobs.count)
        for (index, blob) in blobs.enumerated() {
            headers.append(try RPMHeader(blob: blob, source: "\(path) (record \(index + 1))"))
        }
        return headers
    }

    /// The package fields of every record, including `gpg-pubkey` pseudo packages.
    public static func packages(from bytes: [UInt8], path: String) throws(BulwarkError) -> [RPMPackageInfo] {
        var packages: [RPMPackageInfo] = []
        for header in try headers(from: bytes, path: path) {
            packages.append(try RPMPackageInfo(header: header))
        }
        return packages
    }
}
