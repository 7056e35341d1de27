import Foundation
import SOAPLintEngine
import SOAPLintModel
import SOAPLintParsers
import Testing

@testable import SOAPLintReporters

/// The HTML report's spools: text kept on disk past a limit comes back exactly as written.
@Suite("Report spools")
struct SpoolTests {
    /// Text of 1- to 4-byte characters, long enough to cross several 64 KB read blocks.
    static let mixedText: [String] = (0..<40_000).map { index in
        ["a", "é", "°", "𝄞", "<li>line \(index)</li>\n", "ROM 45° · pain 3/10"][index % 6]
    }

    @Test("text spooled to a temporary file replays byte for byte, characters whole at block edges")
    func replaysFromDisk() {
        let spool = Spool(memoryLimit: 0)
        Self.mixedText.forEach(spool.write)
        let sink = BufferSink()
        spool.replay(into: sink)
        let expected = Self.mixedText.joined()
        #expect(expected.utf8.count > 3 * (64 << 10))
        #expect(spool.count == expected.utf8.count)
        #expect(sink.text == expected)
        #expect(!sink.text.contains("\u{FFFD}"))
    }

    @Test("text under the limit stays in memory and replays the same")
    func replaysFromMemory() {
        let spool = Spool(memoryLimit: 1 << 30)
        Self.mixedText.forEach(spool.write)
        let sink = BufferSink()
        spool.replay(into: sink)
        #expect(sink.text == Self.mixedText.joined())
    }

    @Test("a block is cut before a character its end would split", arguments: [
        ([0x61, 0x62], 2),  // ASCII: whole
        ([0x61, 0xC3], 1),  // lead byte of é alone
        ([0x61, 0xC3, 0xA9], 3),  // é whole
        ([0x61, 0xF0, 0x9D, 0x84], 1),  // three bytes of a four-byte character
        ([0xF0, 0x9D, 0x84, 0x9E], 4),  // 𝄞 whole
    ] as [([UInt8], Int)])
    func characterBoundary(bytes: [UInt8], boundary: Int) {
        #expect(Spool.lastCharacterBoundary(in: bytes) == boundary)
    }

    @Test("the HTML report is the same whether its spools stay in memory or go to disk")
    func htmlFromDiskMatchesMemory() throws {
        let session = Linter(ruleSet: Fixtures.ruleSet).makeSession()
        var results: [NoteResult] = []
        for name in Fixtures.files(in: Fixtures.packageRoot.appendingPathComponent("Examples")) {
            let path = Fixtures.packageRoot.appendingPathComponent("Examples/" + name).path
            guard let format = NoteFormat(path: name) else { continue }
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            for note in try Fixtures.reader.notes(in: bytes, file: "Examples/" + name, format: format) {
                results.append(session.lint(note))
            }
        }
        #expect(results.filter { !$0.findings.isEmpty }.count >= 5)
        let run = LintRun(
            files: [FileResult(file: "Examples", notes: results)],
            errors: [FileError(file: "missing.md", message: "no such file or directory")])
        let context = ReportContext(version: "test", generated: "2026-12-04 00:00 UTC", rules: [], redact: false)
        let inMemory = BufferSink()
        HTMLReporter(sink: inMemory, context: context).write(run)
        let onDisk = BufferSink()
        HTMLReporter(sink: onDisk, context: context, spoolLimit: 0).write(run)
        #expect(onDisk.text == inMemory.text)
        #expect(inMemory.text.contains("<tbody><tr>"))
        #expect(inMemory.text.contains("<code>missing.md</code>"))
        #expect(inMemory.text.hasSuffix("</body></html>\n"))
    }
}
