/// One problem a rule found in a note.
public struct Finding: Hashable, Sendable {
    /// The id of the rule that found it (`missing-section`).
    public var rule: String
    /// How serious it is.
    public var level: Level
    /// What is wrong, in words a clinician understands.
    public var message: String
    /// Where it is; a finding about the whole note points at the note's start.
    public var position: SourcePosition
    /// The section it is in, nil when it concerns the whole note.
    public var section: SectionKind?

    /// Creates a finding.
    public init(rule: String, level: Level, message: String, position: SourcePosition, section: SectionKind?) {
        self.rule = rule
        self.level = level
        self.message = message
        self.position = position
        self.section = section
    }

    /// The order reports use: by position, then rule id, then message.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        (lhs.position.line, lhs.position.column, lhs.rule, lhs.message)
            < (rhs.position.line, rhs.position.column, rhs.rule, rhs.message)
    }
}
