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
        var all = values
        let visit = note.visit
        if all["payer"] == nil { all["payer"] = visit.payer ?? "unknown payer" }
        if all["provider"] == nil { all["provider"] = visit.provider?.displayText ?? "the provider" }
        if all["credential"] == nil { all["credential"] = visit.provider?.credential ?? "unknown credential" }
        if all["date"] == nil { all["date"] = visit.dateOfService ?? "no date" }
        if all["patient"] == nil { all["patient"] = visit.patient ?? "the patient" }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            result += all[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
