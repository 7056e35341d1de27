import SOAPLintModel
import SOAPLintPatterns

/// A pattern match in one section of a note, with where it is and what surrounds it.
public struct TextMatch: Sendable {
    /// The section it is in.
    public var section: Section
    /// The matched text.
    public var text: String
    /// Where the match starts in the file.
    public var position: SourcePosition
    /// Whether it is negated, hypothetical or exempt.
    public var verdict: ContextClassifier.Verdict

    /// Whether the match counts: not negated and not hypothetical.
    public var isAffirmed: Bool { !verdict.negated && !verdict.hypothetical }
}

/// What a rule check can ask about the note being linted: pattern matches per section (the note
/// was scanned once for every pattern of the rule set), the configuration and the data files.
public final class CheckContext {
    /// The note being linted.
    public let note: Note
    /// The run's configuration for this note's file.
    public var configuration: Configuration { shared.configuration }
    /// PCRE2 patterns that did not finish on this note: past the backtracking limit, past the
    /// note's deadline, or not tried because the deadline had passed.
    public private(set) var limitExceeded: Set<Int> = []
    /// What every note of a session shares, held by one reference: copying the configuration
    /// and context rules into each note's context would touch every one of their buffers.
    private let shared: Linter.Shared
    private var matchesBySection: [[PatternMatch]] = []
    private var classifiers: [ContextClassifier?] = []
    /// Verdicts already worked out, by section and match index: several rules share patterns.
    private var verdicts: [[ContextClassifier.Verdict?]] = []
    /// Each section's text as bytes, made on first use.
    private var sectionBytes: [[UInt8]?] = []

    /// Scans every section of `note`; PCRE2 matching stops at `deadline` (see `PatternScanner.scan`).
    init(note: Note, scanner: PatternScanner, shared: Linter.Shared, deadline: UInt64 = .max) {
        self.note = note
        self.shared = shared
        matchesBySection = note.sections.map { section in
            let result = scanner.scan(Self.joiningWrappedLines(section.body), until: deadline)
            limitExceeded.formUnion(result.limitExceeded)
            return result.matches
        }
        verdicts = matchesBySection.map { Array(repeating: nil, count: $0.count) }
        sectionBytes = Array(repeating: nil, count: note.sections.count)
        classifiers = Array(repeating: nil, count: note.sections.count)
    }

    private func bytes(ofSection index: Int) -> [UInt8] {
        if let known = sectionBytes[index] { return known }
        let bytes = Array(note.sections[index].body.utf8)
        sectionBytes[index] = bytes
        return bytes
    }

    /// Whether the sections `rule` looks at hold an affirmed match of `group` (stops at the first).
    public func hasAffirmedMatch(_ group: PatternGroup, for rule: Rule) -> Bool {
        for (index, section) in note.sections.enumerated() {
            guard rule.looks(at: section) else { continue }
            for (position, match) in matchesBySection[index].enumerated() where group.contains(match.pattern) {
                let verdict = verdict(section: index, match: position)
                if !verdict.negated && !verdict.hypothetical { return true }
            }
        }
        return false
    }

    private func verdict(section: Int, match: Int) -> ContextClassifier.Verdict {
        if let known = verdicts[section][match] { return known }
        let found = matchesBySection[section][match]
        let verdict = classifier(for: section).verdict(for: found.start..<found.end)
        verdicts[section][match] = verdict
        return verdict
    }

    /// The matches of `group` in the sections `rule` looks at, in source order.
    public func matches(_ group: PatternGroup, for rule: Rule) -> [TextMatch] {
        var result: [TextMatch] = []
        for (index, section) in note.sections.enumerated() {
            guard rule.looks(at: section), !matchesBySection[index].isEmpty else { continue }
            let bytes = bytes(ofSection: index)
            for (position, match) in matchesBySection[index].enumerated() where group.contains(match.pattern) {
                let slice = bytes[match.start..<match.end]
                var text = String(decoding: slice, as: UTF8.self)
                if slice.contains(where: { $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) {
                    text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                }
                result.append(
                    TextMatch(
                        section: section, text: text,
                        position: section.position(ofUTF8Offset: match.start) ?? section.range?.start ?? note.start,
                        verdict: verdict(section: index, match: position)))
            }
        }
        return result
    }

    /// `text` with each line break inside a paragraph turned into a space, so a phrase wrapped
    /// across two lines still matches. Byte offsets are unchanged; a break before a blank line, a
    /// list item or a table row stays.
    static func joiningWrappedLines(_ text: String) -> String {
        var bytes = Array(text.utf8)
        guard bytes.contains(0x0A) else { return text }
        for index in bytes.indices where bytes[index] == 0x0A {
            var next = index + 1
            while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
            guard next < bytes.count, index > 0, bytes[index - 1] != 0x0A else { continue }
            let first = bytes[next]
            let startsBlock =
                first == 0x0A || first == 0x2D || first == 0x2A || first == 0x2B || first == 0x7C
                || (first >= 0x30 && first <= 0x39 && next + 1 < bytes.count
                    && (bytes[next + 1] == 0x2E || bytes[next + 1] == 0x29))
            if !startsBlock { bytes[index] = 0x20 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the note bills any of `codes`.
    public func bills(any codes: [String]) -> Bool {
        note.visit.services.contains { codes.contains($0.code) }
    }

    private func classifier(for index: Int) -> ContextClassifier {
        if let classifier = classifiers[index] { return classifier }
        let classifier = ContextClassifier(text: note.sections[index].body, rules: shared.context)
        classifiers[index] = classifier
        return classifier
    }
}
