import SOAPLintModel

/// Builds a note's sections and visit from its lines, shared by the Markdown and text parsers.
///
/// Parsers feed it lines in order, saying which ones may start with a label and which are
/// headings; it opens sections, gathers body lines, and keeps labelled visit lines and billing
/// lines for `VisitReader`.
struct NoteAssembler {
    private struct OpenSection {
        var kind: SectionKind
        var heading: String
        var start: SourcePosition
        var headingEnd: SourcePosition
        var level: Int?
        var isBilling: Bool
        var lines: [(text: String, origin: SourcePosition)] = []
    }

    let vocabulary: SectionVocabulary
    private(set) var sections: [Section] = []
    private(set) var fieldLines: [(field: VisitField, value: String, origin: SourcePosition)] = []
    private(set) var billingLines: [(text: String, origin: SourcePosition)] = []
    /// `soaplint-disable` / `enable` / `disable-next-line` comments seen so far.
    private(set) var suppressions: [Suppression] = []
    private var open: OpenSection?
    /// Set after a label with nothing after it, so a `=====` or `-----` underline below it is skipped.
    private var underlineMayFollow = false

    init(vocabulary: SectionVocabulary) {
        self.vocabulary = vocabulary
    }

    /// Records a suppression comment in `text`; true when the comment is all the line holds, so
    /// the line is no section text.
    mutating func takeSuppression(_ text: String, line: Int) -> Bool {
        guard let (suppression, wholeLine) = SuppressionScanner.suppression(in: text, number: line) else {
            return false
        }
        suppressions.append(suppression)
        return wholeLine
    }

    /// A line that may start with a label (`S:`, `**Objective:**`, `Dx: M54.2`); `line` is the
    /// source line number and `column` the 1-based column where `text` starts.
    mutating func addCandidate(_ text: String, line: Int, column: Int = 1) {
        if underlineMayFollow, isUnderline(text) {
            underlineMayFollow = false
            return
        }
        underlineMayFollow = false
        guard let label = LabelScanner.label(in: text, vocabulary: vocabulary) else {
            addBody(text, line: line, column: column)
            return
        }
        let start = SourcePosition(line: line, column: column + label.start)
        let content = String(text.unicodeScalars.dropFirst(label.contentStart))
        let contentOrigin = SourcePosition(line: line, column: column + label.contentStart)
        let end = SourcePosition(line: line, column: column + max(label.start, label.contentStart - 1))
        switch label.meaning {
        case .section(let kind):
            openSection(kind: kind, heading: label.text, start: start, headingEnd: end, level: nil, isBilling: false)
            underlineMayFollow = content.isEmpty
            if !content.isEmpty { append(content, origin: contentOrigin) }
        case .billing:
            openSection(kind: .other, heading: label.text, start: start, headingEnd: end, level: nil, isBilling: true)
            underlineMayFollow = content.isEmpty
            if !content.isEmpty { append(content, origin: contentOrigin) }
        case .field(let field):
            // Visit fields are metadata, not section text: an `A/P:` followed only by `Dx:` is empty.
            fieldLines.append((field, content, contentOrigin))
            if open?.isBilling == true { billingLines.append((text, SourcePosition(line: line, column: column))) }
        }
    }

    /// A heading (`## Objective`, a setext heading) with its text starting at `column` and its
    /// first character (`#`) at `markerColumn`, where the section's range starts.
    mutating func addHeading(_ text: String, level: Int, line: Int, column: Int, markerColumn: Int, rawLine: String) {
        underlineMayFollow = false
        let end = SourcePosition(line: line, column: max(column, column + text.unicodeScalars.count - 1))
        let start = SourcePosition(line: line, column: markerColumn)
        if let label = LabelScanner.label(in: text, vocabulary: vocabulary) {
            let content = String(text.unicodeScalars.dropFirst(label.contentStart))
            let contentOrigin = SourcePosition(line: line, column: column + label.contentStart)
            switch label.meaning {
            case .section(let kind):
                openSection(
                    kind: kind, heading: label.text, start: start, headingEnd: end, level: level, isBilling: false)
                if !content.isEmpty { append(content, origin: contentOrigin) }
                return
            case .billing:
                openSection(
                    kind: .other, heading: label.text, start: start, headingEnd: end, level: level, isBilling: true)
                if !content.isEmpty { append(content, origin: contentOrigin) }
                return
            case .field(let field):
                fieldLines.append((field, content, contentOrigin))
            }
        }
        guard let current = open else { return }
        if let currentLevel = current.level, level > currentLevel {
            addBody(rawLine, line: line, column: 1)
        } else {
            openSection(
                kind: .other, heading: text.trimmingWhitespace(), start: start, headingEnd: end, level: level,
                isBilling: false)
        }
    }

    /// A line that is section text whatever it starts with (a table row, a code block line).
    mutating func addBody(_ text: String, line: Int, column: Int = 1) {
        underlineMayFollow = false
        append(text, origin: SourcePosition(line: line, column: column))
    }

    /// The finished note of a Markdown or text file: its sections, and its visit from the front
    /// matter, filled in from labelled and billing lines.
    mutating func note(file: String, frontMatter: FrontMatter?) -> Note {
        var visit = frontMatter?.visit ?? Visit()
        let sections = finish()
        VisitReader.fill(&visit, from: self, vocabulary: vocabulary)
        var note = Note(file: file, index: 0, id: frontMatter?.id, sections: sections, visit: visit)
        note.suppressions = suppressions
        return note
    }

    /// Closes the last section and returns all sections in source order.
    mutating func finish() -> [Section] {
        closeSection()
        return sections
    }

    private mutating func append(_ text: String, origin: SourcePosition) {
        guard open != nil else { return }
        open?.lines.append((text, origin))
        if open?.isBilling == true, !text.isBlank { billingLines.append((text, origin)) }
    }

    private mutating func openSection(
        kind: SectionKind, heading: String, start: SourcePosition, headingEnd: SourcePosition, level: Int?,
        isBilling: Bool
    ) {
        closeSection()
        open = OpenSection(
            kind: kind, heading: heading, start: start, headingEnd: headingEnd, level: level, isBilling: isBilling)
    }

    private mutating func closeSection() {
        guard let section = open else { return }
        open = nil
        sections.append(
            Self.section(
                kind: section.kind, heading: section.heading, start: section.start, headingEnd: section.headingEnd,
                lines: section.lines))
    }

    /// A section from its heading and body lines: blank lines at either end are dropped, and the
    /// range ends at the last non-blank character (at the heading's end when the body is empty).
    static func section(
        kind: SectionKind, heading: String, start: SourcePosition, headingEnd: SourcePosition,
        lines allLines: [(text: String, origin: SourcePosition)]
    ) -> Section {
        var lines = allLines[...]
        while let first = lines.first, first.text.isBlank { lines = lines.dropFirst() }
        while let last = lines.last, last.text.isBlank { lines = lines.dropLast() }
        var end = headingEnd
        if let last = lines.last {
            let trailing = last.text.unicodeScalars.reversed().prefix { $0.properties.isWhitespace }.count
            let length = last.text.unicodeScalars.count - trailing
            end = SourcePosition(line: last.origin.line, column: last.origin.column + max(0, length - 1))
        }
        return Section(
            kind: kind, heading: heading, body: lines.map(\.text).joined(separator: "\n"),
            lineOrigins: lines.map(\.origin), range: SourceRange(start: start, end: end))
    }

    private func isUnderline(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace()
        return trimmed.count >= 3 && trimmed.allSatisfy { $0 == "=" || $0 == "-" || $0 == "_" || $0 == "*" }
    }
}
