import SOAPLintModel

/// The `conditional` kind: when the scope holds an affirmed match of `if`, it must also hold
/// one of `then`; otherwise one finding at the first `if` match.
///
/// This is also the "only these, none of those" form: `relaxation-only` fires when relaxation
/// language (`if`) stands with no measurable finding and no functional outcome (`then`). An
/// `if` match in a clause with an exemption ("in preparation for exercise") does not count.
/// `{match}` is the first `if` match.
///
///     kind: conditional
///     if: ["@relaxation"]
///     then: ["@measurable-finding", "@functional-outcome"]
///     "Client felt relaxed."                      →  finding at "felt relaxed"
///     "Felt relaxed; lumbar flexion 50° (was 40°)."  →  none
public struct Conditional: RuleKind {
    public static let name = "conditional"
    public static let keys = ["if", "then"]

    /// What starts the requirement.
    public var condition: PatternGroup
    /// What satisfies it.
    public var requirement: PatternGroup

    public init(fields: RuleFields, registry: inout PatternRegistry, environment: RuleLoadEnvironment)
        throws(RuleLoadError)
    {
        guard let condition = try registry.group("if", of: fields) else {
            throw fields.error("the key 'if' is required")
        }
        guard let requirement = try registry.group("then", of: fields) else {
            throw fields.error("the key 'then' is required")
        }
        self.condition = condition
        self.requirement = requirement
    }

    public func check(_ note: Note, rule: Rule, context: CheckContext) -> [Finding] {
        if context.hasAffirmedMatch(requirement, for: rule) { return [] }
        let triggers = context.matches(condition, for: rule).filter { $0.isAffirmed && !$0.verdict.exempt }
        guard let first = triggers.first else { return [] }
        return [rule.finding(["match": first.text], at: first.position, section: first.section.kind, note: note)]
    }
}
