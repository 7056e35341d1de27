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
                help:
                    "Output format: text (default), json, html, sarif, junit or github; ':FILE' writes it to FILE. Repeatable"
            ),
            OptionSpec(
                "--fail-on", value: "LEVEL",
                help: "Exit 1 when a finding is at or above LEVEL: error (default), warning, info"),
            OptionSpec(
                "--jobs", short: "-j", value: "N", help: "Threads that read and lint notes (default: all cores)"),
            OptionSpec(
                "--stdin-filename", value: "NAME", help: "Name (and so format) of the note read from standard input"),
            Command.config,
            Command.rules,
            OptionSpec("--max-warnings", value: "N", help: "Exit 1 when there are more than N warnings"),
            OptionSpec("--baseline", value: "FILE", help: "Report only findings that are not in this baseline"),
            OptionSpec("--write-baseline", value: "FILE", help: "Record this run's findings as a baseline"),
            OptionSpec("--redact", help: "Leave excerpts and patient identifiers out of reports"),
            OptionSpec(
                "--validate",
                help: "Check SOAP XML exports against the shipped XML Schema; each schema error is reported"),
            OptionSpec(
                "--timings",
                help: "Print time per phase (discover, read, parse, match, report) and per rule on standard error"
            ),
            OptionSpec("--quiet", short: "-q", help: "No progress line on the terminal"),
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
        let maxWarnings = try parsed.value("--max-warnings").map { value throws(UsageError) -> Int in
            guard let number = Int(value), number >= 0 else {
                throw .invalidValue(
                    option: "--max-warnings", value: value, expected: "a whole number of at least 0", suggestion: nil)
            }
            return number
        }
        let jobs = try jobCount(parsed.value("--jobs"), default: environment.processorCount)
        var paths = parsed.positionals
        if paths.isEmpty {
            if parsed.value("--stdin-filename") == nil {
                throw .missingArgument("PATH (a note file or folder; '-' reads standard input)")
            }
            paths = ["-"]
        }
        if paths.filter({ $0 == "-" }).count > 1 { throw .conflicting("Standard input ('-') can be read only once.") }

        let timings = parsed.has("--timings") ? RunTimings() : nil
        guard var context = RunContext.load(reporting: environment) else { return ExitCode.failure }
        if parsed.has("--validate") {
            do throws(FileError) {
                context.reader.schema = try XMLSchema(path: context.rulesDirectory + "/schemas/soap-notes.xsd")
            } catch {
                environment.errorOutput.write("soaplint: " + TextReporter.line(for: error) + "\n")
                return ExitCode.failure
            }
        }

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
        timings?.main.mark(.load)

        // Files are found as the workers ask for them; only the paths as given are checked now.
        let collector = FileCollector(paths: paths.filter { $0 != "-" }, environment: environment)
        var given: [RunContext.Input] = []
        if paths.contains("-") {
            let name = parsed.value("--stdin-filename") ?? "<stdin>"
            given.append(.standardInput(name: name, bytes: environment.readStandardInput()))
        }
        timings?.main.mark(.discover)

        var baseline: Baseline?
        if let path = parsed.value("--baseline") {
            do {
                baseline = try Baseline(path: environment.absolute(path), shown: path)
            } catch {
                environment.errorOutput.write("soaplint: \(error.path): \(error.reason)\n")
                return ExitCode.failure
            }
        }
        var recorded = parsed.value("--write-baseline").map { _ in Baseline() }
        let reportContext = ReportContext(
            version: SOAPLintCommand.version, generated: Self.timestamp(environment),
            rules: linter.ruleSet.rules.map {
                RuleDocument(
                    id: $0.id, level: $0.level, summary: $0.summary, description: $0.description, link: $0.link)
            }, redact: parsed.has("--redact"))

        // Reports are streamed: files are opened now and renamed into place at the end.
        var files: [FileOutput] = []
        var streams: [any ReportStream] = []
        let colored =
            environment.outputIsTerminal && !parsed.has("--no-color")
            && (environment.variables["NO_COLOR"] ?? "").isEmpty
        for output in outputs {
            var sink: any TextSink = environment.output
            if let path = output.path {
                do {
                    let file = try FileOutput(path: path, environment: environment)
                    files.append(file)
                    sink = file
                } catch {
                    files.forEach { $0.abandon() }
                    environment.errorOutput.write("soaplint: \(path): \(error.reason)\n")
                    return ExitCode.failure
                }
            }
            switch output.format {
            case .text:
                streams.append(
                    TextReporter(
                        sink: sink, style: colored && output.path == nil ? .ansi : .plain,
                        includesErrors: output.path != nil))
            case .json:
                streams.append(JSONReporter(sink: sink))
            case .html:
                streams.append(HTMLReporter(sink: sink, context: reportContext))
            case .sarif:
                streams.append(SARIFReporter(sink: sink, context: reportContext))
            case .junit:
                streams.append(JUnitReporter(sink: sink))
            case .github:
                streams.append(GitHubReporter(sink: sink))
            }
        }

        var summary = RunSummary()
        let progress =
            environment.errorIsTerminal && !parsed.has("--quiet") && (collector.mayFindSeveral || !given.isEmpty)
            ? ProgressLine(sink: environment.errorOutput) : nil
        func deliver(_ event: OrderedEmitter.Event) {
            let started = timings == nil ? 0 : PhaseClock.now()
            defer { if let timings { timings.deliverSeconds += Double(PhaseClock.now() &- started) / 1e9 } }
            switch event {
            case .note(let linted):
                progress?.noteDone()
                recorded?.record(linted)
                let result = baseline?.newFindings(in: linted) ?? linted
                summary.add(result)
                streams.forEach { $0.add(result) }
            case .error(let error):
                summary.errors += 1
                // Findings so far go out first, so a log of both streams keeps file order.
                environment.output.flush()
                let line = TextReporter.line(for: error) + "\n"
                if let progress { progress.write(line) } else { environment.errorOutput.write(line) }
                streams.forEach { $0.add(error) }
            }
        }
        collector.argumentErrors.forEach { deliver(.error($0)) }
        let emitter = OrderedEmitter(deliver: deliver)
        let queue = InputQueue(collector: collector, then: given, walkDone: { progress?.found(files: $0) })
        process(
            queue, jobs: jobs, context: context, linter: linter, environment: environment, emitter: emitter,
            timings: timings, fileDone: { progress?.fileDone() })
        summary.files = queue.fileCount
        timings?.main.restart()
        progress?.finish()
        streams.forEach { $0.finish(summary) }

        var writeFailed = false
        if let recorded, let path = parsed.value("--write-baseline") {
            do {
                try OutputTarget.writeAtomically(recorded.json, to: environment.absolute(path))
            } catch {
                environment.errorOutput.write("soaplint: \(path): \(error.reason)\n")
                writeFailed = true
            }
        }
        for file in files {
            do {
                try file.commit()
            } catch {
                environment.errorOutput.write("soaplint: \(error.path): \(error.reason)\n")
                writeFailed = true
            }
        }
        if let timings {
            timings.main.mark(.report)
            environment.output.flush()
            environment.errorOutput.write(
                timings.table(
                    ruleIDs: linter.ruleSet.rules.map(\.id), patternRules: linter.ruleSet.patternRules,
                    notes: summary.notes, files: summary.files))
        }
        if writeFailed || summary.errors > 0 { return ExitCode.failure }
        if summary.findings(atLeast: failOn) > 0 { return ExitCode.findings }
        if let maxWarnings, (summary.findingsByLevel[.warning] ?? 0) > maxWarnings { return ExitCode.findings }
        return ExitCode.success
    }

    /// When the report is made: `SOURCE_DATE_EPOCH` when set (for reproducible reports), else now, in UTC.
    static func timestamp(_ environment: CommandEnvironment) -> String {
        let seconds =
            environment.variables["SOURCE_DATE_EPOCH"].flatMap { TimeInterval($0) } ?? Date().timeIntervalSince1970
        // gmtime_r rather than DateFormatter: no time-zone database is loaded at start-up.
        var time = time_t(seconds.rounded(.down))
        var parts = tm()
        guard gmtime_r(&time, &parts) != nil else { return "" }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)) UTC"
    }

    /// Reads and lints every input of `queue` on `jobs` threads, handing results to `emitter` per note.
    ///
    /// Each thread claims a file at a time (walking folders to find it), reads it and lints its
    /// notes. When no file is left to claim, a thread helps with the notes of files still being
    /// read (see `NotePool`), so a large export at the end of a run, or alone, is linted on every core.
    static func process(
        _ queue: InputQueue, jobs: Int, context: RunContext, linter: Linter, environment: CommandEnvironment,
        emitter: OrderedEmitter, timings: RunTimings? = nil, fileDone: @escaping @Sendable () -> Void = {}
    ) {
        let pool = NotePool()
        /// How many notes a reader may have out with helpers, or linted and waiting behind them.
        let window = 64
        // Every thread runs even for one file: those without a file help with its notes.
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            let session = linter.makeSession()
            session.measuresRules = timings != nil
            let clock = timings == nil ? nil : PhaseClock()
            func lint(_ note: Note) -> NoteResult {
                let result = session.lint(note)
                clock?.mark(.match)
                return result
            }
            while true {
                // Counted as reading before claiming, so a helper that finds no file left to
                // claim and no reader counted knows every file is done.
                pool.producerStarted()
                guard let (index, input) = queue.claim() else {
                    pool.producerFinished()
                    break
                }
                clock?.mark(.discover)
                // Events go to the emitter in small batches, one lock for each.
                var batch: [OrderedEmitter.Event] = []
                func send(_ event: OrderedEmitter.Event) {
                    batch.append(event)
                    if batch.count >= 32 {
                        emitter.emit(batch, file: index, finished: false)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                // Results not yet handed on, in note order: some with a helper, some done here.
                var pending: [NotePool.Job] = []
                func handOn(all: Bool) {
                    while let first = pending.first {
                        let result: NoteResult
                        if let ready = pool.resultIfReady(first) {
                            result = ready
                        } else if all || pending.count > window {
                            result = pool.result(of: first, lint: lint)
                        } else {
                            break
                        }
                        pending.removeFirst()
                        send(.note(result))
                    }
                    clock?.mark(.wait)
                }
                do throws(FileError) {
                    try context.eachNote(
                        of: input, environment: environment, clock: clock,
                        problem: { problem in
                            handOn(all: true)
                            send(.error(problem))
                        }
                    ) { note in
                        if let job = pool.offer(note) {
                            pending.append(job)
                        } else if pending.isEmpty {
                            send(.note(lint(note)))
                        } else {
                            pending.append(NotePool.Job(done: lint(note)))
                        }
                        handOn(all: false)
                    }
                } catch {
                    clock?.mark(.parse)
                    handOn(all: true)
                    send(.error(error))
                }
                handOn(all: true)
                emitter.emit(batch, file: index, finished: true)
                clock?.mark(.wait)
                pool.producerFinished()
                fileDone()
            }
            pool.help { note in
                clock?.mark(.wait)
                return lint(note)
            }
            if let timings, let clock { timings.add(worker: clock, session: session) }
        }
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
