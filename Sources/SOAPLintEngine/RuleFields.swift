import SOAPLintModel
import SOAPLintYAML

/// Typed access to the keys of a rule file's mapping, with errors at the key's or value's line
/// and column. Records which keys were read, so unknown keys can be reported.
public struct RuleFields {
    /// The file the mapping came from.
    public let file: String
    /// The mapping node.
    public let node: YAMLNode
    private let pairs: [YAMLPair]

    /// Wraps `node`, which must be a mapping.
    public init(_ node: YAMLNode, file: String) throws(RuleLoadError) {
        self.file = file
        self.node = node
        guard let pairs = node.mapping else {
            throw RuleLoadError(
                file: file, line: node.mark.line, column: node.mark.column,
                message: "expected a mapping of keys, found \(node.shapeName)")
        }
        self.pairs = pairs
    }

    /// An error at `node`'s position.
    public func error(_ node: YAMLNode, _ message: String) -> RuleLoadError {
        RuleLoadError(file: file, line: node.mark.line, column: node.mark.column, message: message)
    }

    /// An error at the start of this mapping.
    public func error(_ message: String) -> RuleLoadError { error(node, message) }

    /// The value node of `key`, nil when absent.
    public func value(_ key: String) -> YAMLNode? {
        pairs.first { $0.key.scalar == key }?.value
    }

    /// Reports the first key not in `known`, and the first key written twice.
    public func checkKeys(_ known: [String]) throws(RuleLoadError) {
        var seen: Set<String> = []
        for pair in pairs {
            let key = pair.key.scalar ?? ""
            guard known.contains(key) else {
                let suggestion = Self.closest(key, known).map { " (did you mean '\($0)'?)" } ?? ""
                throw error(
                    pair.key,
                    "unknown key '\(key)'\(suggestion); expected one of \(known.map { "'\($0)'" }.joined(separator: ", "))"
                )
            }
            guard seen.insert(key).inserted else { throw error(pair.key, "the key '\(key)' is written twice") }
        }
    }

    /// A text value; nil when absent.
    public func string(_ key: String) throws(RuleLoadError) -> String? {
        guard let node = value(key), !node.isNull else { return nil }
        guard let text = node.scalar else { throw error(node, "'\(key)' must be text, found \(node.shapeName)") }
        return text
    }

    /// A required text value.
    public func requiredString(_ key: String) throws(RuleLoadError) -> String {
        guard let text = try string(key) else { throw error("the key '\(key)' is required") }
        return text
    }

    /// A list of texts (a single text counts as a list of one); nil when absent.
    public func strings(_ key: String) throws(RuleLoadError) -> [String]? {
        guard let node = value(key), !node.isNull else { return nil }
        return try Self.strings(node, key: key, file: file)
    }

    /// The texts of `node`: a list of texts, or one text.
    static func strings(_ node: YAMLNode, key: String, file: String) throws(RuleLoadError) -> [String] {
        if let text = node.scalar { return [text] }
        guard let items = node.sequence else {
            throw RuleLoadError(
                file: file, line: node.mark.line, column: node.mark.column,
                message: "'\(key)' must be a list of texts, found \(node.shapeName)")
        }
        var result: [String] = []
        for item in items {
            guard let text = item.scalar else {
                throw RuleLoadError(
                    file: file, line: item.mark.line, column: item.mark.column,
                    message: "expected text in '\(key)', found \(item.shapeName)")
            }
            result.append(text)
        }
        return result
    }

    /// A list of texts that must be present and not empty; `problem` says what it must list.
    public func requiredStrings(_ key: String, _ problem: String) throws(RuleLoadError) -> [String] {
        guard let values = try strings(key), !values.isEmpty else { throw error(problem) }
        return values
    }

    /// A whole number; nil when absent.
    public func integer(_ key: String) throws(RuleLoadError) -> Int? {
        guard let node = value(key), !node.isNull else { return nil }
        guard let number = node.integer else { throw error(node, "'\(key)' must be a whole number") }
        return number
    }

    /// A yes/no value; nil when absent.
    public func bool(_ key: String) throws(RuleLoadError) -> Bool? {
        guard let node = value(key), !node.isNull else { return nil }
        switch node.scalar?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(node, "'\(key)' must be true or false")
        }
    }

    /// One of `choices`; nil when absent.
    public func choice(_ key: String, _ choices: [String]) throws(RuleLoadError) -> String? {
        guard let text = try string(key) else { return nil }
        guard choices.contains(text) else {
            let node = value(key)!
            let suggestion = Self.closest(text, choices).map { " (did you mean '\($0)'?)" } ?? ""
            throw error(
                node,
                "unknown \(key) '\(text)'\(suggestion); expected one of \(choices.map { "'\($0)'" }.joined(separator: ", "))"
            )
        }
        return text
    }

    /// The closest of `candidates` to `word`, for "did you mean".
    static func closest(_ word: String, _ candidates: [String]) -> String? {
        Suggestion.closest(to: word, among: candidates)
    }
}
