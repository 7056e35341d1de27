import SOAPLintEngine

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
        Suggestion.closest(to: word, among: candidates)
    }
}
