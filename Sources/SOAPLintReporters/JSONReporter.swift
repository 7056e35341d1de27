import SOAPLintModel

/// The JSON format, version 1: one object with `version`, `notes`, `errors` and `summary`.
///
/// Each note is `{"file", "index", "id", "findings": [{"rule", "level", "message", "line",
/// "column", "section"}]}`; `index` is the note's 0-based position in its file and `id` its own
/// id or null. Each error is `{"file", "line", "message"}` (`line` null when the error concerns
/// the whole file). Keys keep this order; one note per line keeps diffs readable.
public struct JSONReporter: Sendable {
    /// The format version; raised only when a consumer would have to change.
    public static let version = 1

    /// Creates a reporter.
    public init() {}

    /// The JSON text of `run`, ending in a newline.
    public func report(_ run: LintRun) -> String {
        let notes = run.noteResults.map(note)
        let errors = run.allErrors.map { error in
            JSONText.object([
                ("file", JSONText.quoted(error.file)), ("line", JSONText.number(error.line)),
                ("column", JSONText.number(error.column)), ("message", JSONText.quoted(error.message)),
            ])
        }
        let summary = run.summary
        let levels = Level.allCases.reversed().map { ($0.rawValue, String(summary.findingsByLevel[$0] ?? 0)) }
        let summaryObject = JSONText.object(
            [
                ("files", String(summary.files)), ("notes", String(summary.notes)),
                ("notesWithFindings", String(summary.notesWithFindings)), ("findings", String(summary.findings)),
            ] + levels + [("errors", String(summary.errors))])
        return "{\"version\": \(Self.version),\n\"notes\": [" + list(notes) + "],\n\"errors\": [" + list(errors)
            + "],\n\"summary\": " + summaryObject + "}\n"
    }

    private func list(_ items: [String]) -> String {
        items.isEmpty ? "" : "\n" + items.joined(separator: ",\n") + "\n"
    }

    private func note(_ result: NoteResult) -> String {
        let findings = result.findings.map { finding in
            JSONText.object([
                ("rule", JSONText.quoted(finding.rule)), ("level", JSONText.quoted(finding.level.rawValue)),
                ("message", JSONText.quoted(finding.message)), ("line", String(finding.position.line)),
                ("column", String(finding.position.column)), ("section", JSONText.string(finding.section?.rawValue)),
            ])
        }
        return JSONText.object([
            ("file", JSONText.quoted(result.note.file)), ("index", String(result.note.index)),
            ("id", JSONText.string(result.note.id)), ("findings", JSONText.array(findings)),
        ])
    }
}
