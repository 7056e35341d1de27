import SOAPLintModel

/// The `timed-units` kind: the units billed for timed codes must be what the documented minutes
/// support under the 8-minute rule.
///
/// The CMS total-time method is the default; `method: per-code` (or `unit-method` in the
/// configuration, which wins) counts each code on its own minutes. The rule needs minutes and
/// units on every timed line; when any is missing it says nothing (`timed-minutes` reports
/// that). `{code}`, `{units}` (billed), `{expected}`, `{minutes}` and `{method}` fill the message.
///
///     97110 33 min 2 units + 97140 7 min 1 unit   →  none (40 min: 2 + 1)
///     97140 20 min 2 units                        →  finding: 20 min supports 1
public struct TimedUnits: RuleKind {
    public static let name = "timed-units"
    public static let keys = ["codes", "method"]

    /// The timed codes.
    public var codes: [String]
    /// The method when the configuration names none.
    public var method: UnitMethod

    public init(fields: RuleFields, registry: inout PatternRegistry, environment: RuleLoadEnvironment)
        throws(RuleLoadError)
    {
        codes = try fields.requiredStrings("codes", "'codes' must list the timed CPT codes")
        method =
            try fields.choice("method", UnitMethod.allCases.map(\.rawValue)).flatMap(UnitMethod.init(rawValue:))
            ?? .totalTime
    }

    public func check(_ note: Note, rule: Rule, context: CheckContext) -> [Finding] {
        let timed = note.visit.services.filter { codes.contains($0.code) }
        guard !timed.isEmpty, timed.allSatisfy({ $0.minutes != nil && $0.units != nil }) else { return [] }
        let minutes = timed.map { $0.minutes ?? 0 }
        let method = context.configuration.unitMethod ?? method
        let expected =
            method == .totalTime
            ? EightMinuteRule.totalTimeUnits(minutes: minutes) : EightMinuteRule.perCodeUnits(minutes: minutes)
        var findings: [Finding] = []
        for (index, service) in timed.enumerated() where service.units != expected[index] {
            findings.append(
                rule.finding(
                    [
                        "code": service.code, "units": Self.units(service.units ?? 0),
                        "expected": Self.units(expected[index]),
                        "minutes": String(minutes[index]), "total": String(minutes.reduce(0, +)),
                        "method": method.rawValue,
                    ], at: service.position ?? note.start, section: nil, note: note))
        }
        return findings
    }

    /// "1 unit", "2 units".
    private static func units(_ count: Int) -> String { count == 1 ? "1 unit" : "\(count) units" }
}
