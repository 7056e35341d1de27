/// How serious a finding is. Ordered: `info` < `warning` < `error`.
public enum Level: String, CaseIterable, Comparable, Hashable, Sendable, Codable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    /// Orders levels by severity.
    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
}
