import SOAPLintModel

/// Fills `{placeholders}` in rule messages.
///
/// Each kind supplies its own values (`{match}`, `{code}`, `{units}` ...); the visit fields
/// `{payer}`, `{provider}`, `{credential}`, `{date}` and `{patient}` are always available. An
/// unknown placeholder is left as written, so a typo shows in the output instead of vanishing.
public enum MessageTemplate {
    /// Placeholders every message may use.
    public static let visitPlaceholders = ["payer", "provider", "credential", "date", "patient"]

    /// `template` with `values` and the note's visit fields filled in.
    public static func render(_ template: String, values: [String: String], note: Note) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            result += values[name] ?? visitValue(name, of: note) ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The visit field a placeholder names, with the words used when the note lacks it.
    private static func visitValue(_ name: String, of note: Note) -> String? {
        let visit = note.visit
        switch name {
        case "payer": return visit.payer ?? "unknown payer"
        case "provider": return visit.provider?.displayText ?? "the provider"
        case "credential": return visit.provider?.credential ?? "unknown credential"
        case "date": return visit.dateOfService ?? "no date"
        case "patient": return visit.patient ?? "the patient"
        default: return nil
        }
    }
}
