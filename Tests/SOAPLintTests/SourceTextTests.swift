import SOAPLintModel
import Testing

@testable import SOAPLintParsers

@Suite("Reading bytes as note text")
struct SourceTextTests {
    @Test("CRLF, lone CR and LF all end lines; terminators are dropped")
    func lineEndings() throws {
        let text = try SourceText(bytes: Array("a\r\nb\rc\nd".utf8), file: "x.md")
        #expect(text.lines == ["a", "b", "c", "d"])
    }

    @Test("a trailing line break does not add an empty line")
    func trailingBreak() throws {
        #expect(try SourceText(bytes: Array("a\nb\n".utf8), file: "x.md").lines == ["a", "b"])
    }

    @Test("a UTF-8 byte-order mark is dropped")
    func byteOrderMark() throws {
        let text = try SourceText(bytes: [0xEF, 0xBB, 0xBF] + Array("S: x".utf8), file: "x.md")
        #expect(text.lines == ["S: x"])
    }

    @Test("empty and white-space-only files are refused", arguments: ["", "  \n\r\n\t"])
    func empty(_ content: String) {
        #expect(throws: FileError(file: "e.md", message: "the file is empty")) {
            try SourceText(bytes: Array(content.utf8), file: "e.md")
        }
    }

    @Test("a file with NUL bytes is binary")
    func binary() {
        #expect(throws: FileError(file: "b.md", message: "the file is binary (it contains NUL bytes), not a note")) {
            try SourceText(bytes: [0x53, 0x3A, 0x00, 0x01], file: "b.md")
        }
    }

    @Test("UTF-16 is named as such")
    func utf16() {
        #expect(throws: FileError(file: "u.txt", message: "the file is UTF-16 text; save it as UTF-8")) {
            try SourceText(bytes: [0xFF, 0xFE, 0x53, 0x00], file: "u.txt")
        }
    }

    @Test("invalid UTF-8 is reported at its line and column")
    func invalidUTF8() {
        // Line 2: "café " is five scalars, so the bad byte 0xB0 is column 6.
        let bytes = Array("S: ok\ncafé ".utf8) + [0xB0] + Array("\n".utf8)
        #expect(
            throws: FileError(
                file: "l.txt", line: 2, column: 6,
                message: "the file is not UTF-8 text (byte 0xB0 is not valid UTF-8); save it as UTF-8")
        ) {
            try SourceText(bytes: bytes, file: "l.txt")
        }
    }

    @Test("overlong encodings and surrogates are not valid UTF-8")
    func strictValidation() {
        #expect(SourceText.firstInvalidUTF8([0x41, 0xC0, 0x80][...]) == 1)
        #expect(SourceText.firstInvalidUTF8([0xED, 0xA0, 0x80][...]) == 0)
        #expect(SourceText.firstInvalidUTF8([0xF0, 0x9F, 0x99][...]) == 0)
        #expect(SourceText.firstInvalidUTF8(Array("Núñez 🙂".utf8)[...]) == nil)
    }
}

@Suite("Trimming white space")
struct TrimmingTests {
    @Test(
        "ASCII and Unicode spaces at either end",
        arguments: [
            ("  a b \t", "a b"), ("\u{00A0}Núñez\u{00A0}", "Núñez"), ("é ", "é"), (" 🙂", "🙂"), ("   ", ""), ("", ""),
            ("x", "x"),
        ])
    func trims(_ input: String, _ expected: String) {
        #expect(input.trimmingWhitespace() == expected)
        #expect(input[...].trimmingWhitespace() == expected)
    }
}
