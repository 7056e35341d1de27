import SOAPLintModel

/// The terminal format: one line per finding, `path:line:column: level: message [rule-id]`,
/// then a summary line. File errors are written too when `includesErrors` (a report file);
/// on a terminal they go to standard error instead.
public final class TextReporter: ReportStream {
    /// Colours, or none.
    public let style: TextStyle
    private let sink: any TextSink
    private let includesErrors: Bool

    /// Creates a reporter writing to `sink`.
    public init(sink: any TextSink, style: TextStyle = .plain, includesErrors: Bool = false) {
        self.sink = sink
        self.style = style
        self.includesErrors = includesErrors
    }

    public func add(_ result: NoteResult) {
        guard !result.findings.isEmpty else { return }
        sink.write(result.findings.map { Self.line(for: $0, in: result.note, style: style) + "\n" }.joined())
    }

    public func add(_ error: FileError) {
        if includesErrors { sink.write(Self.line(for: error, style: style) + "\n") }
    }

    public func finish(_ summary: RunSummary) {
        sink.write(Self.summaryLine(summary) + "\n")
    }

    /// The text of a whole run.
    public static func report(_ run: LintRun, style: TextStyle = .plain) -> String {
        let buffer = BufferSink()
        TextReporter(sink: buffer, style: style).write(run)
        return buffer.text
    }

    /// `path:line:column: level: message [rule-id]`.
    public static func line(for finding: Finding, in note: Note, style: TextStyle = .plain) -> String {
        let location = "\(note.file):\(finding.position.line):\(finding.position.column)"
        return "\(style.bold(location)): \(style.level(finding.level, finding.level.rawValue)): \(finding.message) "
            + style.dim("[\(finding.rule)]")
    }

    /// `path:line:column: error: message` for a file soaplint could not read.
    public static func line(for error: FileError, style: TextStyle = .plain) -> String {
        var location = error.file
        if let line = error.line {
            location += ":\(line)"
            if let column = error.column { location += ":\(column)" }
        }
        return "\(style.bold(location)): \(style.level(.error, "error")): \(error.message)"
    }

    /// "2 errors, 1 warning in 3 notes (2 with findings); 1 file error".
    public static func summaryLine(_ summary: RunSummary) -> String {
        let notes = count(summary.notes, "note")
        var text: String
        if summary.findings == 0 {
            text = "No findings in \(notes)"
        } else {
            let parts = Level.allCases.reversed().compactMap { level -> String? in
                let count = summary.findingsByLevel[level] ?? 0
                return count == 0 ? nil : Self.count(count, level.rawValue)
            }
            text = "\(parts.joined(separator: ", ")) in \(notes) (\(summary.notesWithFindings) with findings)"
        }
        if summary.errors > 0 {
            text += "; \(count(summary.errors, "file error"))"
        }
        return text
    }

    /// "1 note", "2 notes", "2 passes".
    public static func count(_ value: Int, _ noun: String) -> String {
        guard value != 1 else { return "\(value) \(noun)" }
        return "\(value) \(noun)" + (noun.hasSuffix("s") ? "es" : "s")
    }
}
