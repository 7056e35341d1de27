import SOAPLintModel

/// Reads a plain-text note: every line may open a section with a label (`S:`, `SUBJECTIVE`,
/// `Assessment -`) or fill a visit field (`Dx: M54.2`). Optional front matter is read as in
/// Markdown.
enum PlainTextParser {
    /// Parses the note in `source`, read from `file`.
    static func parse(_ source: SourceText, file: String, vocabulary: SectionVocabulary) throws(FileError) -> Note {
        let frontMatter = try FrontMatter.read(source.lines, file: file, vocabulary: vocabulary)
        let skipped = frontMatter?.lineCount ?? 0
        var assembler = NoteAssembler(vocabulary: vocabulary)
        for (index, line) in source.lines.enumerated() where index >= skipped {
            if assembler.takeSuppression(line, line: index + 1) { continue }
            assembler.addCandidate(line, line: index + 1)
        }
        return assembler.note(file: file, frontMatter: frontMatter)
    }
}
