import SOAPLintEngine

/// `soaplint explain RULE`: what a rule checks, why, its source, and its examples.
enum ExplainCommand {
    static let command = Command(
        name: "explain",
        summary: "Explain a rule: what it checks, why payers care, its source and examples.",
        usage: "soaplint explain RULE [options]",
        arguments: [("RULE", "A rule id, such as objective-findings")],
        options: [
            Command.config,
            Command.rules,
        ])

    static func run(_ arguments: [String], environment: CommandEnvironment) throws(UsageError) -> Int32 {
        guard let parsed = try command.parse(arguments, environment: environment) else { return ExitCode.success }
        guard let id = parsed.positionals.first else {
            throw .missingArgument("RULE (a rule id; 'soaplint rules' lists them)")
        }
        if parsed.positionals.count > 1 {
            throw .tooManyArguments(parsed.positionals.dropFirst().joined(separator: " "))
        }
        guard let loaded = LoadedRules.load(parsed, environment: environment) else { return ExitCode.failure }
        guard let rule = loaded.ruleSet.rules.first(where: { $0.id == id }) else {
            let suggestion = UsageError.suggestion(for: id, among: loaded.ruleSet.rules.map(\.id))
            environment.errorOutput.write(
                "Error: Unknown rule '\(id)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
                    + "\nRun 'soaplint rules' to list the rules.\n")
            return ExitCode.failure
        }
        var text = "\(rule.id) (\(rule.level.rawValue), kind \(rule.kind))\n\n"
        text += rule.description.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
        if let scope = rule.scope { text += "\nLooks at: " + scope.map(\.displayName).joined(separator: ", ") + "\n" }
        text += "Message: \(rule.message)\n"
        if let link = rule.link { text += "Source: \(link)\n" }
        text += "Defined in: \(rule.file)\n"
        func examples(_ title: String, _ notes: [String]) {
            guard !notes.isEmpty else { return }
            text += "\n\(title):\n"
            for note in notes {
                let lines = note.split(separator: "\n", omittingEmptySubsequences: false)
                text += lines.enumerated().map { ($0 == 0 ? "  - " : "    ") + $1 }.joined(separator: "\n") + "\n"
            }
        }
        examples("Triggers on", rule.triggers)
        examples("Passes", rule.passes)
        text += "\nsoaplint reports documentation risk; it is not legal or coding advice.\n"
        environment.output.write(text)
        return ExitCode.success
    }
}
