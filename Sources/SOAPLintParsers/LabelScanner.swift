import SOAPLintModel

/// A known label at the start of a line: `S:`, `**Objective:**`, `Subjective - `, `SUBJECTIVE`,
/// `Dx: M54.2`.
struct Label: Hashable {
    /// What the label stands for.
    var meaning: SectionVocabulary.Meaning
    /// The label as written, without markup or colon (`Objective`, `S`, `A/P`).
    var text: String
    /// 0-based offset, in Unicode scalars, of the label's first character (markup included).
    var start: Int
    /// 0-based offset, in Unicode scalars, where the text after the label starts; the line's
    /// length when nothing follows.
    var contentStart: Int
}

/// Finds labels at the start of lines.
enum LabelScanner {
    /// The longest label, in characters, that the plain `Label:` form looks for.
    static let maximumLabelLength = 40

    /// How many characters past a line's indentation are enough to tell whether it starts with
    /// a label: the longest label, its markup and a colon.
    static let window = maximumLabelLength + 24

    /// The label at the start of `line`, or nil when the line does not start with a known one.
    ///
    /// Most lines are prose; they are told apart from a label by their first `window` characters,
    /// and only a line that looks like a label there is read whole.
    static func label(in line: String, vocabulary: SectionVocabulary) -> Label? {
        var prefix: [Unicode.Scalar] = []
        prefix.reserveCapacity(window)
        var limit = window
        var truncated = false
        for scalar in line.unicodeScalars {
            if prefix.count == limit {
                truncated = true
                break
            }
            if prefix.count == limit - window, isSpace(scalar) { limit += 1 }  // still in the indentation
            prefix.append(scalar)
        }
        guard let label = label(in: prefix, vocabulary: vocabulary) else { return nil }
        return truncated ? self.label(in: Array(line.unicodeScalars), vocabulary: vocabulary) : label
    }

    private static func label(in scalars: [Unicode.Scalar], vocabulary: SectionVocabulary) -> Label? {
        var start = 0
        while start < scalars.count, isSpace(scalars[start]) { start += 1 }
        guard start < scalars.count else { return nil }
        if scalars[start] == "*" || scalars[start] == "_" {
            return emphasized(scalars, from: start, vocabulary: vocabulary)
        }
        return plain(scalars, from: start, vocabulary: vocabulary)
    }

    /// `**Objective:** text`, `**Objective**: text`, `__S:__`, `*Plan:*`, or a bold label alone.
    private static func emphasized(
        _ scalars: [Unicode.Scalar], from start: Int, vocabulary: SectionVocabulary
    ) -> Label? {
        let marker = scalars[start]
        var markerLength = 0
        while start + markerLength < scalars.count, scalars[start + markerLength] == marker, markerLength < 3 {
            markerLength += 1
        }
        let innerStart = start + markerLength
        guard let close = closingMarker(scalars, marker: marker, length: markerLength, from: innerStart) else {
            return nil
        }
        var inner = String(scalars[innerStart..<close]).trimmingWhitespace()
        var after = close + markerLength
        if inner.hasSuffix(":") {
            inner.removeLast()
        } else if after < scalars.count, scalars[after] == ":" {
            after += 1
        } else if !scalars[after...].allSatisfy(isSpace) {
            return nil
        }
        guard let meaning = vocabulary.meaning(of: inner) else { return nil }
        return Label(
            meaning: meaning, text: inner.trimmingWhitespace(), start: start, contentStart: skipSpaces(scalars, after))
    }

    /// `S: text`, `Subjective - text`, `SUBJECTIVE:`, or a section name alone on its line.
    private static func plain(_ scalars: [Unicode.Scalar], from start: Int, vocabulary: SectionVocabulary) -> Label? {
        let limit = min(scalars.count, start + maximumLabelLength)
        var index = start
        while index < limit {
            let scalar = scalars[index]
            if scalar == ":" {
                let name = String(scalars[start..<index])
                if let meaning = vocabulary.meaning(of: name) {
                    return Label(
                        meaning: meaning, text: name.trimmingWhitespace(), start: start,
                        contentStart: skipSpaces(scalars, index + 1))
                }
                return nil
            }
            if isDash(scalar), index > start, isSpace(scalars[index - 1]),
                index + 1 == scalars.count || isSpace(scalars[index + 1])
            {
                let name = String(scalars[start..<index])
                if let meaning = vocabulary.meaning(of: name) {
                    return Label(
                        meaning: meaning, text: name.trimmingWhitespace(), start: start,
                        contentStart: skipSpaces(scalars, index + 1))
                }
            }
            guard isLabelCharacter(scalar) else { return nil }
            index += 1
        }
        // A section name alone on its line: no longer than a label.
        var end = scalars.count
        while end > start, isSpace(scalars[end - 1]) { end -= 1 }
        guard end - start <= maximumLabelLength else { return nil }
        let whole = String(scalars[start..<end]).trimmingWhitespace()
        guard whole.unicodeScalars.count > 1, let meaning = vocabulary.meaning(of: whole) else { return nil }
        switch meaning {
        case .section, .billing:
            return Label(meaning: meaning, text: whole, start: start, contentStart: scalars.count)
        case .field:
            return nil
        }
    }

    private static func closingMarker(_ scalars: [Unicode.Scalar], marker: Unicode.Scalar, length: Int, from: Int)
        -> Int?
    {
        var index = from
        while index + length <= scalars.count {
            if scalars[index..<(index + length)].allSatisfy({ $0 == marker }) { return index > from ? index : nil }
            index += 1
        }
        return nil
    }

    private static func skipSpaces(_ scalars: [Unicode.Scalar], _ from: Int) -> Int {
        var index = from
        while index < scalars.count, isSpace(scalars[index]) { index += 1 }
        return index
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    private static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2013}" || scalar == "\u{2014}"
    }

    private static func isLabelCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x20, 0x09: return true
            case 0x2F, 0x26, 0x2D, 0x2E, 0x28, 0x29, 0x27: return true  // / & - . ( ) '
            default: return false
            }
        }
        return scalar == "’" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}

extension String {
    /// The string of `scalars`, encoded straight to UTF-8 (faster than going through a
    /// `String.UnicodeScalarView`).
    init(_ scalars: ArraySlice<Unicode.Scalar>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
