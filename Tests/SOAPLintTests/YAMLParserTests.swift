import SOAPLintYAML
import Testing

@Suite("YAML through libyaml")
struct YAMLParserTests {
    @Test("mappings keep order and every node knows its line and column")
    func marks() throws {
        let root = try #require(try YAMLParser.parse("id: x\nlist:\n  - a\n  - \"b\"\nmap: {k: 1}\n"))
        let pairs = try #require(root.mapping)
        #expect(pairs.map { $0.key.scalar } == ["id", "list", "map"])
        let list = try #require(root["list"]?.sequence)
        #expect(list.map(\.mark) == [YAMLMark(line: 3, column: 5), YAMLMark(line: 4, column: 5)])
        #expect(list[1].content == .scalar("b", plain: false))
        #expect(root["map"]?["k"]?.integer == 1)
    }

    @Test("null forms and quoted null")
    func nulls() throws {
        let root = try #require(try YAMLParser.parse("a:\nb: ~\nc: null\nd: \"null\"\n"))
        #expect(root["a"]?.isNull == true)
        #expect(root["b"]?.isNull == true)
        #expect(root["c"]?.isNull == true)
        #expect(root["d"]?.scalar == "null")
    }

    @Test("an empty text has no document")
    func empty() throws {
        #expect(try YAMLParser.parse("") == nil)
        #expect(try YAMLParser.parse("# only a comment\n") == nil)
    }

    @Test("syntax errors carry libyaml's line and column")
    func syntaxError() {
        #expect(throws: YAMLError.self) { try YAMLParser.parse("a: [1, 2\nb: 3\n") }
        do {
            _ = try YAMLParser.parse("key: value\n  bad: indent\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 6)
            #expect(error.message.contains("mapping values are not allowed"))
        }
    }

    @Test("aliases share the anchored node")
    func aliases() throws {
        let root = try #require(try YAMLParser.parse("base: &b [1, 2]\ncopy: *b\n"))
        #expect(root["copy"]?.sequence?.count == 2)
    }

    @Test("a billion-laughs document fails fast instead of expanding")
    func billionLaughs() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        do {
            _ = try YAMLParser.parse(text)
            Issue.record("expected the expansion limit to stop the document")
        } catch {
            #expect(error.message.contains("expands to more than"))
        }
    }
}
