import SOAPLintModel

/// The rules soaplint runs until rule files are loaded from `Rules/`.
public enum BuiltInRules {
    /// `missing-section`: S, O, A or P is absent or empty (A/P satisfies both).
    public static func missingSection() -> Rule {
        // The default parameters are valid by construction.
        let check = try! RequiredSections()
        return Rule(
            id: "missing-section", level: .error,
            summary: "S, O, A or P is absent or empty (one finding per section; A/P satisfies both)", check: check)
    }

    /// Every built-in rule.
    public static var all: [Rule] { [missingSection()] }
}
