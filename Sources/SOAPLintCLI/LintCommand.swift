import Dispatch
import Foundation
import SOAPLintEngine
import SOAPLintModel
import SOAPLintParsers
import SOAPLintReporters

/// `soaplint lint`: collect files, parse, lint, report, and choose the exit code.
enum LintCommand {
    static let command = Command(
        name: "lint",
        summary: "Check SOAP notes for documentation risk: missing sections, billing mismatches and more.",
        usage: "soaplint lint [PATH ...] [options]",
        arguments: [
            ("PATH", "Note files (.md, .markdown, .txt, .xml) or folders to search; '-' reads standard input")
        ],
        options: [
            OptionSpec(
                "--format", value: "F[:FILE]",
                help: "Output format: text (default) or json; ':FILE' writes it to FILE. Repeatable"),
            OptionSpec(
                "--fail-on", value: "LEVEL",
                help: "Exit 1 when a finding is at or above LEVEL: error (default), warning, info"),
            OptionSpec("--jobs", short: "-j", value: "N", help: "Files to read in parallel (default: all cores)"),
            OptionSpec(
                "--stdin-filename", value: "NAME", help: "Name (and so format) of the note read from standard input"),
            Command.config,
            Command.rules,
            OptionSpec("--no-color", help: "Never colour the output (NO_COLOR is honoured too)"),
        ])

    static func run(_ arguments: [String], environment: CommandEnvironment) throws(UsageError) -> Int32 {
        guard let parsed = try command.parse(arguments, environment: environment) else { return ExitCode.success }
        let targets = try parsed.values("--format").map { value throws(UsageError) in try OutputTarget(parsing: value) }
        let outputs = targets.isEmpty ? [OutputTarget(format: .text, path: nil)] : targets
        if outputs.filter({ $0.path == nil }).count > 1 {
            throw .conflicting(
                "Only one --format can go to standard output; give the others a file (--format json:report.json).")
        }
        let failOn = try level(parsed.value("--fail-on"))
        let jobs = try jobCount(parsed.value("--jobs"), default: environment.processorCount)
        var paths = parsed.positionals
        if paths.isEmpty {
            if parsed.value("--stdin-filename") == nil {
                throw .missingArgument("PATH (a note file or folder; '-' reads standard input)")
            }
            paths = ["-"]
        }
        if paths.filter({ $0 == "-" }).count > 1 { throw .conflicting("Standard input ('-') can be read only once.") }

        guard let context = RunContext.load(reporting: environment) else { return ExitCode.failure }

        let linter: Linter
        switch RuleLoading.configuration(explicit: parsed.value("--config"), environment: environment) {
        case .failure(let failure):
            failure.messages.forEach { environment.errorOutput.write("soaplint: \($0)\n") }
            return ExitCode.failure
        case .success(let configuration):
            switch RuleLoading.ruleSet(
                builtIn: context.rulesDirectory, configuration: configuration, extra: parsed.values("--rules"),
                environment: environment)
            {
            case .failure(let failure):
                failure.messages.forEach { environment.errorOutput.write("soaplint: \($0)\n") }
                environment.errorOutput.write("soaplint: nothing was linted; fix the rule files above\n")
                return ExitCode.failure
            case .success(let ruleSet):
                linter = Linter(ruleSet: ruleSet, configuration: configuration)
            }
        }

        let collector = FileCollector(paths: paths.filter { $0 != "-" }, environment: environment)
        var inputs = collector.files.map(RunContext.Input.file)
        if paths.contains("-") {
            let name = parsed.value("--stdin-filename") ?? "<stdin>"
            inputs.append(.standardInput(name: name, bytes: environment.readStandardInput()))
        }
        let files = process(inputs, jobs: jobs, context: context, linter: linter, environment: environment)
        let run = LintRun(files: files, errors: collector.errors)

        let textReporter = TextReporter(style: .plain)
        for error in run.allErrors { environment.errorOutput.write(textReporter.line(for: error) + "\n") }
        var writeFailed = false
        let colored =
            environment.outputIsTerminal && !parsed.has("--no-color")
            && (environment.variables["NO_COLOR"] ?? "").isEmpty
        for output in outputs {
            let text: String
            switch output.format {
            case .text: text = TextReporter(style: colored && output.path == nil ? .ansi : .plain).report(run)
            case .json: text = JSONReporter().report(run)
            }
            guard let path = output.path else {
                environment.output.write(text)
                continue
            }
            do {
                try OutputTarget.writeAtomically(text, to: environment.absolute(path))
            } catch {
                environment.errorOutput.write("soaplint: \(path): \(error.reason)\n")
                writeFailed = true
            }
        }
        if writeFailed || !run.allErrors.isEmpty { return ExitCode.failure }
        let failing = run.noteResults.contains { $0.findings.contains { $0.level >= failOn } }
        return failing ? ExitCode.findings : ExitCode.success
    }

    /// Parses and lints every input on `jobs` threads; results come back in input order.
    static func process(
        _ inputs: [RunContext.Input], jobs: Int, context: RunContext, linter: Linter, environment: CommandEnvironment
    ) -> [FileResult] {
        let slots = ResultSlots(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(1, inputs.count))) { _ in
            let session = linter.makeSession()
            while let index = slots.claim() {
                let input = inputs[index]
                let result: FileResult
                switch context.notes(of: input, environment: environment) {
                case .success(let notes): result = FileResult(file: input.name, notes: notes.map { session.lint($0) })
                case .failure(let error): result = FileResult(file: input.name, errors: [error])
                }
                slots.store(result, at: index)
            }
        }
        return slots.results
    }

    private static func level(_ value: String?) throws(UsageError) -> Level {
        guard let value else { return .error }
        guard let level = Level(rawValue: value) else {
            let names = Level.allCases.reversed().map(\.rawValue)
            throw .invalidValue(
                option: "--fail-on", value: value, expected: "one of \(names.joined(separator: ", "))",
                suggestion: UsageError.suggestion(for: value, among: names))
        }
        return level
    }

    private static func jobCount(_ value: String?, default count: Int) throws(UsageError) -> Int {
        guard let value else { return count }
        guard let jobs = Int(value), jobs >= 1 else {
            throw .invalidValue(
                option: "--jobs", value: value, expected: "a whole number of at least 1", suggestion: nil)
        }
        return jobs
    }
}

/// Result slots filled by worker threads, each index claimed by exactly one thread.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [FileResult?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ result: FileResult, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    var results: [FileResult] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
