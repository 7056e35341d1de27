import SOAPLintModel

/// The `required-fields` kind: visit fields that must be documented, optionally only for some
/// payers or when services are billed.
///
/// Fields: `date`, `signature`, `credential` (the signature or the provider carries one),
/// `provider`, `payer`, `patient`, `referral`, `diagnoses`. With `payers`, the rule applies only
/// to those payers, and says nothing when the payer is unknown; `profile` names a payer list in
/// the configuration's `payer-profiles` that replaces `payers`. `when-billed: any` (or a list of
/// codes) applies it only when services are billed. One finding per missing field; `{field}`
/// names it.
///
///     fields: [referral]
///     payers: [workers-comp, auto]
///     payer: workers-comp, no referral   →  finding
///     payer: commercial, no referral     →  none
public struct RequiredFields: RuleKind {
    public static let name = "required-fields"
    public static let keys = ["fields", "payers", "profile", "when-billed"]

    /// The fields a note may be required to document, and their names in messages.
    public static let fieldNames: [(String, String)] = [
        ("date", "date of service"), ("signature", "signature"), ("credential", "provider credential"),
        ("provider", "provider"), ("payer", "payer"), ("patient", "patient"), ("referral", "referral or prescription"),
        ("diagnoses", "ICD-10-CM diagnosis"),
    ]

    /// Required fields.
    public var fields: [String]
    /// Payers the rule applies to; nil for all.
    public var payers: [String]?
    /// The configuration profile that replaces `payers`.
    public var profile: String?
    /// Codes of which one must be billed (`["any"]` for any service); nil: always.
    public var whenBilled: [String]?

    public init(fields: RuleFields, registry: inout PatternRegistry, environment: RuleLoadEnvironment)
        throws(RuleLoadError)
    {
        guard let names = try fields.strings("fields"), !names.isEmpty else {
            throw fields.error("'fields' must list visit fields")
        }
        let valid = Self.fieldNames.map(\.0)
        for name in names where !valid.contains(name) {
            throw fields.error(
                fields.value("fields") ?? fields.node,
                "unknown field '\(name)'; expected one of \(valid.map { "'\($0)'" }.joined(separator: ", "))")
        }
        self.fields = names
        payers = try fields.strings("payers")?.map { $0.lowercased() }
        profile = try fields.string("profile")
        whenBilled = try fields.strings("when-billed")
    }

    public func check(_ note: Note, rule: Rule, context: CheckContext) -> [Finding] {
        let visit = note.visit
        if let whenBilled {
            let billed = whenBilled == ["any"] ? !visit.services.isEmpty : context.bills(any: whenBilled)
            if !billed { return [] }
        }
        let payerList = profile.flatMap { context.configuration.payerProfiles[$0] } ?? payers
        if let payerList {
            guard let payer = visit.payer, payerList.contains(payer) else { return [] }
        }
        var missing = fields.filter { !isDocumented($0, visit) }
        // With no signature at all, "no signature" says it; a missing credential would repeat it.
        if missing.contains("signature") { missing.removeAll { $0 == "credential" } }
        return missing.map { field in
            let name = Self.fieldNames.first { $0.0 == field }?.1 ?? field
            return rule.finding(["field": name], at: note.start, section: nil, note: note)
        }
    }

    private func isDocumented(_ field: String, _ visit: Visit) -> Bool {
        switch field {
        case "date": visit.dateOfService != nil
        case "signature": visit.signature != nil
        case "credential":
            visit.provider?.credential != nil || visit.signature.map { Provider(parsing: $0).credential != nil } == true
        case "provider": visit.provider != nil
        case "payer": visit.payer != nil
        case "patient": visit.patient != nil
        case "referral": visit.referral != nil
        case "diagnoses": !visit.diagnoses.isEmpty
        default: true
        }
    }
}
