import Foundation
import SOAPLintEngine
import SOAPLintModel

/// What `lint --timings` measures: time per phase and per rule, added up over the worker
/// threads, then printed as a table on standard error (reports on standard output stay clean).
final class RunTimings: @unchecked Sendable {
    private let lock = NSLock()
    private let started = PhaseClock.now()
    /// The main thread's clock: loading, discovery and the end of the reports.
    let main = PhaseClock()
    private let workers = PhaseClock()
    private var ruleSeconds: [Double] = []
    private var scanSeconds: Double = 0
    private var patternSeconds: [Int: Double] = [:]
    private var threads = 0
    /// Seconds spent handing results to the reports (always on one thread at a time).
    var deliverSeconds: Double = 0

    /// Adds one worker thread's measurements.
    func add(worker clock: PhaseClock, session: Linter.Session) {
        add(
            worker: clock, ruleSeconds: session.ruleSeconds, scanSeconds: session.scanSeconds,
            patternSeconds: session.patternSeconds)
    }

    /// Adds one worker thread's measurements: its phases, each rule's seconds (in rule-set
    /// order), the pattern scan's, and each PCRE2 pattern's part of the scan (by pattern index).
    func add(worker clock: PhaseClock, ruleSeconds: [Double], scanSeconds: Double, patternSeconds: [Int: Double]) {
        lock.lock()
        defer { lock.unlock() }
        workers.add(clock)
        if self.ruleSeconds.isEmpty { self.ruleSeconds = Array(repeating: 0, count: ruleSeconds.count) }
        for (index, seconds) in ruleSeconds.enumerated() { self.ruleSeconds[index] += seconds }
        self.scanSeconds += scanSeconds
        self.patternSeconds.merge(patternSeconds, uniquingKeysWith: +)
        threads += 1
    }

    /// The table: phases, then rules slowest first. A PCRE2 pattern's time counts toward the
    /// rules that use it (`patternRules`, by pattern index; shared equally), so a slow regular
    /// expression shows up under the rule it was written in; Vectorscan's one pass over every
    /// pattern cannot be split by rule and has a row of its own.
    func table(ruleIDs: [String], patternRules: [[String]], notes: Int, files: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        let wall = Double(PhaseClock.now() &- started) / 1e9
        var phases = main.seconds
        for phase in [Phase.discover, .read, .parse, .match] {
            phases[phase.rawValue] += workers.seconds[phase.rawValue]
        }
        // Workers' report time is time spent in the emitter: delivering, or waiting for file order.
        let inEmitter = workers.seconds[Phase.wait.rawValue]
        phases[Phase.report.rawValue] += deliverSeconds
        phases[Phase.wait.rawValue] = max(0, inEmitter - min(inEmitter, deliverSeconds))

        var lines = [
            "Timings: \(files) files, \(notes) notes, \(threads) threads, \(Self.format(wall)) s wall",
            "(discover, read, parse, match and wait are summed over the threads)",
            "",
            Self.row("phase", "seconds", "share"),
        ]
        let total = phases.reduce(0, +)
        for phase in Phase.allCases {
            let seconds = phases[phase.rawValue]
            lines.append(Self.row(phase.name, Self.format(seconds), Self.percent(seconds, of: total)))
        }
        let matching = scanSeconds + ruleSeconds.reduce(0, +)
        lines += ["", Self.row("rule (slowest first)", "seconds", "of match")]
        var byRule: [String: Double] = [:]
        for (index, id) in ruleIDs.enumerated() where index < ruleSeconds.count { byRule[id] = ruleSeconds[index] }
        var unattributed = scanSeconds
        for (pattern, seconds) in patternSeconds {
            let users = pattern < patternRules.count ? patternRules[pattern].filter { byRule[$0] != nil } : []
            guard !users.isEmpty else { continue }
            for id in users { byRule[id, default: 0] += seconds / Double(users.count) }
            unattributed -= seconds
        }
        var rows = [("pattern scan (all rules, one pass)", max(0, unattributed))]
        rows += byRule.map { ($0.key, $0.value) }
        for (name, seconds) in rows.sorted(by: { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) {
            lines.append(Self.row(name, Self.format(seconds), Self.percent(seconds, of: matching)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func row(_ name: String, _ seconds: String, _ share: String) -> String {
        let padded = name.count < 36 ? name + String(repeating: " ", count: 36 - name.count) : name + " "
        return padded + String(repeating: " ", count: max(0, 9 - seconds.count)) + seconds
            + String(repeating: " ", count: max(1, 10 - share.count)) + share
    }

    static func format(_ seconds: Double) -> String {
        let milliseconds = Int((seconds * 1000).rounded())
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    private static func percent(_ part: Double, of whole: Double) -> String {
        guard whole > 0 else { return "-" }
        let tenths = Int((part / whole * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
