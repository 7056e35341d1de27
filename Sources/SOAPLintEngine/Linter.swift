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
        /// Whether `lint` times each rule and each PCRE2 pattern (for `--timings`).
        public var measuresRules = false {
            didSet { scanner.measuresPatterns = measuresRules }
        }
        /// The most time one note's PCRE2 matching may take, over all its sections and patterns
        /// (Vectorscan's scan, which reads each byte once, is never cut short). Patterns that
        /// do not finish in it are skipped for that note and reported as `pattern-limit`.
        public var noteBudgetNanoseconds: UInt64 = 500_000_000
        /// Seconds spent in each rule's check, in rule-set order (with `measuresRules`). A rule
        /// that first asks whether a match is negated pays for working that out.
        public private(set) var ruleSeconds: [Double]
        /// Seconds spent scanning notes for every pattern of the rule set, in one pass per section
        /// (PCRE2 patterns included).
        public private(set) var scanSeconds: Double = 0
        /// Of `scanSeconds`, the seconds each PCRE2 pattern took, by pattern index.
        public var patternSeconds: [Int: Double] { scanner.patternNanoseconds.mapValues { Double($0) / 1e9 } }
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
            let (deadline, overflow) = RegularExpression.Matcher.now().addingReportingOverflow(noteBudgetNanoseconds)
            let context = CheckContext(
                note: note, scanner: scanner, shared: shared, deadline: overflow ? .max : deadline)
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
                findings.append(limitFinding(pattern: index, note: note))
            }
            return NoteResult(note: note, findings: findings)
        }

        /// The `pattern-limit` warning for a pattern that did not finish on `note`, naming the
        /// rules whose findings for the note may be missing or wrong because of it.
        private func limitFinding(pattern index: Int, note: Note) -> Finding {
            let pattern = linter.ruleSet.patterns.patterns[index].source
            let rules = index < linter.ruleSet.patternRules.count ? linter.ruleSet.patternRules[index] : []
            let owners =
                rules.isEmpty
                ? "" : " (\(rules.count == 1 ? "rule" : "rules") \(rules.joined(separator: ", ")))"
            let budget = Double(noteBudgetNanoseconds) / 1e9
            return Finding(
                rule: "pattern-limit", level: .warning,
                message:
                    "the pattern '\(pattern)'\(owners) did not finish on this note (backtracking limit or \(budget) s budget) and was skipped, so findings may be missing; simplify the pattern",
                position: note.start, section: nil)
        }

        /// Seconds from `start` to now; `start` becomes now.
        private static func seconds(since start: inout UInt64) -> Double {
            let now = PhaseClock.now()
            defer { start = now }
            return Double(now &- start) / 1e9
        }
    }
}
