import SOAPLintModel

/// Fills `{placeholders}` in rule messages.
///
/// Each kind supplies its own values (`{match}`, `{code}`, `{units}` ...); the visit fields
/// `{payer}`, `{provider}`, `{credential}`, `{date}` and `{patient}` are always available. An
/// unknown placeholder is left as written, so a typo shows in the output instead of vanishing.
public enum MessageTemplate {
    /// Placeholders every message may use.
    public static let visitPlaceholders = ["payer", "provider", "credential", "date", "patient"]

    /// `template` with `values` and the note's visit fields filled in. Scans UTF-8 bytes, not
    /// characters: it runs for every finding.
    public static func render(_ template: String, values: [String: String], note: Note) -> String {
        let bytes = template.utf8
        guard bytes.contains(0x7B) else { return template }  // {
        var result = ""
        result.reserveCapacity(bytes.count + 32)
        var literalStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard bytes[index] == 0x7B, let close = bytes[index...].firstIndex(of: 0x7D) else {  // { }
                index = bytes.index(after: index)
                continue
            }
            result += template[literalStart..<index]
            let name = String(template[bytes.index(after: index)..<close])
            result += values[name] ?? visitValue(name, of: note) ?? "{\(name)}"
            index = bytes.index(after: close)
            literalStart = index
        }
        result += template[literalStart...]
        return result
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
