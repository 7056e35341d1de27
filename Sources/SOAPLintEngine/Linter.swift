import SOAPLintModel

/// Runs a rule set over notes.
public struct Linter: Sendable {
    /// The rules it runs, in order.
    public var rules: [Rule]

    /// Creates a linter for `rules`.
    public init(rules: [Rule]) {
        self.rules = rules
    }

    /// The note with every rule's findings, in report order.
    public func lint(_ note: Note) -> NoteResult {
        NoteResult(note: note, findings: rules.flatMap { $0.check.check(note, rule: $0) })
    }
}
