/// A note together with what the rules found in it.
public struct NoteResult: Hashable, Sendable {
    /// The note.
    public var note: Note
    /// Its findings in report order.
    public var findings: [Finding]

    /// Creates a result, sorting the findings into report order.
    public init(note: Note, findings: [Finding]) {
        self.note = note
        self.findings = findings.sorted(by: Finding.reportOrder)
    }
}

/// A file soaplint could not read or parse: the run reports it, goes on, and exits 2.
public struct FileError: Error, Hashable, Sendable {
    /// The file, as given on the command line.
    public var file: String
    /// The 1-based line the problem is on, nil when it concerns the whole file.
    public var line: Int?
    /// The 1-based column, nil when unknown.
    public var column: Int?
    /// What is wrong.
    public var message: String

    /// Creates a file error.
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }
}

/// Everything one file gave: its notes' results, or the errors that stopped it.
public struct FileResult: Hashable, Sendable {
    /// The file, as given on the command line.
    public var file: String
    /// One result per note, in file order.
    public var notes: [NoteResult]
    /// Problems reading or parsing the file.
    public var errors: [FileError]

    /// Creates a file result.
    public init(file: String, notes: [NoteResult] = [], errors: [FileError] = []) {
        self.file = file
        self.notes = notes
        self.errors = errors
    }
}

/// A whole run's results, files in report order.
public struct LintRun: Hashable, Sendable {
    /// Per-file results, sorted by path.
    public var files: [FileResult]
    /// Problems not tied to one note file (a folder with no notes, a missing path).
    public var errors: [FileError]

    /// Creates a run.
    public init(files: [FileResult], errors: [FileError] = []) {
        self.files = files
        self.errors = errors
    }

    /// Every error of the run: run-level ones first, then each file's.
    public var allErrors: [FileError] { errors + files.flatMap(\.errors) }

    /// Every note result in report order.
    public var noteResults: [NoteResult] { files.flatMap(\.notes) }

    /// Counts for the summary line and the JSON summary.
    public var summary: RunSummary { RunSummary(self) }
}

/// Totals of a run, counted as results arrive.
public struct RunSummary: Hashable, Sendable {
    /// Files read (including those that failed).
    public var files = 0
    /// Notes linted.
    public var notes = 0
    /// Notes with at least one finding.
    public var notesWithFindings = 0
    /// Findings of each level.
    public var findingsByLevel: [Level: Int] = [.error: 0, .warning: 0, .info: 0]
    /// Files or paths that could not be read or parsed.
    public var errors = 0

    /// Nothing counted yet.
    public init() {}

    /// Totals `run`.
    public init(_ run: LintRun) {
        files = run.files.count
        run.noteResults.forEach { add($0) }
        errors = run.allErrors.count
    }

    /// Counts one note's result.
    public mutating func add(_ result: NoteResult) {
        notes += 1
        if !result.findings.isEmpty { notesWithFindings += 1 }
        for finding in result.findings { findingsByLevel[finding.level, default: 0] += 1 }
    }

    /// All findings of every level.
    public var findings: Int { findingsByLevel.values.reduce(0, +) }

    /// Findings at or above `level`.
    public func findings(atLeast level: Level) -> Int {
        findingsByLevel.filter { $0.key >= level }.values.reduce(0, +)
    }
}
