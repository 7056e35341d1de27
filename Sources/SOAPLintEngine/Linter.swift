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

    /// Lints notes on one thread.
    public final class Session {
        private let linter: Linter
        private let scanner: PatternScanner

        fileprivate init(linter: Linter, scanner: PatternScanner) {
            self.linter = linter
            self.scanner = scanner
        }

        /// The note with its findings: rules turned off for its file are skipped, levels are
        /// overridden, and inline suppressions are applied.
        public func lint(_ note: Note, only ruleIDs: Set<String>? = nil) -> NoteResult {
            let settings = linter.configuration.settings(for: note.file)
            let context = CheckContext(
                note: note, scanner: scanner, contextRules: linter.ruleSet.context, configuration: linter.configuration)
            var findings: [Finding] = []
            for var rule in linter.ruleSet.rules {
                if let ruleIDs, !ruleIDs.contains(rule.id) { continue }
                let setting = settings[rule.id]
                if setting?.enabled == false { continue }
                if let level = setting?.level { rule.level = level }
                for finding in rule.check.check(note, rule: rule, context: context)
                where !Suppression.isSuppressed(finding.rule, at: finding.position.line, by: note.suppressions) {
                    findings.append(finding)
                }
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
    }
}
