import SOAPLintModel

/// Decides, for a match in a section's text, whether it is negated, hypothetical or exempt
/// under `ContextRules`. Works on the section's words, computed once per section.
public struct ContextClassifier {
    /// What surrounds a match.
    public struct Verdict: Hashable, Sendable {
        /// A negation trigger reaches the match ("no", "not assessed").
        public var negated = false
        /// A hypothetical trigger reaches the match ("if", "as needed").
        public var hypothetical = false
        /// An exemption is in the same clause ("in preparation for").
        public var exempt = false
    }

    private struct Word {
        /// The word's id among the trigger words, or `WordTable.unknown`.
        var id: Int32
        var start: Int
        var end: Int
        /// A clause ends before this word.
        var breakBefore: Bool
    }

    /// The triggers (one shared object, so a classifier is cheap to copy) and their reach.
    private let index: TriggerIndex
    private let window: Int
    private let words: [Word]

    /// Prepares `text` (UTF-8 offsets are used throughout).
    public init(text: String, rules: ContextRules) {
        index = rules.index
        window = rules.window
        var text = text
        words = text.withUTF8 { [index] in Self.words(of: $0, index: index) }
    }

    /// Splits `bytes` into lower-case words, each looked up once among the trigger words, and
    /// marks where clauses end.
    private static func words(of bytes: UnsafeBufferPointer<UInt8>, index: TriggerIndex) -> [Word] {
        var words: [Word] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        var start = 0
        var pendingBreak = false
        func flush(_ end: Int) {
            guard !current.isEmpty else { return }
            let id = current.withUnsafeBufferPointer { index.vocabulary.id(of: $0) }
            let isTerminator = id != WordTable.unknown && index.isTerminator[Int(id)]
            words.append(Word(id: id, start: start, end: end, breakBefore: pendingBreak || isTerminator))
            pendingBreak = isTerminator
            current.removeAll(keepingCapacity: true)
        }
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            let next = position + 1 < bytes.count ? bytes[position + 1] : 0x20
            if isWordByte(byte) || (byte == 0x27 && !current.isEmpty) || (byte == 0x2F && !current.isEmpty) {
                if current.isEmpty { start = position }
                current.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
            } else if byte == 0xE2, position + 2 < bytes.count, bytes[position + 1] == 0x80,
                bytes[position + 2] == 0x99, !current.isEmpty
            {
                current.append(0x27)  // ’ as '
                position += 2
            } else {
                flush(position)
                switch byte {
                case 0x3B, 0x21, 0x3F, 0x7C: pendingBreak = true  // ; ! ? |
                case 0x2E where next == 0x20 || next == 0x0A || next == 0x09 || position + 1 == bytes.count:
                    pendingBreak = true
                case 0x0A:
                    var look = position + 1
                    while look < bytes.count, bytes[look] == 0x20 || bytes[look] == 0x09 { look += 1 }
                    if look >= bytes.count || [0x2D, 0x2A, 0x2B, 0x7C, 0x0A].contains(bytes[look]) {
                        pendingBreak = true
                    }
                default: break
                }
            }
            position += 1
        }
        flush(bytes.count)
        return words
    }

    /// The lower-case words of a trigger phrase.
    public static func words(_ phrase: String) -> [String] {
        var result: [String] = []
        var current = ""
        for scalar in phrase.lowercased().unicodeScalars {
            if scalar.isASCII, isWordByte(UInt8(scalar.value)) || ((scalar == "'" || scalar == "/") && !current.isEmpty)
            {
                current.unicodeScalars.append(scalar)
            } else if scalar == "\u{2019}", !current.isEmpty {
                current += "'"
            } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte >= 0x80
    }

    /// The verdict for the match over UTF-8 bytes `range`.
    public func verdict(for range: Range<Int>) -> Verdict {
        var verdict = Verdict()
        guard !words.isEmpty else { return verdict }
        let first = firstWord { $0.end > range.lowerBound }
        let afterMatch = firstWord { $0.start >= range.upperBound }
        // The clause: back to the last break at or before the match's first word, forward to the next break.
        var clauseStart = min(first, words.count - 1)
        while clauseStart > 0, !words[clauseStart].breakBefore { clauseStart -= 1 }
        if first < words.count, words[first].breakBefore { clauseStart = first }
        var clauseEnd = afterMatch
        while clauseEnd < words.count, !words[clauseEnd].breakBefore { clauseEnd += 1 }
        if afterMatch < words.count, words[afterMatch].breakBefore { clauseEnd = afterMatch }

        let beforeStart = max(clauseStart, first - window)
        let before = beforeStart..<min(first, words.count)
        let after = afterMatch..<min(clauseEnd, afterMatch + window)
        verdict.negated = occurs(index.negationBefore, in: before) || occurs(index.negationAfter, in: after)
        verdict.hypothetical =
            occurs(index.hypotheticalBefore, in: before) || occurs(index.hypotheticalAfter, in: after)
        verdict.exempt = occurs(index.exemptions, in: clauseStart..<clauseEnd)
        return verdict
    }

    /// The index of the first word for which `isPast` holds (words are in order, so `isPast`
    /// is false and then true), or the word count.
    private func firstWord(where isPast: (Word) -> Bool) -> Int {
        var low = 0
        var high = words.count
        while low < high {
            let middle = (low + high) / 2
            if isPast(words[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Whether a trigger starts (and ends) within `span`, other than as part of a pseudo-negation.
    private func occurs(_ triggers: TriggerIndex.Table, in span: Range<Int>) -> Bool {
        guard !span.isEmpty else { return false }
        for position in span {
            let id = words[position].id
            guard id != WordTable.unknown else { continue }
            for trigger in triggers[Int(id)] where position + trigger.count <= span.upperBound {
                guard matches(trigger, at: position) else { continue }
                if !isPseudoNegation(at: position, length: trigger.count) { return true }
            }
        }
        return false
    }

    /// Whether the words at `position` belong to a pseudo-negation such as "no change".
    private func isPseudoNegation(at position: Int, length: Int) -> Bool {
        guard index.isPseudoWord[Int(words[position].id)] else { return false }
        return index.pseudoNegations.contains { phrase in
            (0..<phrase.count).contains { offset in
                position - offset >= 0 && matches(phrase, at: position - offset)
                    && position - offset + phrase.count >= position + length
            }
        }
    }

    private func matches(_ phrase: [Int32], at position: Int) -> Bool {
        guard position + phrase.count <= words.count else { return false }
        for (offset, id) in phrase.enumerated() where words[position + offset].id != id { return false }
        return true
    }
}
