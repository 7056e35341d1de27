import SOAPLintModel

/// Finds `<!-- soaplint-disable RULE ... -->`, `<!-- soaplint-enable ... -->` and
/// `<!-- soaplint-disable-next-line ... -->` comments in a note's lines.
enum SuppressionScanner {
    /// The suppression in `line` (1-based `number`), and whether the comment is all the line holds.
    static func suppression(in line: String, number: Int) -> (Suppression, wholeLine: Bool)? {
        guard line.utf8.contains(0x3C), let open = line.firstRange(of: "<!--"),
            let close = line[open.upperBound...].firstRange(of: "-->")
        else { return nil }
        let words = line[open.upperBound..<close.lowerBound].split { $0 == " " || $0 == "\t" || $0 == "," }
        guard let directive = words.first, directive.hasPrefix("soaplint-"),
            let action = Suppression.Action(rawValue: String(directive.dropFirst("soaplint-".count)))
        else { return nil }
        let whole =
            line[..<open.lowerBound].trimmingWhitespace().isEmpty
            && line[close.upperBound...].trimmingWhitespace().isEmpty
        return (Suppression(action: action, rules: words.dropFirst().map(String.init), line: number), whole)
    }
}
