import SOAPLintModel

/// Reads a Markdown note: front matter, then sections from headings, bold labels and label
/// lines, and visit fields from labelled lines and a billing section.
///
/// Front matter lines are blanked before cmark-gfm sees the text, so every line number cmark
/// reports is the file's own.
enum MarkdownParser {
    /// Parses the note in `source`, read from `file`.
    static func parse(_ source: SourceText, file: String, vocabulary: SectionVocabulary) throws(FileError) -> Note {
        let frontMatter = try FrontMatter.read(source.lines, file: file, vocabulary: vocabulary)
        let skipped = frontMatter?.lineCount ?? 0
        var lines = source.lines
        for index in 0..<skipped { lines[index] = "" }
        let roles = MarkdownBlocks.roles(of: lines)

        var assembler = NoteAssembler(vocabulary: vocabulary)
        for (index, line) in lines.enumerated() where index >= skipped {
            let number = index + 1
            if assembler.takeSuppression(line, line: number) { continue }
            switch roles[index] {
            case .body:
                assembler.addBody(line, line: number)
            case .candidate(let skip):
                let text = skip == 0 ? line : String(line.unicodeScalars.dropFirst(skip))
                assembler.addCandidate(text, line: number, column: skip + 1)
            case .heading(let level, let isSetext):
                let skip = isSetext ? leadingSpaceCount(line) : atxContentStart(line)
                let text = isSetext ? String(line.unicodeScalars.dropFirst(skip)) : atxContent(line, from: skip)
                assembler.addHeading(
                    text, level: level, line: number, column: skip + 1, markerColumn: leadingSpaceCount(line) + 1,
                    rawLine: line)
            case .headingContinuation:
                continue
            }
        }
        return assembler.note(file: file, frontMatter: frontMatter)
    }

    private static func leadingSpaceCount(_ line: String) -> Int {
        line.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
    }

    /// The offset of the text after `##` and its spaces.
    private static func atxContentStart(_ line: String) -> Int {
        var index = 0
        let scalars = Array(line.unicodeScalars)
        while index < scalars.count, scalars[index] == " " { index += 1 }
        while index < scalars.count, scalars[index] == "#" { index += 1 }
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        return index
    }

    /// The heading text from `start`, without an optional closing `###` sequence.
    private static func atxContent(_ line: String, from start: Int) -> String {
        var scalars = Array(line.unicodeScalars.dropFirst(start))
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        var end = scalars.count
        while end > 0, scalars[end - 1] == "#" { end -= 1 }
        if end < scalars.count, end == 0 || scalars[end - 1] == " " || scalars[end - 1] == "\t" {
            scalars.removeSubrange(end...)
            while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        }
        return String(scalars[...])
    }
}
