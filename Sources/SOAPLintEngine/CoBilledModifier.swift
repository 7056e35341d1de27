import SOAPLintModel

/// The `co-billed-modifier` kind: when both codes of a listed pair are billed on one visit,
/// at least one of the two lines must carry a distinct-service modifier.
///
/// `{codes}` is the pair ("97124 and 97140"); `{modifiers}` the accepted modifiers. The
/// finding points at the second code's service line.
///
///     pairs: [["97124", "97140"]]
///     modifiers: ["59", "XS", "XE", "XP", "XU"]
///     97124 x2 and 97140 x2, no modifiers   →  finding
///     97124 x2 and 97140-59 x2              →  none
public struct CoBilledModifier: RuleKind {
    public static let name = "co-billed-modifier"
    public static let keys = ["pairs", "modifiers"]

    /// Code pairs that need the modifier when billed together.
    public var pairs: [(String, String)]
    /// Modifiers that mark a distinct service.
    public var modifiers: [String]

    public init(fields: RuleFields, registry: inout PatternRegistry, environment: RuleLoadEnvironment)
        throws(RuleLoadError)
    {
        guard let node = fields.value("pairs"), let items = node.sequence, !items.isEmpty else {
            throw fields.error("'pairs' must list code pairs such as [\"97124\", \"97140\"]")
        }
        pairs = []
        for item in items {
            let codes = try RuleFields.strings(item, key: "pairs", file: fields.file)
            guard codes.count == 2 else { throw fields.error(item, "each pair must list exactly two codes") }
            pairs.append((codes[0], codes[1]))
        }
        modifiers = (try fields.strings("modifiers") ?? ["59", "XE", "XP", "XS", "XU"]).map { $0.uppercased() }
    }

    public func check(_ note: Note, rule: Rule, context: CheckContext) -> [Finding] {
        let services = note.visit.services
        var findings: [Finding] = []
        for (first, second) in pairs {
            let lines = services.filter { $0.code == first || $0.code == second }
            guard lines.contains(where: { $0.code == first }), lines.contains(where: { $0.code == second }) else {
                continue
            }
            if lines.contains(where: { $0.modifiers.contains(where: modifiers.contains) }) { continue }
            let position = lines.last { $0.code == second }?.position ?? note.start
            findings.append(
                rule.finding(
                    ["codes": "\(first) and \(second)", "modifiers": modifiers.joined(separator: ", ")], at: position,
                    section: nil, note: note))
        }
        return findings
    }
}
