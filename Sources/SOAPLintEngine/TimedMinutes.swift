import SOAPLintModel

/// The `timed-minutes` kind: a timed code must be billed with its minutes documented.
///
/// A single timed line is covered by the note's total minutes too. `{code}` names the line.
///
///     97140 x2 (no minutes)             →  finding
///     97140 x2 (30 min)                 →  none
public struct TimedMinutes: RuleKind {
    public static let name = "timed-minutes"
    public static let keys = ["codes"]

    /// The timed codes.
    public var codes: [String]

    public init(fields: RuleFields, registry: inout PatternRegistry, environment: RuleLoadEnvironment)
        throws(RuleLoadError)
    {
        codes = try fields.requiredStrings("codes", "'codes' must list the timed CPT codes")
    }

    public func check(_ note: Note, rule: Rule, context: CheckContext) -> [Finding] {
        let timed = note.visit.services.filter { codes.contains($0.code) }
        if timed.count == 1, note.visit.totalMinutes != nil { return [] }
        return timed.filter { $0.minutes == nil }.map { service in
            rule.finding(["code": service.code], at: service.position ?? note.start, section: nil, note: note)
        }
    }
}
