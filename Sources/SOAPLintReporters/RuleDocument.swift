import SOAPLintModel

/// What a report says about a rule: its id, level, one-line summary, explanation and source.
/// The CLI fills these from the rule set; reporters never see the engine.
public struct RuleDocument: Hashable, Sendable {
    public var id: String
    public var level: Level
    public var summary: String
    public var description: String
    public var link: String?

    /// Creates a rule document.
    public init(id: String, level: Level, summary: String, description: String, link: String?) {
        self.id = id
        self.level = level
        self.summary = summary
        self.description = description
        self.link = link
    }
}

/// Where a report was made and by which version: injected, so reporters never read the clock.
public struct ReportContext: Sendable {
    /// soaplint's version.
    public var version: String
    /// When the report was made, as it should be printed (`2026-12-03 16:31 UTC`).
    public var generated: String
    /// The rules in use, by id.
    public var rules: [String: RuleDocument]
    /// Whether excerpts and patient identifiers are left out.
    public var redact: Bool

    /// Creates a context.
    public init(version: String, generated: String, rules: [RuleDocument], redact: Bool) {
        self.version = version
        self.generated = generated
        self.rules = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.redact = redact
    }
}
