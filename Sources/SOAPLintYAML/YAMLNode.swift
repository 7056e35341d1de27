/// A position in a YAML text: 1-based line and 1-based column counted in characters.
public struct YAMLMark: Hashable, Sendable {
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    /// Creates a mark.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// One node of a parsed YAML document, with the position it started at.
///
/// Mappings keep their keys in source order, so a loader can report a misspelt key at its
/// own line and column and can notice duplicates.
public struct YAMLNode: Hashable, Sendable {
    /// What the node holds.
    public indirect enum Content: Hashable, Sendable {
        /// A scalar's text; `plain` is false when it was quoted or a block scalar.
        case scalar(String, plain: Bool)
        /// A sequence's items.
        case sequence([YAMLNode])
        /// A mapping's pairs, in source order.
        case mapping([YAMLPair])
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts.
    public var mark: YAMLMark

    /// Creates a node.
    public init(_ content: Content, mark: YAMLMark) {
        self.content = content
        self.mark = mark
    }

    /// The scalar text; nil for sequences, mappings and null.
    public var scalar: String? {
        if case .scalar(let text, _) = content, !isNull { return text }
        return nil
    }

    /// Whether the node is an explicit or empty null (`~`, `null`, nothing).
    public var isNull: Bool {
        guard case .scalar(let text, let plain) = content, plain else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// The sequence items; nil when the node is not a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The mapping pairs; nil when the node is not a mapping.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value for a scalar key in a mapping; nil when absent or when the node is not a mapping.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar == key }?.value
    }

    /// A whole number scalar, nil otherwise.
    public var integer: Int? { scalar.flatMap { Int($0) } }

    /// A name for the node's shape, for error messages ("a mapping", "a list", "text").
    public var shapeName: String {
        switch content {
        case .scalar: isNull ? "nothing" : "text"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// One key and value of a YAML mapping.
public struct YAMLPair: Hashable, Sendable {
    /// The key node (usually a scalar).
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A YAML text that libyaml could not parse, or that expands past the size limit.
public struct YAMLError: Error, Hashable, Sendable {
    /// 1-based line of the problem.
    public var line: Int
    /// 1-based column of the problem.
    public var column: Int
    /// What is wrong, in libyaml's words.
    public var problem: String
    /// What libyaml was reading when it failed ("while scanning a simple key"), if it said.
    public var context: String?
    /// The 1-based line the context started on.
    public var contextLine: Int?

    /// Creates an error.
    public init(line: Int, column: Int, problem: String, context: String? = nil, contextLine: Int? = nil) {
        self.line = line
        self.column = column
        self.problem = problem
        self.context = context
        self.contextLine = contextLine
    }

    /// The problem with its context, lines shifted by `lineOffset` for YAML embedded in a larger
    /// file (front matter starts on the file's line 2).
    public func message(lineOffset: Int = 0) -> String {
        guard let context, let contextLine else { return problem }
        return "\(problem) (\(context) at line \(contextLine + lineOffset))"
    }

    /// The problem with its context.
    public var message: String { message() }
}
