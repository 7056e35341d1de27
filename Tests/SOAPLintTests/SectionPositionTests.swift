import SOAPLintModel
import Testing

@Suite("Mapping section text back to the file")
struct SectionPositionTests {
    @Test("an offset in the body maps to the line and column it came from, in characters")
    func offsets() throws {
        let note = try Fixtures.note("# Título 🙂\n**Subjective:** Café pain 6/10\nworse lifting\n")
        let section = try #require(note.sections.first)
        // "Café pain": the "p" of pain is 5 characters into the body; the label takes 16 columns.
        #expect(section.position(ofScalarOffset: 5) == SourcePosition(line: 2, column: 22))
        let worse = section.body.unicodeScalars.count - "worse lifting".count
        #expect(section.position(ofScalarOffset: worse) == SourcePosition(line: 3, column: 1))
        #expect(section.position(ofScalarOffset: 10_000) == nil)
    }

    @Test("front matter lines count: the first heading after it keeps its file line")
    func frontMatterOffset() throws {
        let note = try Fixtures.note("---\ndate: 2026-01-01\npayer: medicare\n---\n\n## Subjective\nx\n")
        #expect(note.sections.first?.range?.start == SourcePosition(line: 6, column: 1))
        #expect(note.visit.payer == "medicare")
    }

    @Test("front matter errors are reported at the file's line")
    func frontMatterError() {
        #expect(
            throws: FileError(
                file: "note.md", line: 4, column: 1,
                message: "front matter: could not find expected ':' (while scanning a simple key at line 3)")
        ) {
            try Fixtures.note("---\ndate: 2026-01-01\nbroken\nx: y\n---\nS: a\n")
        }
        #expect(
            throws: FileError(
                file: "note.md", line: 1, column: 1,
                message: "the front matter that starts here has no closing '---' line")
        ) {
            try Fixtures.note("---\ndate: 2026-01-01\n")
        }
        #expect(
            throws: FileError(
                file: "note.md", line: 4, column: 14,
                message: "'minutes' must be a whole number of minutes, found 'thirty'")
        ) {
            try Fixtures.note("---\nservices:\n  - code: \"97140\"\n    minutes: thirty\n---\nS: a\n")
        }
    }
}
