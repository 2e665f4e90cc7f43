/// The storage format of an rpm package database, detected from the file's first bytes.
public enum RPMDatabaseFormat: String, Sendable, Hashable, CaseIterable {
    /// SQLite `rpmdb.sqlite` (rpm ≥ 4.16: RHEL 9, Fedora 33+, CBL-Mariner/Azure Linux).
    case sqlite
    /// rpm's own NDB `Packages.db` (SUSE, openSUSE).
    case ndb
    /// Berkeley DB hash `Packages` (RHEL/CentOS ≤ 8, Amazon Linux 2, older SUSE).
    case berkeleyDB

    /// Detects the format by content: the SQLite magic, the NDB `RpmP` magic, or the Berkeley DB
    /// hash magic at offset 12 in either byte order. Nil for anything else.
    public init?(detecting bytes: [UInt8]) {
        if SQLiteRPMReader.isSQLiteDatabase(bytes) {
            self = .sqlite
        } else if NDBReader.isNDBDatabase(bytes) {
            self = .ndb
        } else if BerkeleyDBHashReader.isHashDatabase(bytes) {
            self = .berkeleyDB
        } else {
            return nil
        }
    }
}
