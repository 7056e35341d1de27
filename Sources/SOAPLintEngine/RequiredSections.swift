import SOAPLintModel

/// The `required-sections` kind: each listed SOAP section must be present and hold text.
///
/// One finding per missing or empty section; a combined A/P section satisfies both the
/// assessment and the plan. A missing section is reported where it belongs: at the start of the
/// next section in SOAP order that the note has, else on the line after the last one before
/// it, else at the start of the note. An empty section is reported at its heading. `message`
/// is for a missing section, `empty-message` for an empty one; `{section}` is its name.
///
///     ## Subjective
///     Neck pain 6/10.
///     ## Assessment        →  "the note has no Objective section" here
public struct RequiredSections: RuleKind {
    public static let name = "required-sections"
    public static let keys = ["sections", "empty-message"]

    /// The sections that must be present, in SOAP order.
    public var sections: [SectionKind]
    /// The template for an empty section.
    public var emptyMessage: String

    public init(fields: RuleFields, registry: inout PatternRegistry, environment: RuleLoadEnvironment)
        throws(RuleLoadError)
    {
        let names = try fields.strings("sections") ?? SectionKind.soap.map(\.rawValue)
        let valid = SectionKind.soap.map(\.rawValue)
        var sections: [SectionKind] = []
        for name in names {
            guard let kind = SectionKind(rawValue: name), SectionKind.soap.contains(kind) else {
                throw fields.error(
                    fields.value("sections") ?? fields.node,
                    "'\(name)' cannot be required; expected one of \(valid.map { "'\($0)'" }.joined(separator: ", "))")
            }
            sections.append(kind)
        }
        guard !sections.isEmpty else { throw fields.error("'sections' must list at least one section") }
        self.sections = sections
        emptyMessage = try fields.string("empty-message") ?? "the {section} section is empty"
    }

    public func check(_ note: Note, rule: Rule, context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for kind in sections {
            let present = note.sections(covering: kind)
            let values = ["section": kind.displayName]
            if present.isEmpty {
                findings.append(
                    rule.finding(values, at: missingPosition(of: kind, in: note), section: kind, note: note))
            } else if present.allSatisfy(\.isEmpty) {
                var empty = rule
                empty.message = emptyMessage
                findings.append(
                    empty.finding(values, at: present[0].range?.start ?? note.start, section: kind, note: note))
            }
        }
        return findings
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
