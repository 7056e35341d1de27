import SOAPLintParsers
import SOAPLintPatterns

/// The exit codes of PRODUCT.md: 0 nothing at or above `--fail-on`, 1 such findings, 2 the tool
/// could not do its job.
public enum ExitCode {
    public static let success: Int32 = 0
    public static let findings: Int32 = 1
    public static let failure: Int32 = 2
}

/// The `soaplint` command line: picks the subcommand and turns usage errors into words.
public enum SOAPLintCommand {
    /// soaplint's version.
    public static let version = "0.1.0"

    private static let commands = [
        LintCommand.command, RulesCommand.command, ExplainCommand.command, TestRulesCommand.command,
        InitCommand.command,
        DumpCommand.command,
    ]

    /// Makes an interrupted run (SIGINT, SIGTERM) remove its unfinished report files and exit
    /// with 128 + the signal number. For the command-line tool; tests do not call it.
    public static func handleInterruptions() { Interruption.install() }

    /// Runs the command line `arguments` (without the program name) and returns the exit code.
    public static func run(_ arguments: [String], environment: CommandEnvironment) -> Int32 {
        defer { environment.output.flush() }
        return dispatch(arguments, environment: environment)
    }

    private static func dispatch(_ arguments: [String], environment: CommandEnvironment) -> Int32 {
        guard let first = arguments.first else {
            environment.output.write(helpText)
            return ExitCode.failure
        }
        let rest = Array(arguments.dropFirst())
        do {
            switch first {
            case "lint": return try LintCommand.run(rest, environment: environment)
            case "dump": return try DumpCommand.run(rest, environment: environment)
            case "rules": return try RulesCommand.run(rest, environment: environment)
            case "explain": return try ExplainCommand.run(rest, environment: environment)
            case "test-rules": return try TestRulesCommand.run(rest, environment: environment)
            case "init": return try InitCommand.run(rest, environment: environment)
            case "--help", "-h", "help":
                environment.output.write(helpText)
                return ExitCode.success
            case "--version", "-V":
                environment.output.write(versionText)
                return ExitCode.success
            default:
                if first.hasPrefix("-") {
                    throw UsageError.unknownOption(
                        first, suggestion: UsageError.suggestion(for: first, among: ["--help", "--version"]))
                }
                throw UsageError.unknownCommand(
                    first, suggestion: UsageError.suggestion(for: first, among: commands.map(\.name)))
            }
        } catch {
            let command = commands.first { $0.name == first }.map { " \($0.name)" } ?? ""
            environment.errorOutput.write("Error: \(error)\nRun 'soaplint\(command) --help' for usage.\n")
            return ExitCode.failure
        }
    }

    static var helpText: String {
        var text = """
            soaplint \(version): a documentation linter for clinical SOAP notes.
            It reports documentation risk; it is not legal or coding advice.

            Usage: soaplint COMMAND [options]

            Commands:

            """
        for command in commands { text += "  " + command.name.padding(12) + command.summary + "\n" }
        text += """

            Options:
              -h, --help        Show this help
              -V, --version     Show the version and the libraries in use

            Exit codes: 0 no findings at or above --fail-on, 1 such findings, 2 soaplint could not do its job.
            Run 'soaplint COMMAND --help' for a command's options.

            """
        return text
    }

    static var versionText: String {
        "soaplint \(version)\n" + (ParserLibraries.versions + PatternLibraries.versions).joined(separator: ", ") + "\n"
    }
}
