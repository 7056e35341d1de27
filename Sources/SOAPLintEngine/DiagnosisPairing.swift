import SOAPLintModel

/// The `diagnosis-pairing` kind: when one of `codes` is billed, the primary diagnosis must
/// start with a `supported` prefix and not with an `unsupported` one (unsupported wins).
///
/// Prefixes compare without the dot and ignoring case: `M` is every musculoskeletal code,
/// `F41` every anxiety code, `Z733` is Z73.3 alone. `{code}` is the primary diagnosis.
///
///     97140 billed, primary Z73.3 (stress)        →  finding
///     97140 billed, primary M54.2 (cervicalgia)   →  none
public struct DiagnosisPairing: RuleKind {
    public static let name = "diagnosis-pairing"
    public static let keys = ["codes", "supported", "unsupported"]

    /// The CPT codes the pairing matters for.
    public var codes: [String]
    /// Diagnosis prefixes that support the codes.
    public var supported: [String]
    /// Diagnosis prefixes that never do.
    public var unsupported: [String]

    public init(fields: RuleFields, registry: inout PatternRegistry, environment: RuleLoadEnvironment)
        throws(RuleLoadError)
    {
        codes = try fields.requiredStrings("codes", "'codes' must list CPT codes")
        supported = (try fields.strings("supported") ?? []).map(Self.key)
        unsupported = (try fields.strings("unsupported") ?? []).map(Self.key)
        guard !supported.isEmpty || !unsupported.isEmpty else {
            throw fields.error("a diagnosis-pairing rule needs 'supported' or 'unsupported' prefixes")
        }
    }

    public func check(_ note: Note, rule: Rule, context: CheckContext) -> [Finding] {
        guard context.bills(any: codes), let primary = note.visit.primaryDiagnosis else { return [] }
        let code = Self.key(primary.code)
        let isUnsupported = unsupported.contains { code.hasPrefix($0) }
        let isSupported = supported.isEmpty || supported.contains { code.hasPrefix($0) }
        guard isUnsupported || !isSupported else { return [] }
        let billed = note.visit.services.map(\.code).filter(codes.contains)
        return [
            rule.finding(
                ["code": primary.code, "codes": billed.joined(separator: ", ")], at: primary.position ?? note.start,
                section: nil, note: note)
        ]
    }

    static func key(_ code: String) -> String {
        code.uppercased().filter { $0 != "." }
    }
}
