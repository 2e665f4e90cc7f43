import BulwarkCatalog

/// Builds rpm header blobs (the database form: no lead, no magic) for tests.
struct RPMHeaderBlobBuilder {
    /// A typed entry value.
    enum Value {
        case string(String)
        case stringArray([String])
        case i18nString([String])
        case int16([UInt16])
        case int32([UInt32])
        case int64([UInt64])
        case binary([UInt8])
    }

    /// Entries in index order.
    var entries: [(tag: Int32, value: Value)] = []
    /// Whether to write an immutable region (tag 63) around the entries, as rpm does.
    var immutableRegion = true

    /// Adds an entry.
    mutating func add(_ tag: RPMHeaderTag, _ value: Value) {
        entries.append((tag.rawValue, value))
    }

    /// A typical package header.
    static func package(
        name: String, version: String = "1.0", release: String? = "1.el9", epoch: UInt32? = nil,
        arch: String? = "x86_64", sourceRPM: String? = nil, license: String? = "MIT", vendor: String? = "Bulwark Test",
        files: [String] = []
    ) -> RPMHeaderBlobBuilder {
        var builder = RPMHeaderBlobBuilder()
        builder.add(.name, .string(name))
        builder.add(.version, .string(version))
        if let release { builder.add(.release, .string(release)) }
        if let epoch { builder.add(.epoch, .int32([epoch])) }
        builder.add(.summary, .i18nString(["Summary of \(name)"]))
        builder.add(.size, .int32([4096]))
        if let vendor { builder.add(.vendor, .string(vendor)) }
        if let license { builder.add(.license, .string(license)) }
        if let arch { builder.add(.arch, .string(arch)) }
        builder.add(
            .sourceRPM, .string(sourceRPM ?? "\(name)-\(version)-\(release ?? "1").src.rpm"))
        if !files.isEmpty {
            var directories: [String] = []
            var indexes: [UInt32] = []
            var baseNames: [String] = []
            for file in files {
                let slash = file.lastIndex(of: "/") ?? file.startIndex
                let directory = String(file[...slash])
                let base = String(file[file.index(after: slash)...])
                if let index = directories.firstIndex(of: directory) {
                    indexes.append(UInt32(index))
                } else {
                    directories.append(directory)
                    indexes.append(UInt32(directories.count - 1))
                }
                baseNames.append(base)
            }
            builder.add(.dirIndexes, .int32(indexes))
            builder.add(.baseNames, .stringArray(baseNames))
            builder.add(.dirNames, .stringArray(directories))
        }
        return builder
    }

    /// Encodes the header.
    func build() -> [UInt8] {
        var data = RPMTestBytes()
        var index: [(tag: Int32, type: UInt32, offset: Int32, count: UInt32)] = []
        for (tag, value) in entries {
            switch value {
            case .string(let text):
                index.append((tag, 6, Int32(data.bytes.count), 1))
                data.bytes += Array(text.utf8) + [0]
            case .stringArray(let texts), .i18nString(let texts):
                let type: UInt32
                if case .stringArray = value { type = 8 } else { type = 9 }
                index.append((tag, type, Int32(data.bytes.count), UInt32(texts.count)))
                for text in texts { data.bytes += Array(text.utf8) + [0] }
            case .int16(let values):
                data.align(2)
                index.append((tag, 3, Int32(data.bytes.count), UInt32(values.count)))
                for value in values { data.u16(value, bigEndian: true) }
            case .int32(let values):
                data.align(4)
                index.append((tag, 4, Int32(data.bytes.count), UInt32(values.count)))
                for value in values { data.u32(value, bigEndian: true) }
            case .int64(let values):
                data.align(8)
                index.append((tag, 5, Int32(data.bytes.count), UInt32(values.count)))
                for value in values { data.u64(value, bigEndian: true) }
            case .binary(let bytes):
                index.append((tag, 7, Int32(data.bytes.count), UInt32(bytes.count)))
                data.bytes += bytes
            }
        }
        if immutableRegion {
            let entryCount = Int32(index.count + 1)
            let trailerOffset = Int32(data.bytes.count)
            data.u32(UInt32(bitPattern: 63), bigEndian: true)
            data.u32(7, bigEndian: true)
            data.u32(UInt32(bitPattern: -entryCount * 16), bigEndian: true)
            data.u32(16, bigEndian: true)
            index.insert((63, 7, trailerOffset, 16), at: 0)
        }
        return Self.raw(index: index, data: data.bytes)
    }

    /// Encodes an arbitrary index and data area, for hostile headers.
    static func raw(index: [(tag: Int32, type: UInt32, offset: Int32, count: UInt32)], data: [UInt8]) -> [UInt8] {
        var out = RPMTestBytes()
        out.u32(UInt32(index.count), bigEndian: true)
        out.u32(UInt32(data.count), bigEndian: true)
        for entry in index {
            out.u32(UInt32(bitPattern: entry.tag), bigEndian: true)
            out.u32(entry.type, bigEndian: true)
            out.u32(UInt32(bitPattern: entry.offset), bigEndian: true)
            out.u32(entry.count, bigEndian: true)
        }
        return out.bytes + data
    }
}
