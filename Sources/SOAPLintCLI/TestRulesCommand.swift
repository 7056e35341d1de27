import Foundation
import SOAPLintEngine
import SOAPLintModel
import SOAPLintParsers
import SOAPLintReporters

/// `soaplint test-rules [DIR]`: run the examples written in rule files through the real
/// pipeline (parse as Markdown, lint with that rule alone). A trigger must give at least one
/// finding of the rule; a pass must give none.
enum TestRulesCommand {
    static let command = Command(
        name: "test-rules",
        summary: "Run the examples in rule files: each trigger must fire its rule, each pass must not.",
        usage: "soaplint test-rules [DIR] [options]",
        arguments: [("DIR", "A folder of rule files (default: the built-in rules)")],
        options: [
            Command.config
        ])

    static func run(_ arguments: [String], environment: CommandEnvironment) throws(UsageError) -> Int32 {
        guard let parsed = try command.parse(arguments, environment: environment) else { return ExitCode.success }
        if parsed.positionals.count > 1 {
            throw .tooManyArguments(parsed.positionals.dropFirst().joined(separator: " "))
        }
        let directory = parsed.positionals.first
        guard let loaded = LoadedRules.load(parsed, environment: environment, extra: directory.map { [$0] } ?? [])
        else {
            return ExitCode.failure
        }
        let folder = directory.map { URL(fileURLWithPath: environment.absolute($0)).standardizedFileURL.path }
        let rules = loaded.ruleSet.rules.filter { rule in
            folder.map { URL(fileURLWithPath: rule.file).deletingLastPathComponent().standardizedFileURL.path == $0 }
                ?? true
        }
        let linter = Linter(ruleSet: loaded.ruleSet, configuration: Configuration()).makeSession()
        var passed = 0
        var failed = 0
        for rule in rules {
            var problems: [String] = []
            if rule.triggers.isEmpty && rule.passes.isEmpty { problems.append("has no examples") }
            for (index, text) in rule.triggers.enumerated()
            where findings(of: rule, in: text, index: index, linter, loaded) == 0 {
                problems.append("trigger \(index + 1) did not fire: \(firstLine(text))")
            }
            for (index, text) in rule.passes.enumerated() {
                let count = findings(of: rule, in: text, index: index, linter, loaded)
                if count != 0 {
                    problems.append(
                        "pass \(index + 1) fired \(count == -1 ? "an error" : "\(count) time(s)"): \(firstLine(text))")
                }
            }
            if problems.isEmpty {
                passed += 1
                environment.output.write(
                    "ok    \(rule.id) (\(TextReporter.count(rule.triggers.count, "trigger")), \(TextReporter.count(rule.passes.count, "pass"))\n"
                )
            } else {
                failed += 1
                environment.output.write("FAIL  \(rule.id) (\(rule.file))\n")
                for problem in problems { environment.output.write("      \(problem)\n") }
            }
        }
        environment.output.write("rules: \(passed) passed, \(failed) failed\n")
        return failed == 0 ? ExitCode.success : ExitCode.findings
    }

    /// The number of findings of `rule` in the example note; -1 when the example does not parse.
    private static func findings(
        of rule: Rule, in text: String, index: Int, _ linter: Linter.Session, _ loaded: LoadedRules
    ) -> Int {
        let name = "\(rule.id)-example-\(index + 1).md"
        guard let notes = try? loaded.context.reader.notes(in: Array(text.utf8), file: name, format: .markdown) else {
            return -1
        }
        return notes.map { linter.lint($0, only: [rule.id]).findings.filter { $0.rule == rule.id }.count }.reduce(0, +)
    }

    /// The example on one line, shortened.
    private static func firstLine(_ text: String) -> String {
        let flat = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ⏎ ")
        return flat.count > 100 ? String(flat.prefix(100)) + "…" : flat
    }
}
