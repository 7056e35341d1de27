import SOAPLintModel

/// The JSON format, version 1: one object with `version`, `notes`, `errors` and `summary`.
///
/// Each note is `{"file", "index", "id", "findings": [{"rule", "level", "message", "line",
/// "column", "section"}]}`; `index` is the note's 0-based position in its file and `id` its own
/// id or null. Each error is `{"file", "line", "column", "message"}` (`line` and `column` null
/// when the error concerns the whole file). Keys keep this order; one note per line keeps diffs
/// readable. Notes are written as they arrive; errors, which are few, are kept for the end.
public final class JSONReporter: ReportStream {
    /// The format version; raised only when a consumer would have to change.
    public static let version = 1

    private let sink: any TextSink
    private var wroteNote = false
    private var errors: [String] = []

    /// Creates a reporter writing to `sink`; the opening of the object is written at once.
    public init(sink: any TextSink) {
        self.sink = sink
        sink.write("{\"version\": \(Self.version),\n\"notes\": [")
    }

    public func add(_ result: NoteResult) {
        sink.write((wroteNote ? ",\n" : "\n") + Self.note(result))
        wroteNote = true
    }

    public func add(_ error: FileError) {
        errors.append(
            JSONText.object([
                ("file", JSONText.quoted(error.file)), ("line", JSONText.number(error.line)),
                ("column", JSONText.number(error.column)), ("message", JSONText.quoted(error.message)),
            ]))
    }

    public func finish(_ summary: RunSummary) {
        let levels = Level.allCases.reversed().map { ($0.rawValue, String(summary.findingsByLevel[$0] ?? 0)) }
        let summaryObject = JSONText.object(
            [
                ("files", String(summary.files)), ("notes", String(summary.notes)),
                ("notesWithFindings", String(summary.notesWithFindings)), ("findings", String(summary.findings)),
            ] + levels + [("errors", String(summary.errors))])
        let errorList = errors.isEmpty ? "" : "\n" + errors.joined(separator: ",\n") + "\n"
        sink.write(
            (wroteNote ? "\n" : "") + "],\n\"errors\": [" + errorList + "],\n\"summary\": " + summaryObject + "}\n")
    }

    /// The JSON of a whole run.
    public static func report(_ run: LintRun) -> String {
        let buffer = BufferSink()
        JSONReporter(sink: buffer).write(run)
        return buffer.text
    }

    private static func note(_ result: NoteResult) -> String {
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
