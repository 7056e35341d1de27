/// A place in a note's source file.
///
/// `line` is 1-based. `column` is 1-based and counts Unicode scalars (code points) from the
/// start of the line, so a multi-byte character before a match moves it by one column, as
/// editors and SARIF's `unicodeCodePoints` column kind expect.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 1-based line number in the original file (front matter included).
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    /// Creates a position from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Orders positions by line, then column.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`, as used in tree dumps.
    public var description: String { "\(line):\(column)" }
}

/// A span of a note's source file; `end` is the position of the last character, inclusive.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    /// Where the span starts.
    public var start: SourcePosition
    /// The position of the span's last character.
    public var end: SourcePosition

    /// Creates a range from its first and last positions.
    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// `@line:col-line:col`, the form tree dumps use.
    public var description: String { "@\(start)-\(end)" }
}
