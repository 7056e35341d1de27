import SOAPLintModel

/// A kind of rule: the closed set of checks a rule file can choose with `kind:`.
///
/// Each kind names the keys it adds to the common ones (`id`, `kind`, `level`, `message`,
/// `scope`, `description`, `link`, `examples`) and reads them in a throwing initializer, so
/// a rule file is checked completely when it loads.
public protocol RuleKind: RuleCheck {
    /// The name rule files use (`require`).
    static var name: String { get }
    /// The keys this kind adds.
    static var keys: [String] { get }
    /// Reads and validates the kind's keys.
    init(fields: RuleFields, registry: inout PatternRegistry, environment: RuleLoadEnvironment) throws(RuleLoadError)
}

/// What a kind may need while loading: where its rule file is (data files are relative to it).
public struct RuleLoadEnvironment: Sendable {
    /// The folder of the rule file.
    public var directory: String
}

/// Every rule kind, by name.
public enum RuleKinds {
    /// The kinds in the order `soaplint explain` lists them.
    public static let all: [any RuleKind.Type] = [
        Existence.self, Require.self, Conditional.self, RequiredSections.self, CoBilledModifier.self,
        TimedUnits.self, TimedMinutes.self, RequiredFields.self, PayerModifier.self, DiagnosisPairing.self,
        LicenceScope.self, DiagnosisValidity.self,
    ]

    /// The kind called `name`.
    public static func named(_ name: String) -> (any RuleKind.Type)? {
        all.first { $0.name == name }
    }
}
