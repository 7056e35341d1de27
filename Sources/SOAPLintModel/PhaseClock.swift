#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The phases of a run that `soaplint lint --timings` reports.
public enum Phase: Int, CaseIterable, Sendable {
    /// Finding the note files under the paths given.
    case discover
    /// Loading the rules, the configuration and the pattern database.
    case load
    /// Reading note files from disk.
    case read
    /// Turning bytes into notes: Markdown, text, front matter, XML.
    case parse
    /// Scanning notes for patterns and running the rules.
    case match
    /// Writing findings to every report.
    case report
    /// A thread waiting: for earlier files' results to be reported first, or with no work.
    case wait

    /// The phase's name in the timings table.
    public var name: String {
        switch self {
        case .discover: "discover files"
        case .load: "load rules"
        case .read: "read"
        case .parse: "parse"
        case .match: "match (rules)"
        case .report: "report"
        case .wait: "wait"
        }
    }
}

/// Attributes elapsed time to phases: each `mark` charges the time since the previous mark to a
/// phase. One clock per thread; a run adds its threads' clocks together.
public final class PhaseClock {
    /// Seconds per phase, indexed by `Phase.rawValue`.
    public private(set) var seconds = [Double](repeating: 0, count: Phase.allCases.count)
    private var last: UInt64

    /// A clock whose first mark counts from now.
    public init() { last = Self.now() }

    /// Charges the time since the previous mark (or `restart`) to `phase`.
    public func mark(_ phase: Phase) {
        let now = Self.now()
        seconds[phase.rawValue] += Double(now &- last) / 1e9
        last = now
    }

    /// Starts counting from now without charging anything.
    public func restart() { last = Self.now() }

    /// Adds `other`'s seconds to this clock's.
    public func add(_ other: PhaseClock) {
        for index in seconds.indices { seconds[index] += other.seconds[index] }
    }

    /// Adds `value` seconds to `phase`, for time measured elsewhere.
    public func add(_ value: Double, to phase: Phase) { seconds[phase.rawValue] += value }

    /// A monotonic time in nanoseconds.
    @inline(__always)
    public static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
