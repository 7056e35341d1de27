import SOAPLintEngine

/// The configuration and rule set a command asked for with `--config` and `--rules`; loading
/// errors are written to standard error.
struct LoadedRules {
    var context: RunContext
    var configuration: Configuration
    var ruleSet: RuleSet

    static func load(_ parsed: ParsedArguments, environment: CommandEnvironment, extra: [String] = []) -> LoadedRules? {
        guard let context = RunContext.load(reporting: environment) else { return nil }
        let configuration: Configuration
        switch RuleLoading.configuration(explicit: parsed.value("--config"), environment: environment) {
        case .success(let loaded): configuration = loaded
        case .failure(let failure):
            failure.messages.forEach { environment.errorOutput.write("soaplint: \($0)\n") }
            return nil
        }
        switch RuleLoading.ruleSet(
            builtIn: context.rulesDirectory, configuration: configuration, extra: parsed.values("--rules") + extra,
            environment: environment)
        {
        case .success(let ruleSet):
            return LoadedRules(context: context, configuration: configuration, ruleSet: ruleSet)
        case .failure(let failure):
            failure.messages.forEach { environment.errorOutput.write("soaplint: \($0)\n") }
            return nil
        }
    }
}
