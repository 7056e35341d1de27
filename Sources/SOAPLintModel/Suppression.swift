/// An inline comment that turns rules off or on: `<!-- soaplint-disable RULE ... -->`,
/// `<!-- soaplint-enable RULE ... -->` or `<!-- soaplint-disable-next-line RULE ... -->`.
///
/// No rule ids means every rule. `disable` and `enable` take effect from their own line;
/// `disable-next-line` covers only the line after the comment.
public struct Suppression: Hashable, Sendable {
    /// What the comment does.
    public enum Action: String, Hashable, Sendable {
        case disable
        case enable
        case disableNextLine = "disable-next-line"
    }

    /// What the comment does.
    public var action: Action
    /// The rule ids it names; empty for every rule.
    public var rules: [String]
    /// The 1-based line of the comment.
    public var line: Int

    /// Creates a suppression.
    public init(action: Action, rules: [String], line: Int) {
        self.action = action
        self.rules = rules
        self.line = line
    }

    /// Whether this comment names `rule` (or names no rule, and so every rule).
    public func covers(_ rule: String) -> Bool { rules.isEmpty || rules.contains(rule) }

    /// Whether `suppressions` (in line order) silence `rule` at `line`.
    public static func isSuppressed(_ rule: String, at line: Int, by suppressions: [Suppression]) -> Bool {
        var disabled = false
        for suppression in suppressions where suppression.covers(rule) {
            switch suppression.action {
            case .disableNextLine:
                if suppression.line + 1 == line { return true }
            case .disable:
                if suppression.line <= line { disabled = true }
            case .enable:
                if suppression.line <= line { disabled = false }
            }
        }
        return disabled
    }
}
