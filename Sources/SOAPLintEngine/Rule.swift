import SOAPLintModel

/// What a rule kind does: look at one note and say what is wrong with it.
///
/// Each kind is one type in its own file, with typed parameters read and validated when the
/// rule file is loaded; `check` never fails, it only reports.
public protocol RuleCheck: Sendable {
    /// The findings for `note`, made with `rule`'s id, level and message.
    func check(_ note: Note, rule: Rule, context: CheckContext) -> [Finding]
}

/// One rule loaded from a rule file: the id that is public API, its level, message template,
/// scope, documentation and examples, and the check it runs.
public struct Rule: Sendable {
    /// The rule's id (`missing-section`); never renamed once shipped.
    public var id: String
    /// The kind, as written in the file (`require`).
    public var kind: String
    /// How serious its findings are (after configuration).
    public var level: Level
    /// The message template; `{placeholders}` are filled per finding.
    public var message: String
    /// The sections the rule looks at; nil for the whole note.
    public var scope: [SectionKind]?
    /// What the rule checks and why, for `soaplint explain`.
    public var description: String
    /// The payer or CMS source, for `soaplint explain` and reports.
    public var link: String?
    /// Notes that must trigger the rule.
    public var triggers: [String]
    /// Notes that must not trigger the rule.
    public var passes: [String]
    /// The file the rule came from.
    public var file: String
    /// The check it runs.
    public var check: any RuleCheck

    /// Creates a rule.
    public init(
        id: String, kind: String, level: Level, message: String, scope: [SectionKind]?, description: String,
        link: String?, triggers: [String], passes: [String], file: String, check: any RuleCheck
    ) {
        self.id = id
        self.kind = kind
        self.level = level
        self.message = message
        self.scope = scope
        self.description = description
        self.link = link
        self.triggers = triggers
        self.passes = passes
        self.file = file
        self.check = check
    }

    /// The first line of the description, for `soaplint rules`.
    public var summary: String {
        description.split(separator: "\n").first.map(String.init) ?? message
    }

    /// Whether the rule looks at `section`: every section when it has no scope, else those whose
    /// kind covers one in the scope (an A/P section is in an `assessment` scope).
    public func looks(at section: Section) -> Bool {
        guard let scope else { return true }
        return scope.contains { section.kind.covers($0) }
    }

    /// The sections of `note` this rule looks at.
    public func sections(of note: Note) -> [Section] {
        note.sections.filter(looks(at:))
    }

    /// A finding at `position` whose message is the template with `values` filled in.
    public func finding(
        _ values: [String: String], at position: SourcePosition, section: SectionKind?, note: Note
    ) -> Finding {
        Finding(
            rule: id, level: level, message: MessageTemplate.render(message, values: values, note: note),
            position: position, section: section)
    }
}
