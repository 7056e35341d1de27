import SOAPLintModel
import SOAPLintPatterns

/// Runs a rule set over notes. Create one `Session` per thread.
public struct Linter: Sendable {
    /// The rules, in id order.
    public let ruleSet: RuleSet
    /// The configuration: per-file rule settings, payer profiles, scopes.
    public let configuration: Configuration

    /// Creates a linter.
    public init(ruleSet: RuleSet, configuration: Configuration = Configuration()) {
        self.ruleSet = ruleSet
        self.configuration = configuration
    }

    /// Matching state for one thread.
    public func makeSession() -> Session { Session(linter: self, scanner: ruleSet.patterns.makeScanner()) }

    /// A rule behind a reference: read through a `let` of a class, a rule is lent to its check
    /// instead of being copied (and every string and array in it retained) for each note.
    final class RuleBox: Sendable {
        let rule: Rule
        init(_ rule: Rule) { self.rule = rule }
    }

    /// The parts of a linter every note's `CheckContext` reads, behind one reference.
    final class Shared: Sendable {
        let configuration: Configuration
        let context: ContextRules

        init(configuration: Configuration, context: ContextRules) {
            self.configuration = configuration
            self.context = context
        }
    }

    /// Lints notes on one thread.
    public final class Session {
        private let linter: Linter
        private let scanner: PatternScanner
        private let shared: Shared
        private let rules: [RuleBox]
        /// Whether `lint` times each rule (for `--timings`).
        public var measuresRules = false
        /// Seconds spent in each rule's check, in rule-set order (with `measuresRules`). A rule
        /// that first asks whether a match is negated pays for working that out.
        public private(set) var ruleSeconds: [Double]
        /// Seconds spent scanning notes for every pattern of the rule set, in one pass per section.
        public private(set) var scanSeconds: Double = 0
        /// The rule settings of the file linted last: an export's notes all share one file.
        private var lastSettings: (file: String, settings: [String: Configuration.RuleSetting])?

        fileprivate init(linter: Linter, scanner: PatternScanner) {
            self.linter = linter
            self.scanner = scanner
            shared = Shared(configuration: linter.configuration, context: linter.ruleSet.context)
            rules = linter.ruleSet.rules.map(RuleBox.init)
            ruleSeconds = Array(repeating: 0, count: rules.count)
        }

        /// The note with its findings: rules turned off for its file are skipped, levels are
        /// overridden, and inline suppressions are applied.
        public func lint(_ note: Note, only ruleIDs: Set<String>? = nil) -> NoteResult {
            let settings: [String: Configuration.RuleSetting]
            if let last = lastSettings, last.file == note.file {
                settings = last.settings
            } else {
                settings = linter.configuration.settings(for: note.file)
                lastSettings = (note.file, settings)
            }
            var started = measuresRules ? PhaseClock.now() : 0
            let context = CheckContext(note: note, scanner: scanner, shared: shared)
            if measuresRules { scanSeconds += Self.seconds(since: &started) }
            var findings: [Finding] = []
            for (index, box) in rules.enumerated() {
                if let ruleIDs, !ruleIDs.contains(box.rule.id) { continue }
                let setting = settings[box.rule.id]
                if setting?.enabled == false { continue }
                for var finding in box.rule.check.check(note, rule: box.rule, context: context)
                where !Suppression.isSuppressed(finding.rule, at: finding.position.line, by: note.suppressions) {
                    if let level = setting?.level { finding.level = level }
                    findings.append(finding)
                }
                if measuresRules { ruleSeconds[index] += Self.seconds(since: &started) }
            }
            for index in context.limitExceeded.sorted() {
                let pattern = linter.ruleSet.patterns.patterns[index].source
                findings.append(
                    Finding(
                        rule: "pattern-limit", level: .warning,
                        message: "the pattern '\(pattern)' took too long on this note and was skipped; simplify it",
                        position: note.start, section: nil))
            }
            return NoteResult(note: note, findings: findings)
        }

        /// Seconds from `start` to now; `start` becomes now.
        private static func seconds(since start: inout UInt64) -> Double {
            let now = PhaseClock.now()
            defer { start = now }
            return Double(now &- start) / 1e9
        }
    }
}
