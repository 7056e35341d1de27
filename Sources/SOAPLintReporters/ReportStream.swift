import SOAPLintModel

/// A report written as results arrive, in report order, so a run over millions of notes never
/// holds them all: `add` each note result and file error, then `finish` with the totals.
public protocol ReportStream: AnyObject {
    /// One note's result.
    func add(_ result: NoteResult)
    /// A file or path that could not be read.
    func add(_ error: FileError)
    /// The end of the run.
    func finish(_ summary: RunSummary)
}

extension ReportStream {
    /// Writes a whole run (the batch form, for tests and small runs).
    public func write(_ run: LintRun) {
        run.errors.forEach { add($0) }
        for file in run.files {
            file.notes.forEach { add($0) }
            file.errors.forEach { add($0) }
        }
        finish(run.summary)
    }
}
