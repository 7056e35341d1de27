import SOAPLintModel

/// The tree dump of `soaplint dump`: each note's visit and sections with `@line:col` ranges
/// and every body line with where it starts. The golden format for parser tests.
public enum NoteDump {
    /// The dump of `notes`, read from one file.
    public static func render(_ notes: [Note]) -> String {
        notes.map(render).joined(separator: "\n")
    }

    /// The dump of one note.
    public static func render(_ note: Note) -> String {
        var lines = ["note \(note.index) \(note.file)" + (note.id.map { " id=\($0)" } ?? "") + " @\(note.start)"]
        lines.append("  visit")
        let visit = note.visit
        func field(_ name: String, _ value: String?) {
            if let value { lines.append("    \(name): \(value)") }
        }
        field("date", visit.dateOfService)
        field("patient", visit.patient)
        field("provider", visit.provider.map { "\($0.name)" + ($0.credential.map { " [\($0)]" } ?? "") })
        field("payer", visit.payer)
        field("referral", visit.referral)
        for diagnosis in visit.diagnoses {
            lines.append("    diagnosis: \(diagnosis.code)" + at(diagnosis.position))
        }
        for service in visit.services {
            var text = "    service: \(service.code)"
            if !service.modifiers.isEmpty { text += " modifiers=" + service.modifiers.joined(separator: ",") }
            if let units = service.units { text += " units=\(units)" }
            if let minutes = service.minutes { text += " minutes=\(minutes)" }
            if let region = service.region { text += " region=\(region)" }
            lines.append(text + at(service.position))
        }
        field("total minutes", visit.totalMinutes.map(String.init))
        field("signature", visit.signature)
        if note.sections.isEmpty { lines.append("  (no sections)") }
        for section in note.sections {
            let range = section.range.map { " \($0)" } ?? ""
            lines.append(
                "  \(section.kind.rawValue) \"\(section.heading)\"\(range)" + (section.isEmpty ? " (empty)" : ""))
            for (text, origin) in zip(
                section.body.split(separator: "\n", omittingEmptySubsequences: false), section.lineOrigins)
            {
                lines.append("    \(origin)| \(text)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func at(_ position: SourcePosition?) -> String {
        position.map { " @\($0)" } ?? ""
    }
}
