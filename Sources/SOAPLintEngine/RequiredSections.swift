import SOAPLintModel

/// The `required-sections` kind: each listed SOAP section must be present and hold text.
///
/// One finding per missing or empty section; a combined A/P section satisfies both the
/// assessment and the plan. A missing section is reported where it belongs: at the start of the
/// next section in SOAP order that the note has, else just after the last one before it, else
/// at the start of the note. An empty section is reported at its heading.
///
///     ## Subjective              ## Subjective
///     Neck pain 6/10.            Neck pain 6/10.
///     ## Assessment     →  missing-section: "the note has no Objective section"  (at "## Assessment")
public struct RequiredSections: RuleCheck {
    /// The sections that must be present, in SOAP order.
    public var sections: [SectionKind]
    /// The message for an absent section; `{section}` becomes its name ("Objective").
    public var missingMessage: String
    /// The message for a section with no text; `{section}` becomes its name.
    public var emptyMessage: String

    /// The message templates the built-in `missing-section` rule uses.
    public static let defaultMissingMessage = "the note has no {section} section"
    /// The empty-section template the built-in rule uses.
    public static let defaultEmptyMessage = "the {section} section is empty"

    /// Creates the check; `sections` must be SOAP kinds (not `other`) and not empty.
    public init(
        sections: [SectionKind] = SectionKind.soap, missingMessage: String = Self.defaultMissingMessage,
        emptyMessage: String = Self.defaultEmptyMessage
    ) throws(RuleDefinitionError) {
        guard !sections.isEmpty else { throw RuleDefinitionError("'sections' must list at least one section") }
        if let other = sections.first(where: { !SectionKind.soap.contains($0) }) {
            throw RuleDefinitionError(
                "'\(other.rawValue)' cannot be required; expected subjective, objective, assessment or plan")
        }
        self.sections = sections
        self.missingMessage = missingMessage
        self.emptyMessage = emptyMessage
    }

    public func check(_ note: Note, rule: Rule) -> [Finding] {
        var findings: [Finding] = []
        for kind in sections {
            let present = note.sections(covering: kind)
            if present.isEmpty {
                findings.append(
                    rule.finding(text(missingMessage, kind), at: missingPosition(of: kind, in: note), section: kind))
            } else if present.allSatisfy(\.isEmpty) {
                let position = present[0].range?.start ?? note.start
                findings.append(rule.finding(text(emptyMessage, kind), at: position, section: kind))
            }
        }
        return findings
    }

    private func text(_ template: String, _ kind: SectionKind) -> String {
        template.replacing("{section}", with: kind.displayName)
    }

    private func missingPosition(of kind: SectionKind, in note: Note) -> SourcePosition {
        let order = SectionKind.soap
        guard let rank = order.firstIndex(of: kind) else { return note.start }
        let soapSections = note.sections.filter { section in order.contains { section.kind.covers($0) } }
        let later = soapSections.first { section in
            order[(rank + 1)...].contains { section.kind.covers($0) } && !order[..<rank].contains { section.kind == $0 }
        }
        if let start = later?.range?.start { return start }
        if let end = soapSections.last?.range?.end { return SourcePosition(line: end.line + 1, column: 1) }
        return note.start
    }
}
