@testable import BulwarkCatalog

/// Synthetic Go build-info blobs in both layouts, wrapped in ELF files built by ``TestELFBuilder``.
enum GoBuildInfoFixtures {
    static let startSentinel: [UInt8] = [0x30, 0x77, 0xAF, 0x0C, 0x92, 0x74, 0x08, 0x02, 0x41, 0xE1, 0xC1, 0x07, 0xE6, 0xD6, 0x18, 0xE6]
    static let endSentinel: [UInt8] = [0xF9, 0x32, 0x43, 0x31, 0x86, 0x18, 0x20, 0x72, 0x00, 0x82, 0x42, 0x10, 0x41, 0x16, 0xD8, 0xF2]

    static let moduleText = """
        path\texample.com/app/cmd/app
        mod\texample.com/app\t(devel)\t
        dep\tgithub.com/BurntSushi/toml\tv1.2.1\th1:9F2/+DoOYIOksmaJFPw1tGFy1eDnIJXg+UHjuD8lTak=
        dep\tgolang.org/x/text\tv0.3.7\th1:abc=
        =>\tgolang.org/x/text\tv0.3.8\th1:def=
        dep\texample.com/local\tv1.0.0\t
        =>\t../local\t\t
        dep\tgolang.org/x/sys\tv0.0.0-20220412211240-33da011f77ad\th1:xyz=
        build\t-compiler=gc
        build\tCGO_ENABLED=0

        """

    static func uvarint(_ value: Int) -> [UInt8] {
        var out: [UInt8] = []
        var rest = value
        while rest >= 0x80 {
            out.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
        return out
    }

    static var framedModule: [UInt8] { startSentinel + Array(moduleText.utf8) + endSentinel }

    /// Go 1.18+ inline layout.
    static func inlineBlob(version: String = "go1.21.0 X:boringcrypto") -> [UInt8] {
        var blob = [0xFF] + Array(" Go buildinf:".utf8) + [8, 2]
        blob += [UInt8](repeating: 0, count: 16)
        blob += uvarint(version.utf8.count) + Array(version.utf8)
        blob += uvarint(framedModule.count) + framedModule
        return blob
    }

    /// An ELF with the inline blob in `.go.buildinfo` (or only in a segment when `stripped`).
    static func inlineELF(stripped: Bool = false, version: String = "go1.21.0 X:boringcrypto") -> [UInt8] {
        var builder = TestELFBuilder()
        builder.add(".text", [0xC3], address: 0x401000)
        builder.add(".go.buildinfo", inlineBlob(version: version), address: 0x500000)
        builder.includeSectionHeaders = !stripped
        return builder.bytes()
    }

    /// Pre-1.18 layout: the header points at Go string headers in `.data`.
    static func pointerELF(is64: Bool, littleEndian: Bool, version: String = "go1.16.15") -> [UInt8] {
        var builder = TestELFBuilder()
        builder.is64 = is64
        builder.littleEndian = littleEndian
        let word = is64 ? 8 : 4
        let dataAddress: UInt64 = 0x600000
        let stringsAddress = dataAddress + 0x40
        var data = builder.integer(stringsAddress, width: word) + builder.integer(UInt64(version.utf8.count), width: word)
        data += builder.integer(stringsAddress + UInt64(version.utf8.count), width: word) + builder.integer(UInt64(framedModule.count), width: word)
        data += [UInt8](repeating: 0, count: 0x40 - data.count)
        data += Array(version.utf8) + framedModule
        var header = [0xFF] + Array(" Go buildinf:".utf8) + [UInt8(word), littleEndian ? 0 : 1]
        header += builder.integer(dataAddress, width: word) + builder.integer(dataAddress + UInt64(2 * word), width: word)
        header += [UInt8](repeating: 0, count: 32 - header.count)
        builder.add(".go.buildinfo", header, address: 0x500000)
        builder.add(".data", data, address: dataAddress)
        return builder.bytes()
    }
}
