/// One part of a note: its kind, the heading or label that opened it, and its body text.
///
/// `body` holds the section's text as written, one source line per `\n`-separated line, with
/// the heading or label removed. `lineOrigins[i]` is where body line `i` starts in the source
/// file, so any offset in `body` maps back to a line and column (see `position(ofScalarOffset:)`).
public struct Section: Hashable, Sendable {
    /// Which SOAP part this is.
    public var kind: SectionKind
    /// The heading or label text as written, without markup (`Objective`, `S`, `A/P`).
    public var heading: String
    /// The section text, lines separated by `\n`.
    public var body: String
    /// Where each line of `body` starts in the source file; one entry per body line.
    public var lineOrigins: [SourcePosition]
    /// From the heading's first character to the end of the last body line; nil when the
    /// parser had no position for it. Never guessed.
    public var range: SourceRange?

    /// Creates a section.
    public init(
        kind: SectionKind, heading: String, body: String, lineOrigins: [SourcePosition], range: SourceRange?
    ) {
        self.kind = kind
        self.heading = heading
        self.body = body
        self.lineOrigins = lineOrigins
        self.range = range
    }

    /// Whether the body holds nothing but white space.
    public var isEmpty: Bool {
        // Decided by the first byte in almost every section; Unicode properties only past ASCII.
        for byte in body.utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: continue
            case ..<0x80: return false
            default: return body.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
            }
        }
        return true
    }

    /// The source position of the byte at UTF-8 offset `offset` in `body` (as pattern matchers
    /// report them); nil when the section has no origins or the offset is out of range.
    public func position(ofUTF8Offset offset: Int) -> SourcePosition? {
        guard offset >= 0, offset <= body.utf8.count, !lineOrigins.isEmpty else { return nil }
        var lineIndex = 0
        var column = 0
        for byte in body.utf8.prefix(offset) {
            if byte == 0x0A {
                lineIndex += 1
                column = 0
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        guard lineIndex < lineOrigins.count else { return nil }
        let origin = lineOrigins[lineIndex]
        return SourcePosition(line: origin.line, column: origin.column + column)
    }

    /// The source position of the Unicode scalar at `offset` in `body`; nil when the section has
    /// no origins or the offset is out of range.
    public func position(ofScalarOffset offset: Int) -> SourcePosition? {
        guard offset >= 0, !lineOrigins.isEmpty else { return nil }
        var lineIndex = 0
        var column = 0
        var seen = 0
        for scalar in body.unicodeScalars {
            if seen == offset { break }
            seen += 1
            if scalar == "\n" {
                lineIndex += 1
                column = 0
            } else {
                column += 1
            }
        }
        guard seen == offset, lineIndex < lineOrigins.count else { return nil }
        let origin = lineOrigins[lineIndex]
        return SourcePosition(line: origin.line, column: origin.column + column)
    }
}
