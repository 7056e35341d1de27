import SOAPLintModel

/// The `licence-scope` kind: a provider bills only the codes their credential's scope lists.
///
/// `scopes` maps credentials to codes; the configuration's `licence-scopes` adds to and
/// replaces entries. Says nothing when the credential is unknown or not listed. `{code}` and
/// `{credential}` fill the message.
///
///     provider "Jane Doe, LMT" bills 97110   →  finding (LMT scope: 97124, 97140)
///     provider "Jane Doe, LMT" bills 97140   →  none
public struct LicenceScope: RuleKind {
    public static let name = "licence-scope"
    public static let keys = ["scopes"]

    /// Codes by credential, upper-cased.
    public var scopes: [String: [String]]

    public init(fields: RuleFields, registry: inout PatternRegistry, environment: RuleLoadEnvironment)
        throws(RuleLoadError)
    {
        guard let node = fields.value("scopes"), let pairs = node.mapping else {
            throw fields.error("'scopes' must map credentials to the codes they may bill")
        }
        var scopes: [String: [String]] = [:]
        for pair in pairs {
            let credential = (pair.key.scalar ?? "").uppercased()
            scopes[credential] = try RuleFields.strings(pair.value, key: credential, file: fields.file)
        }
        self.scopes = scopes
    }

    public func check(_ note: Note, rule: Rule, context: CheckContext) -> [Finding] {
        guard let credential = note.visit.provider?.credential?.uppercased() else { return [] }
        let merged = scopes.merging(context.configuration.licenceScopes) { $1 }
        guard let allowed = merged[credential] else { return [] }
        return note.visit.services.filter { !allowed.contains($0.code) }.map { service in
            rule.finding(
                ["code": service.code, "credential": credential], at: service.position ?? note.start, section: nil,
                note: note)
        }
    }
}
