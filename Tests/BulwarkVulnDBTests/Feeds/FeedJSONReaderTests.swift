import BulwarkCore
@testable import BulwarkVulnDB
import Testing

@Suite("Feed JSON reader")
struct FeedJSONReaderTests {
    @Test("values, escapes and surrogate pairs")
    func values() throws {
        let text = #"{"a": [1, -2.5e3, true, false, null], "s": "x\"\\\/\n\t\u00e9\ud83d\ude00\ud800z", "o": {}, "e": []}"#
        let value = try FeedJSONReader.parse(Array(text.utf8), label: "doc", feed: "test")
        #expect(value["a"]?.array?.count == 5)
        #expect(value["a"]?.array?[1].number == -2500)
        #expect(value["s"]?.string == "x\"\\/\n\té😀\u{FFFD}z")
        #expect(value["o"]?.members?.isEmpty == true)
        #expect(value["e"]?.array?.isEmpty == true)
        #expect(value["missing"] == nil)
        #expect(value.members?.map(\.key) == ["a", "s", "o", "e"])
    }

    @Test("errors name the file and the offset", arguments: [
        "", "{", "[1,", "{\"a\" 1}", "{\"a\":1,}", "[1 2]", "\"abc", "\"a\u{01}b\"", "tru", "nul", "[-]", "{\"a\":1} x", "\"\\x\"", "\"\\u12\"",
    ])
    func errors(text: String) {
        #expect { try FeedJSONReader.parse(Array(text.utf8), label: "bad.json", feed: "test") } throws: { error in
            guard let error = error as? BulwarkError else { return false }
            return error.message.hasPrefix("bad.json: not valid test JSON (") && error.message.contains("at byte")
        }
    }

    @Test("nesting is capped")
    func depth() throws {
        let ok = String(repeating: "[", count: FeedJSONReader.maxDepth) + String(repeating: "]", count: FeedJSONReader.maxDepth)
        _ = try FeedJSONReader.parse(Array(ok.utf8), label: "x", feed: "test")
        let deep = String(repeating: "[", count: FeedJSONReader.maxDepth + 1) + String(repeating: "]", count: FeedJSONReader.maxDepth + 1)
        #expect(throws: BulwarkError.self) { try FeedJSONReader.parse(Array(deep.utf8), label: "x", feed: "test") }
    }

    @Test("streaming an object visits members in order")
    func streaming() throws {
        var reader = try FeedJSONReader(Array(#"{"b": {"x": 1}, "a": [2]}"#.utf8), label: "x", feed: "test")
        var keys: [String] = []
        try reader.readObject { (key: String, reader: inout FeedJSONReader) throws(BulwarkError) in
            keys.append(key)
            _ = try reader.readValue()
        }
        try reader.expectEnd()
        #expect(keys == ["b", "a"])
    }
}
