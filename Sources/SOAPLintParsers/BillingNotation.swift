import SOAPLintModel

/// Reads service lines written as text (`97140-59-GP x 2 units (30 min) cervical`) and
/// diagnosis lists (`M54.2 cervicalgia; M62.830`).
///
/// Hand-written over a small token list, since it runs on every note's billing lines.
enum BillingNotation {
    private struct Token {
        var text: String
        var offset: Int
        var isNumber: Bool { !text.isEmpty && text.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal } }
        var isWord: Bool {
            text.unicodeScalars.first.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
        }
    }

    /// The service lines written in `text`; each starts at a CPT/HCPCS code. `origin` is where
    /// `text` starts in the source.
    static func services(in text: String, origin: SourcePosition?, regions: [String]) -> [Service] {
        let tokens = tokenize(text)
        let codeIndices = tokens.indices.filter { isProcedureCode(tokens[$0].text) }
        var services: [Service] = []
        for (number, codeIndex) in codeIndices.enumerated() {
            let end = number + 1 < codeIndices.count ? codeIndices[number + 1] : tokens.count
            let segment = Array(tokens[codeIndex..<end])
            var service = Service(code: segment[0].text.uppercased())
            if let origin {
                service.position = SourcePosition(line: origin.line, column: origin.column + segment[0].offset)
            }
            read(segment, into: &service)
            service.region = region(in: segment.map(\.text).joined(separator: " "), regions: regions)
            services.append(service)
        }
        return services
    }

    /// The ICD-10-CM-shaped codes in `text`, at most one per comma- or semicolon-separated item.
    static func diagnoses(in text: String, origin: SourcePosition?) -> [Diagnosis] {
        var result: [Diagnosis] = []
        var takenInItem = false
        for token in tokenize(text) {
            if token.text == "," || token.text == ";" {
                takenInItem = false
                continue
            }
            guard !takenInItem, isDiagnosisCode(token.text) else { continue }
            takenInItem = true
            let position = origin.map { SourcePosition(line: $0.line, column: $0.column + token.offset) }
            result.append(Diagnosis(code: token.text.uppercased(), position: position))
        }
        return result
    }

    /// Whether `word` looks like an ICD-10-CM code: a letter, a digit, a letter or digit, then
    /// optionally a dot and one to four letters or digits (`M54.2`, `S13.4XXA`, `M6283`).
    static func isDiagnosisCode(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 3, scalars.count <= 8, isASCIILetter(scalars[0]), isASCIIDigit(scalars[1]),
            isASCIIAlphanumeric(scalars[2])
        else { return false }
        let rest = scalars[3...]
        if rest.isEmpty { return true }
        if rest.first == "." { return rest.count >= 2 && rest.dropFirst().allSatisfy(isASCIIAlphanumeric) }
        return rest.count <= 4 && rest.allSatisfy(isASCIIAlphanumeric) && rest.contains(where: isASCIIDigit)
    }

    private static func isProcedureCode(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count == 5 else { return false }
        if scalars.allSatisfy(isASCIIDigit) { return true }
        return isASCIILetter(scalars[0]) && scalars.dropFirst().allSatisfy(isASCIIDigit)
    }

    private static func read(_ segment: [Token], into service: inout Service) {
        var index = 1
        // Modifiers joined to the code: 97140-59-GP.
        while index + 1 < segment.count, segment[index].text == "-", isModifier(segment[index + 1].text) {
            service.modifiers.append(segment[index + 1].text.uppercased())
            index += 2
        }
        while index < segment.count {
            let token = segment[index]
            let lower = token.text.lowercased()
            let next = index + 1 < segment.count ? segment[index + 1] : nil
            let nextLower = next?.text.lowercased() ?? ""
            if lower == "x" || lower == "×", let next, let value = Int(next.text) {
                service.units = value
                index += 2
                continue
            }
            if let value = number(lower, prefix: "x") {
                service.units = value
            } else if let value = number(lower, suffix: "u") ?? number(lower, suffix: "units")
                ?? number(lower, suffix: "unit")
            {
                service.units = value
            } else if let value = minutes(lower) {
                service.minutes = value
            } else if token.isNumber, let value = Int(token.text) {
                if ["unit", "units", "u"].contains(nextLower) {
                    service.units = value
                    index += 1
                } else if minuteWords.contains(nextLower) || nextLower == "'" {
                    service.minutes = value
                    index += 1
                }
            } else if ["unit", "units"].contains(lower), let value = valueAfterColon(segment, index) {
                service.units = value
            } else if minuteWords.contains(lower), let value = valueAfterColon(segment, index) {
                service.minutes = value
            } else if ["modifier", "modifiers", "mod", "mods"].contains(lower) {
                var cursor = index + 1
                while cursor < segment.count,
                    [":", ",", "-"].contains(segment[cursor].text) || isModifier(segment[cursor].text)
                {
                    if isModifier(segment[cursor].text) { service.modifiers.append(segment[cursor].text.uppercased()) }
                    cursor += 1
                }
                index = cursor
                continue
            } else if token.text == "(", let close = segment[index...].firstIndex(where: { $0.text == ")" }) {
                let inside = segment[(index + 1)..<close].filter { $0.text != "," && $0.text != "-" }
                if !inside.isEmpty,
                    inside.allSatisfy({
                        isModifier($0.text) && !$0.isNumber || ["59", "25", "76", "77"].contains($0.text)
                    })
                {
                    service.modifiers += inside.map { $0.text.uppercased() }
                    index = close + 1
                    continue
                }
            }
            index += 1
        }
    }

    private static let minuteWords: Set<String> = ["min", "mins", "minute", "minutes", "m"]

    private static func minutes(_ word: String) -> Int? {
        for suffix in ["minutes", "minute", "mins", "min"] {
            if let value = number(word, suffix: suffix) { return value }
        }
        return nil
    }

    private static func valueAfterColon(_ segment: [Token], _ index: Int) -> Int? {
        guard index + 2 < segment.count, segment[index + 1].text == ":" else { return nil }
        return Int(segment[index + 2].text)
    }

    private static func number(_ word: String, prefix: String) -> Int? {
        guard word.hasPrefix(prefix), word.count > prefix.count else { return nil }
        return Int(word.dropFirst(prefix.count))
    }

    private static func number(_ word: String, suffix: String) -> Int? {
        guard word.hasSuffix(suffix), word.count > suffix.count else { return nil }
        return Int(word.dropLast(suffix.count))
    }

    /// Two letters or digits, but not a unit count such as `x2`.
    private static func isModifier(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count == 2, scalars.allSatisfy(isASCIIAlphanumeric) else { return false }
        return !((scalars[0] == "x" || scalars[0] == "X") && isASCIIDigit(scalars[1]))
    }

    private static func region(in text: String, regions: [String]) -> String? {
        let lower = " " + SectionVocabulary.normalize(text) + " "
        return regions.first { lower.contains(" \($0) ") }
    }

    /// Words (letters, digits and dots inside a word) and single punctuation characters, with
    /// their offsets in Unicode scalars.
    private static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var currentStart = 0
        let scalars = Array(text.unicodeScalars)
        for (offset, scalar) in scalars.enumerated() {
            let isWordScalar = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            let isInnerDot =
                scalar == "." && !current.isEmpty && offset + 1 < scalars.count
                && (scalars[offset + 1].properties.isAlphabetic || scalars[offset + 1].properties.numericType != nil)
            if isWordScalar || isInnerDot {
                if current.isEmpty { currentStart = offset }
                current.unicodeScalars.append(scalar)
                continue
            }
            if !current.isEmpty {
                tokens.append(Token(text: current, offset: currentStart))
                current = ""
            }
            if !scalar.properties.isWhitespace { tokens.append(Token(text: String(scalar), offset: offset)) }
        }
        if !current.isEmpty { tokens.append(Token(text: current, offset: currentStart)) }
        return tokens
    }

    private static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIDigit(scalar) || isASCIILetter(scalar)
    }
}
