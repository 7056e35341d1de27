import SOAPLintModel

/// ANSI colours for terminal output; `plain` adds nothing, for files, pipes and `NO_COLOR`.
public struct TextStyle: Sendable {
    /// Whether escape sequences are written.
    public var colored: Bool

    /// No colour.
    public static let plain = TextStyle(colored: false)
    /// Colour.
    public static let ansi = TextStyle(colored: true)

    /// `text` in bold.
    public func bold(_ text: String) -> String { wrap(text, "1") }
    /// `text` dimmed.
    public func dim(_ text: String) -> String { wrap(text, "2") }

    /// `text` in the colour of `level`: red errors, yellow warnings, blue info.
    public func level(_ level: Level, _ text: String) -> String {
        switch level {
        case .error: wrap(text, "1;31")
        case .warning: wrap(text, "1;33")
        case .info: wrap(text, "1;34")
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
