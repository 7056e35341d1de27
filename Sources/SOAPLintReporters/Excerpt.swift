import SOAPLintModel

/// The text a finding points at, for reports: the note's line at the finding's position.
public enum Excerpt {
    /// The source line of `note` at `line`, trimmed, or nil when no section text starts there
    /// (a finding at a heading concerns the whole section, and the heading says nothing more).
    public static func line(_ line: Int, in note: Note) -> String? {
        for section in note.sections {
            if let index = section.lineOrigins.firstIndex(where: { $0.line == line }) {
                let lines = section.body.split(separator: "\n", omittingEmptySubsequences: false)
                guard index < lines.count else { return nil }
                let text = lines[index].trimmingWhitespace()
                return text.isEmpty ? nil : text
            }
        }
        return nil
    }
}
