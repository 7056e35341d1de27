import SOAPLintModel

/// The `require` kind: the scope must hold an affirmed match of `patterns`, or of every group
/// in `all-of`. One finding when it does not.
///
/// With `scope`, the rule says nothing when the note has no section in scope, or only empty
/// ones (that is `missing-section`'s job). With `when-billed`, it applies only when one of those CPT codes
/// is billed. A match in negated or hypothetical context does not count: "ROM not assessed" is
/// no objective finding. `{section}` is the scope's first section name; `{missing}` names the
/// `all-of` groups with no match.
///
///     kind: require
///     scope: [objective]
///     patterns: ["@measurable-finding"]
///     "## Objective\nROM not assessed today."   →  finding at the Objective heading
///     "## Objective\nCervical rotation R 45°."  →  none
public struct Require: RuleKind {
    public static let name = "require"
    public static let keys = ["patterns", "all-of", "when-billed"]

    /// Named groups; each must have a match.
    public var groups: [(name: String, patterns: PatternGroup)]
    /// CPT codes of which one must be billed for the rule to apply; nil: always.
    public var whenBilled: [String]?

    public init(fields: RuleFields, registry: inout PatternRegistry, environment: RuleLoadEnvironment)
        throws(RuleLoadError)
    {
        var groups: [(String, PatternGroup)] = []
        if let patterns = try registry.group("patterns", of: fields) { groups.append(("patterns", patterns)) }
        if let node = fields.value("all-of") {
            guard let pairs = node.mapping, !pairs.isEmpty else {
                throw fields.error(node, "'all-of' must map group names to pattern lists")
            }
            for pair in pairs {
                let name = pair.key.scalar ?? ""
                groups.append((name, try registry.group(pair.value, key: name, fields: fields)))
            }
        }
        guard !groups.isEmpty else { throw fields.error("a require rule needs 'patterns' or 'all-of'") }
        self.groups = groups
        whenBilled = try fields.strings("when-billed")
    }

    public func check(_ note: Note, rule: Rule, context: CheckContext) -> [Finding] {
        if let whenBilled, !context.bills(any: whenBilled) { return [] }
        let sections = rule.sections(of: note)
        if rule.scope != nil, sections.allSatisfy(\.isEmpty) { return [] }
        let missing = groups.filter { !context.hasAffirmedMatch($0.patterns, for: rule) }
        guard !missing.isEmpty else { return [] }
        let position = sections.first?.range?.start ?? note.start
        return [
            rule.finding(
                [
                    "missing": missing.map(\.name).joined(separator: " and "),
                    "section": sections.first?.kind.displayName ?? "note",
                ],
                at: position, section: rule.scope == nil ? nil : sections.first?.kind, note: note)
        ]
    }
}
