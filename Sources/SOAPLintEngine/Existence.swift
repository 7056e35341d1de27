import SOAPLintModel

/// The `existence` kind: every match of `patterns` in the scope is a finding.
///
/// Matches in negated or hypothetical context, or in an exempt clause, do not count unless
/// `context: false`. `{match}` in the message is the matched text.
///
///     kind: existence
///     patterns: ["cupping", "\\bcups? applied\\b"]
///     "Cupping to upper trapezius."  →  one finding at "Cupping"
///     "No cupping today."            →  none (negated)
public struct Existence: RuleKind {
    public static let name = "existence"
    public static let keys = ["patterns", "context"]

    /// What to flag.
    public var patterns: PatternGroup
    /// Whether negated, hypothetical and exempt matches are skipped.
    public var usesContext: Bool

    public init(fields: RuleFields, registry: inout PatternRegistry, environment: RuleLoadEnvironment)
        throws(RuleLoadError)
    {
        guard let patterns = try registry.group("patterns", of: fields) else {
            throw fields.error("the key 'patterns' is required")
        }
        self.patterns = patterns
        usesContext = try fields.bool("context") ?? true
    }

    public func check(_ note: Note, rule: Rule, context: CheckContext) -> [Finding] {
        context.matches(patterns, for: rule)
            .filter { !usesContext || ($0.isAffirmed && !$0.verdict.exempt) }
            .map { rule.finding(["match": $0.text], at: $0.position, section: $0.section.kind, note: note) }
    }
}
