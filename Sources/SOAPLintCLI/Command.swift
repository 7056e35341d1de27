/// A subcommand's name, one-line summary, usage and options: the source of its help text.
struct Command {
    var name: String
    var summary: String
    var usage: String
    var arguments: [(String, String)]
    var options: [OptionSpec]

    static let help = OptionSpec("--help", short: "-h", help: "Show this help")
    static let config = OptionSpec(
        "--config", value: "FILE", help: "Configuration file (default: the nearest .soaplint.yml)")
    static let rules = OptionSpec("--rules", value: "DIR", help: "Another folder of rule files. Repeatable")

    /// The parsed `arguments`, or nil when `--help` was asked for (the help is then written).
    func parse(_ arguments: [String], environment: CommandEnvironment) throws(UsageError) -> ParsedArguments? {
        let parsed = try ParsedArguments.parse(arguments, specs: options + [Self.help])
        guard !parsed.has("--help") else {
            environment.output.write(helpText)
            return nil
        }
        return parsed
    }

    /// The command's `--help` text.
    var helpText: String {
        var text = "\(summary)\n\nUsage: \(usage)\n"
        if !arguments.isEmpty {
            text += "\nArguments:\n"
            for (name, help) in arguments { text += "  " + name.padding(26) + help + "\n" }
        }
        text += "\nOptions:\n"
        for option in options + [Self.help] { text += "  " + option.synopsis.padding(26) + option.help + "\n" }
        return text
    }
}

extension String {
    /// The string padded with spaces to `width`, or followed by one space when longer.
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
