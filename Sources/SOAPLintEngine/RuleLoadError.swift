/// A rule file, the context file, the pattern sets or the configuration could not be loaded:
/// which file, where in it, and what was expected.
public struct RuleLoadError: Error, Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The file's path.
    public var file: String
    /// 1-based line, nil when the problem is the whole file.
    public var line: Int?
    /// 1-based column.
    public var column: Int?
    /// What is wrong and what was expected.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int?, column: Int?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(message)"
    }

    /// Orders errors by file, then position.
    public static func < (lhs: RuleLoadError, rhs: RuleLoadError) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0) < (rhs.file, rhs.line ?? 0, rhs.column ?? 0)
    }
}
