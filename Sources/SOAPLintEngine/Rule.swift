import SOAPLintModel

/// What a rule kind does: look at one note and say what is wrong with it.
///
/// Each kind is one type in its own file, with typed parameters that are validated when the
/// rule is created; `check` never fails, it only reports.
public protocol RuleCheck: Sendable {
    /// The findings for `note`, made with `rule`'s id, level and message.
    func check(_ note: Note, rule: Rule) -> [Finding]
}

/// One rule: an id that is public API, a level, a one-line summary and the check it runs.
public struct Rule: Sendable {
    /// The rule's id (`missing-section`); never renamed once shipped.
    public var id: String
    /// How serious its findings are.
    public var level: Level
    /// One line saying what it catches, for `soaplint rules`.
    public var summary: String
    /// The check it runs.
    public var check: any RuleCheck

    /// Creates a rule.
    public init(id: String, level: Level, summary: String, check: any RuleCheck) {
        self.id = id
        self.level = level
        self.summary = summary
        self.check = check
    }

    /// A finding of this rule at `position`.
    public func finding(_ message: String, at position: SourcePosition, section: SectionKind?) -> Finding {
        Finding(rule: id, level: level, message: message, position: position, section: section)
    }
}
