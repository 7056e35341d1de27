import SOAPLintPatterns
import Testing

/// PCRE2 matching in windows of start positions: the same matches as one search per match, and
/// a deadline that a slow search cannot run past.
@Suite("PCRE2 matching")
struct RegularExpressionTests {
    /// Every match found by searching the whole text again from the end of the last one: what
    /// `allMatches` gives, had it no windows.
    static func oneSearchPerMatch(_ expression: RegularExpression, _ text: [UInt8]) throws -> [Range<Int>] {
        var matcher = RegularExpression.Matcher(expression)
        defer { matcher.free() }
        var bytes = text
        var ranges: [Range<Int>] = []
        var offset = 0
        while offset <= bytes.count, let range = try matcher.firstMatch(in: &bytes, from: offset) {
            ranges.append(range)
            offset = range.isEmpty ? range.upperBound + 1 : range.upperBound
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
        }
        return ranges
    }

    static func allMatches(_ expression: RegularExpression, _ text: [UInt8], until deadline: UInt64 = .max) throws
        -> [Range<Int>]
    {
        var matcher = RegularExpression.Matcher(expression)
        defer { matcher.free() }
        var bytes = text
        return try matcher.allMatches(in: &bytes, until: deadline)
    }

    /// Text past several windows, with matches, look-behind context and two-byte characters
    /// falling on either side of each window's last start position.
    static let text: [UInt8] = {
        let window = RegularExpression.startWindow
        var text: [UInt8] = []
        for edge in 1...4 {
            let filler = String(repeating: "x ", count: 40) + "Ñ"
            while text.count < edge * window - 6 { text += Array(filler.utf8) }
            text = Array(text.prefix(edge * window - 6 + edge % 2))
            while let last = text.last, last >= 0x80 { text.removeLast() }  // no character cut in two
            text += Array("ééROM:abbbc ROM word é".utf8)
        }
        return text + Array(" ROM:ab".utf8)
    }()

    @Test(
        "matches across window edges are those of one search per match",
        arguments: ["(?<=é)rom:ab+", "ab+(?=c)", "\\bword\\b", "(?<!é)é", "ñ?x(?= Ñ)", "(?=é)", "b*"])
    func windowEdges(pattern: String) throws {
        let expression = try RegularExpression(pattern)
        let expected = try Self.oneSearchPerMatch(expression, Self.text)
        #expect(expected.count >= 4)
        #expect(expected.contains { $0.upperBound > RegularExpression.startWindow })
        #expect(try Self.allMatches(expression, Self.text) == expected)
    }

    @Test("a match starting on any byte around the end of a window is found, once")
    func firstWindowEnd() throws {
        let expression = try RegularExpression("(?<=é)rom:ab+")
        let window = RegularExpression.startWindow
        for start in (window - 3)...(window + 3) {
            let text = [UInt8](repeating: UInt8(ascii: "x"), count: start - 2) + Array("éROM:abb c".utf8)
            #expect(try Self.allMatches(expression, text) == [start..<(start + 7)], "match at byte \(start)")
        }
    }

    @Test("a search that costs a little at every start position stops at the deadline instead of running for minutes")
    func slowSearch() throws {
        let expression = try RegularExpression("(?<=a)[a-y]*z")
        let letters = [UInt8](repeating: UInt8(ascii: "a"), count: 40_000)
        // No match can start in the run of letters, and each start scans to its end: one search
        // over the whole run takes about 10^9 steps, each start well under the match limit.
        #expect(throws: MatchLimitExceeded.self) {
            try Self.allMatches(expression, letters + Array(" z".utf8), until: RegularExpression.Matcher.now())
        }
        // A short run completes, found or not; a match may reach past the window it starts in.
        let short = [UInt8](repeating: UInt8(ascii: "a"), count: 3 * RegularExpression.startWindow)
        #expect(try Self.allMatches(expression, short + Array(" z".utf8)).isEmpty)
        #expect(try Self.allMatches(expression, short + Array("z".utf8)) == [1..<(short.count + 1)])
    }

    @Test("a text that is not UTF-8 ends the search with no match")
    func invalidText() throws {
        let expression = try RegularExpression("(?<=a)b")
        let bytes = Array(String(repeating: "ab ", count: 1_000).utf8) + [0xC3, 0x28] + Array("ab".utf8)
        #expect(try Self.allMatches(expression, bytes).isEmpty)
        #expect(try Self.allMatches(expression, Array(bytes.prefix(3_000))).count == 1_000)
    }
}
