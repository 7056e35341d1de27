import SOAPLintModel

/// The `payer-modifier` kind: for the listed payers, every line of the listed codes must carry
/// `modifier` (Medicare's GP on outpatient therapy codes).
///
/// `profile` names a payer list in the configuration's `payer-profiles` that replaces `payers`.
/// Says nothing when the payer is unknown. `{code}` and `{modifier}` fill the message.
///
///     payer: medicare, 97110 without GP   →  finding
///     payer: medicare, 97110-GP           →  none
public struct PayerModifier: RuleKind {
    public static let name = "payer-modifier"
    public static let keys = ["payers", "profile", "modifier", "codes"]

    /// Payers that require the modifier.
    public var payers: [String]
    /// The configuration profile that replaces `payers`.
    public var profile: String?
    /// The required modifier.
    public var modifier: String
    /// The codes it is required on.
    public var codes: [String]

    public init(fields: RuleFields, registry: inout PatternRegistry, environment: RuleLoadEnvironment)
        throws(RuleLoadError)
    {
        payers = (try fields.strings("payers") ?? []).map { $0.lowercased() }
        profile = try fields.string("profile")
        modifier = try fields.requiredString("modifier").uppercased()
        codes = try fields.requiredStrings("codes", "'codes' must list CPT codes")
    }

    public func check(_ note: Note, rule: Rule, context: CheckContext) -> [Finding] {
        let payerList = profile.flatMap { context.configuration.payerProfiles[$0] } ?? payers
        guard let payer = note.visit.payer, payerList.contains(payer) else { return [] }
        return note.visit.services.filter { codes.contains($0.code) && !$0.modifiers.contains(modifier) }.map {
            service in
            rule.finding(
                ["code": service.code, "modifier": modifier], at: service.position ?? note.start, section: nil,
                note: note)
        }
    }
}
