import SOAPLintModel
import SOAPLintReporters

/// `soaplint dump`: print each note's tree, for debugging a note and as the parsers' golden format.
enum DumpCommand {
    static let command = Command(
        name: "dump",
        summary: "Print how soaplint reads a note: its visit fields and its sections with @line:column ranges.",
        usage: "soaplint dump FILE ... [options]",
        arguments: [("FILE", "Note files to show; '-' reads standard input")],
        options: [
            OptionSpec(
                "--stdin-filename", value: "NAME", help: "Name (and so format) of the note read from standard input")
        ])

    static func run(_ arguments: [String], environment: CommandEnvironment) throws(UsageError) -> Int32 {
        guard let parsed = try command.parse(arguments, environment: environment) else { return ExitCode.success }
        guard !parsed.positionals.isEmpty else {
            throw .missingArgument("FILE (a note file; '-' reads standard input)")
        }
        guard let context = RunContext.load(reporting: environment) else { return ExitCode.failure }
        var failed = false
        for path in parsed.positionals {
            let input: RunContext.Input =
                path == "-"
                ? .standardInput(
                    name: parsed.value("--stdin-filename") ?? "<stdin>", bytes: environment.readStandardInput())
                : .file(path)
            do throws(FileError) {
                var first = true
                try context.eachNote(of: input, environment: environment) { note in
                    environment.output.write((first ? "" : "\n") + NoteDump.render(note))
                    first = false
                }
            } catch {
                environment.errorOutput.write(TextReporter.line(for: error) + "\n")
                failed = true
            }
        }
        return failed ? ExitCode.failure : ExitCode.success
    }
}
