import Foundation
import SOAPLintModel
import SOAPLintParsers
import SOAPLintReporters
import Testing

/// Tree dumps of every parser fixture and every example, compared with committed goldens.
@Suite("Parser goldens")
struct ParserGoldenTests {
    static let parseFixtures = Fixtures.files(in: Fixtures.directory.appendingPathComponent("parse"))
        .filter { NoteFormat(path: $0) != nil }
    static let examples = Fixtures.files(in: Fixtures.packageRoot.appendingPathComponent("Examples"))
        .filter { NoteFormat(path: $0) != nil && $0 != "README.md" }

    @Test("tree dump of a heading style", arguments: parseFixtures)
    func parseFixture(_ name: String) throws {
        let folder = Fixtures.directory.appendingPathComponent("parse")
        let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
        let notes = try Fixtures.reader.notes(in: bytes, file: name, format: try #require(NoteFormat(path: name)))
        try Fixtures.assertGolden(NoteDump.render(notes), folder.appendingPathComponent(name + ".dump"))
    }

    @Test("tree dump of an example note", arguments: examples)
    func example(_ name: String) throws {
        let url = Fixtures.packageRoot.appendingPathComponent("Examples").appendingPathComponent(name)
        let bytes = try [UInt8](Data(contentsOf: url))
        let file = "Examples/" + name
        let notes = try Fixtures.reader.notes(in: bytes, file: file, format: try #require(NoteFormat(path: name)))
        try Fixtures.assertGolden(
            NoteDump.render(notes),
            Fixtures.directory.appendingPathComponent("examples").appendingPathComponent(name + ".dump"))
    }

    @Test("there are goldens for at least 12 examples and every heading style")
    func coverage() {
        #expect(Self.examples.count >= 12)
        #expect(Self.parseFixtures.count >= 12)
    }
}
