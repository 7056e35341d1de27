import SOAPLintModel

/// The terminal format: one line per finding, `path:line:column: level: message [rule-id]`,
/// then a summary line.
public struct TextReporter: Sendable {
    /// Colours, or none.
    public var style: TextStyle

    /// Creates a reporter.
    public init(style: TextStyle = .plain) {
        self.style = style
    }

    /// The findings of `run`, one per line, in report order, then the summary line.
    public func report(_ run: LintRun) -> String {
        var output = ""
        for result in run.noteResults {
            for finding in result.findings { output += line(for: finding, in: result.note) + "\n" }
        }
        output += summaryLine(run.summary) + "\n"
        return output
    }

    /// `path:line:column: level: message [rule-id]`.
    public func line(for finding: Finding, in note: Note) -> String {
        let location = "\(note.file):\(finding.position.line):\(finding.position.column)"
        return "\(style.bold(location)): \(style.level(finding.level, finding.level.rawValue)): \(finding.message) "
            + style.dim("[\(finding.rule)]")
    }

    /// `path:line:column: error: message` for a file soaplint could not read.
    public func line(for error: FileError) -> String {
        var location = error.file
        if let line = error.line {
            location += ":\(line)"
            if let column = error.column { location += ":\(column)" }
        }
        return "\(style.bold(location)): \(style.level(.error, "error")): \(error.message)"
    }

    /// "2 errors, 1 warning in 3 notes (2 with findings); 1 file could not be read".
    public func summaryLine(_ summary: RunSummary) -> String {
        let notes = Self.count(summary.notes, "note")
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
            text += "; \(Self.count(summary.errors, "file")) could not be read"
        }
        return text
    }

    /// "1 note", "2 notes", "2 passes".
    public static func count(_ value: Int, _ noun: String) -> String {
        guard value != 1 else { return "\(value) \(noun)" }
        return "\(value) \(noun)" + (noun.hasSuffix("s") ? "es" : "s")
    }
}
