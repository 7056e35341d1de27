import SOAPLintEngine
import SOAPLintReporters

/// `soaplint rules`: list the rules with id, level, kind and summary.
enum RulesCommand {
    static let command = Command(
        name: "rules",
        summary: "List the rules in use: id, level, kind and what each catches.",
        usage: "soaplint rules [options]",
        arguments: [],
        options: [
            OptionSpec("--format", value: "F", help: "text (default) or json"),
            Command.config,
            Command.rules,
        ])

    static func run(_ arguments: [String], environment: CommandEnvironment) throws(UsageError) -> Int32 {
        guard let parsed = try command.parse(arguments, environment: environment) else { return ExitCode.success }
        if !parsed.positionals.isEmpty { throw .tooManyArguments(parsed.positionals.joined(separator: " ")) }
        let format = parsed.value("--format") ?? "text"
        guard ["text", "json"].contains(format) else {
            throw .invalidValue(
                option: "--format", value: format, expected: "text or json",
                suggestion: UsageError.suggestion(for: format, among: ["text", "json"]))
        }
        guard let loaded = LoadedRules.load(parsed, environment: environment) else { return ExitCode.failure }
        let settings = loaded.configuration.rules
        let rules = loaded.ruleSet.rules.map { rule -> (Rule, Bool) in
            var rule = rule
            if let level = settings[rule.id]?.level { rule.level = level }
            return (rule, settings[rule.id]?.enabled ?? true)
        }
        if format == "json" {
            let items = rules.map { rule, enabled in
                JSONText.object([
                    ("id", JSONText.quoted(rule.id)), ("level", JSONText.quoted(rule.level.rawValue)),
                    ("kind", JSONText.quoted(rule.kind)), ("enabled", enabled ? "true" : "false"),
                    ("summary", JSONText.quoted(rule.summary)), ("link", JSONText.string(rule.link)),
                    ("file", JSONText.quoted(rule.file)),
                ])
            }
            environment.output.write("[\n" + items.joined(separator: ",\n") + "\n]\n")
            return ExitCode.success
        }
        let idWidth = (rules.map(\.0.id.count).max() ?? 0) + 2
        for (rule, enabled) in rules {
            let level = enabled ? rule.level.rawValue : "off"
            environment.output.write(
                rule.id.padding(idWidth) + level.padding(9) + rule.kind.padding(20) + rule.summary + "\n")
        }
        return ExitCode.success
    }
}
