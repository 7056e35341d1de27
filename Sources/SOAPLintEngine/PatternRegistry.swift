import SOAPLintModel
import SOAPLintPatterns
import SOAPLintYAML

/// A named list of patterns a rule kind registered, by their indices in the rule set's one
/// `PatternSet`.
public struct PatternGroup: Hashable, Sendable {
    /// Indices into the rule set's patterns.
    public let indices: Set<Int>
    /// The same indices as bits, for the test made for every match of every note.
    private let bits: [UInt64]

    /// Creates a group.
    public init(indices: Set<Int>) {
        self.indices = indices
        var bits = [UInt64](repeating: 0, count: (indices.max() ?? 0) / 64 + 1)
        for index in indices { bits[index / 64] |= 1 << UInt64(index % 64) }
        self.bits = bits
    }

    /// Whether pattern `index` is in the group.
    @inline(__always)
    public func contains(_ index: Int) -> Bool {
        let word = index / 64
        return word < bits.count && bits[word] & (1 << UInt64(index % 64)) != 0
    }
}

/// Collects every pattern of every rule while rule files load, so they compile into one
/// Vectorscan database. Equal patterns are stored once.
public struct PatternRegistry {
    /// All patterns, by index.
    public private(set) var patterns: [Pattern] = []
    /// For each pattern, the file, line and column it was first written at (`patterns.yml` for
    /// one from a named set).
    public private(set) var origins: [(file: String, line: Int, column: Int)] = []
    /// For each pattern, the rule files that use it, in the order they registered it.
    public private(set) var users: [[String]] = []
    private var indexOf: [Pattern: Int] = [:]
    /// Named sets from `patterns.yml`, used as `@name` in rule files, with the file they are in.
    public var namedSets: [String: (file: String, items: [YAMLNode])] = [:]

    /// Creates an empty registry.
    public init() {}

    /// Registers the patterns written under `key` of `fields` (a list of texts, `@set` names, or
    /// `{regex: ...}` / `{phrase: ...}` mappings); nil when the key is absent.
    public mutating func group(_ key: String, of fields: RuleFields) throws(RuleLoadError) -> PatternGroup? {
        guard let node = fields.value(key), !node.isNull else { return nil }
        return try group(node, key: key, fields: fields)
    }

    /// Registers the patterns of `node`.
    public mutating func group(_ node: YAMLNode, key: String, fields: RuleFields) throws(RuleLoadError) -> PatternGroup
    {
        var indices = Set<Int>()
        try collect(node, in: fields.file, key: key, fields: fields, into: &indices, depth: 0)
        if indices.isEmpty { throw fields.error(node, "'\(key)' must list at least one pattern") }
        return PatternGroup(indices: indices)
    }

    /// Registers the patterns of `node`, written in `file` (the rule file, or `patterns.yml` for a
    /// named set's items), for the rule of `fields`.
    private mutating func collect(
        _ node: YAMLNode, in file: String, key: String, fields: RuleFields, into indices: inout Set<Int>, depth: Int
    ) throws(RuleLoadError) {
        func error(_ message: String) -> RuleLoadError {
            RuleLoadError(file: file, line: node.mark.line, column: node.mark.column, message: message)
        }
        if let items = node.sequence {
            for item in items {
                try collect(item, in: file, key: key, fields: fields, into: &indices, depth: depth)
            }
            return
        }
        if let text = node.scalar {
            if text.hasPrefix("@") {
                let name = String(text.dropFirst())
                guard let set = namedSets[name] else {
                    let known = namedSets.keys.sorted()
                    let suggestion = RuleFields.closest(name, known).map { " (did you mean '@\($0)'?)" } ?? ""
                    throw error(
                        "unknown pattern set '@\(name)'\(suggestion); patterns.yml defines \(known.map { "'@\($0)'" }.joined(separator: ", "))"
                    )
                }
                guard depth < 8 else { throw error("pattern sets refer to each other in a loop") }
                for item in set.items {
                    try collect(item, in: set.file, key: key, fields: fields, into: &indices, depth: depth + 1)
                }
                return
            }
            guard !text.trimmingWhitespace().isEmpty else { throw error("a pattern cannot be empty") }
            indices.insert(
                add(
                    Pattern(text, isPhrase: !Pattern.looksLikeRegularExpression(text)), at: node, file: file,
                    user: fields.file))
            return
        }
        if let mapping = node.mapping, mapping.count == 1, let kind = mapping[0].key.scalar,
            let text = mapping[0].value.scalar,
            kind == "regex" || kind == "phrase"
        {
            indices.insert(
                add(Pattern(text, isPhrase: kind == "phrase"), at: mapping[0].value, file: file, user: fields.file))
            return
        }
        throw error(
            "expected a phrase, a regular expression, '@set' or {regex: ...} in '\(key)', found \(node.shapeName)"
        )
    }

    private mutating func add(_ pattern: Pattern, at node: YAMLNode, file: String, user: String) -> Int {
        if let index = indexOf[pattern] {
            if !users[index].contains(user) { users[index].append(user) }
            return index
        }
        patterns.append(pattern)
        origins.append((file, node.mark.line, node.mark.column))
        users.append([user])
        indexOf[pattern] = patterns.count - 1
        return patterns.count - 1
    }
}
