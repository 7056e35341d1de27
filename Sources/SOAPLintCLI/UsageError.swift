/// A command line soaplint cannot act on. Formatting into words happens in `description`.
public enum UsageError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownCommand(String, suggestion: String?)
    case unknownOption(String, suggestion: String?)
    case missingValue(option: String, valueName: String)
    case invalidValue(option: String, value: String, expected: String, suggestion: String?)
    case unexpectedValue(option: String)
    case missingArgument(String)
    case tooManyArguments(String)
    case conflicting(String)

    /// The sentence shown after `Error: `.
    public var description: String {
        switch self {
        case .unknownCommand(let name, let suggestion):
            "Unknown command '\(name)'." + Self.didYouMean(suggestion)
        case .unknownOption(let name, let suggestion):
            "Unknown option '\(name)'." + Self.didYouMean(suggestion)
        case .missingValue(let option, let valueName):
            "Option '\(option)' needs a value (\(valueName))."
        case .invalidValue(let option, let value, let expected, let suggestion):
            "Invalid value '\(value)' for '\(option)': expected \(expected)." + Self.didYouMean(suggestion)
        case .unexpectedValue(let option):
            "Option '\(option)' takes no value."
        case .missingArgument(let what):
            "Missing \(what)."
        case .tooManyArguments(let what):
            "Too many arguments: \(what)."
        case .conflicting(let what):
            what
        }
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { " Did you mean '\($0)'?" } ?? ""
    }

    /// The closest of `candidates` to `word`, if close enough to be a likely typo.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let allowed = max(2, word.count / 3)
        if best.1 <= allowed { return best.0 }
        return candidates.first { $0.hasPrefix(word) && word.count >= 3 }
    }

    /// The Levenshtein distance between two strings.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
