import Foundation
import SOAPLintEngine
import SOAPLintModel
import SOAPLintReporters
import Testing

@testable import SOAPLintCLI

/// CLI scenarios: each folder under `Fixtures/cli/` holds `args` (one argument per line), an
/// optional `stdin`, the files the command reads, and the recorded `expected-stdout`,
/// `expected-stderr` and `expected-exit`. Files the run creates are compared with
/// `expected-created/`. Each scenario runs in a copy of its folder, so nothing is written into
/// the repository; the rules folder and that copy appear in goldens as `<Rules>` and `<work>`.
@Suite("CLI scenarios")
struct CLIScenarioTests {
    static let root = Fixtures.directory.appendingPathComponent("cli")
    static let scenarios = Fixtures.files(in: root)
    static let recordedNames: Set<String> = [
        "args", "stdin", "expected-stdout", "expected-stderr", "expected-exit", "expected-created",
    ]

    @Test("scenario", arguments: scenarios)
    func scenario(_ name: String) throws {
        let source = Self.root.appendingPathComponent(name)
        let manager = FileManager.default
        let work = manager.temporaryDirectory.appendingPathComponent("soaplint-cli-\(name)-\(UUID().uuidString)")
        try manager.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: work) }
        for item in Fixtures.files(in: source) where !Self.recordedNames.contains(item) {
            try manager.copyItem(at: source.appendingPathComponent(item), to: work.appendingPathComponent(item))
        }
        let before = Set(Fixtures.files(in: work))

        let argsText = try String(contentsOf: source.appendingPathComponent("args"), encoding: .utf8)
        var arguments = argsText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if arguments.last == "" { arguments.removeLast() }
        let stdin = (try? Data(contentsOf: source.appendingPathComponent("stdin"))).map { [UInt8]($0) } ?? []
        let test = TestEnvironment(workingDirectory: work, stdin: stdin)
        let exit = test.run(arguments)

        // Paths that differ between machines are written as <Rules> and <work> in goldens.
        func normalized(_ text: String) -> String {
            text.replacingOccurrences(of: Fixtures.rulesDirectory.path, with: "<Rules>")
                .replacingOccurrences(of: work.path, with: "<work>")
        }
        try Fixtures.assertGolden(normalized(test.output.text), source.appendingPathComponent("expected-stdout"))
        try Fixtures.assertGolden(normalized(test.errorOutput.text), source.appendingPathComponent("expected-stderr"))
        try Fixtures.assertGolden("\(exit)\n", source.appendingPathComponent("expected-exit"))

        let created = Fixtures.files(in: work).filter { !before.contains($0) }
        let createdFolder = source.appendingPathComponent("expected-created")
        if Fixtures.recording, !created.isEmpty {
            try manager.createDirectory(at: createdFolder, withIntermediateDirectories: true)
        }
        #expect(created == Fixtures.files(in: createdFolder), "files created by the run")
        for file in created {
            let text = try String(contentsOf: work.appendingPathComponent(file), encoding: .utf8)
            try Fixtures.assertGolden(text, createdFolder.appendingPathComponent(file))
        }
    }

    @Test("every exit code has a scenario")
    func exitCodesCovered() throws {
        var codes = Set<String>()
        for name in Self.scenarios {
            let url = Self.root.appendingPathComponent(name).appendingPathComponent("expected-exit")
            if let text = try? String(contentsOf: url, encoding: .utf8) { codes.insert(text) }
        }
        #expect(codes == ["0\n", "1\n", "2\n"])
    }
}

@Suite("CLI behaviour")
struct CLIBehaviourTests {
    let examples = Fixtures.packageRoot.appendingPathComponent("Examples")

    @Test("output is the same whatever --jobs is and whatever order paths are given in")
    func determinism() throws {
        let names = Fixtures.files(in: examples).filter { $0.hasPrefix("0") || $0.hasPrefix("1") }
        let single = TestEnvironment(workingDirectory: examples)
        #expect(single.run(["lint", "--jobs", "1", "--format", "json"] + names) == 1)
        let parallel = TestEnvironment(workingDirectory: examples)
        #expect(parallel.run(["lint", "-j4", "--format=json"] + names.reversed() + names) == 1)
        #expect(single.output.text == parallel.output.text)
        #expect(!single.output.text.isEmpty)
    }

    @Test("colour only on a terminal, never with --no-color or NO_COLOR")
    func colour() {
        let escape = "\u{1B}["
        let terminal = TestEnvironment(workingDirectory: examples, terminal: true)
        _ = terminal.run(["lint", "06-missing-objective.txt"])
        #expect(terminal.output.text.contains(escape))
        let flag = TestEnvironment(workingDirectory: examples, terminal: true)
        _ = flag.run(["lint", "--no-color", "06-missing-objective.txt"])
        #expect(!flag.output.text.contains(escape))
        let variable = TestEnvironment(workingDirectory: examples, variables: ["NO_COLOR": "1"], terminal: true)
        _ = variable.run(["lint", "06-missing-objective.txt"])
        #expect(!variable.output.text.contains(escape))
        let pipe = TestEnvironment(workingDirectory: examples)
        _ = pipe.run(["lint", "06-missing-objective.txt"])
        #expect(!pipe.output.text.contains(escape))
        #expect(flag.output.text == pipe.output.text)
    }

    @Test("a progress line on a terminal's standard error, cleared at the end and never in the report")
    func progress() {
        let plain = TestEnvironment(workingDirectory: examples)
        #expect(plain.run(["lint", "."]) == 1)
        #expect(plain.errorOutput.text.isEmpty)
        let terminal = TestEnvironment(workingDirectory: examples, errorTerminal: true)
        #expect(terminal.run(["lint", "."]) == 1)
        #expect(terminal.output.text == plain.output.text)
        // The first line is drawn before the folder walk has counted the files.
        #expect(terminal.errorOutput.text.hasPrefix("\r\u{1B}[K0 files, 0 notes"))
        #expect(terminal.errorOutput.text.hasSuffix("\r\u{1B}[K"))
        let quiet = TestEnvironment(workingDirectory: examples, errorTerminal: true)
        #expect(quiet.run(["lint", "--quiet", "."]) == 1)
        #expect(quiet.errorOutput.text.isEmpty)
    }

    @Test("the progress line shows the total once the folder walk has found every file")
    func progressTotal() {
        let sink = BufferSink()
        let progress = ProgressLine(sink: sink)
        progress.fileDone()
        progress.found(files: 14)
        // The line is redrawn five times a second; wait for a redraw after the total is known.
        for _ in 0..<50 where !sink.text.contains("1/14 files") { usleep(100_000) }
        progress.finish()
        #expect(sink.text.hasPrefix("\r\u{1B}[K0 files, 0 notes"))
        #expect(sink.text.contains("\r\u{1B}[K1/14 files, 0 notes"))
        #expect(sink.text.hasSuffix("\r\u{1B}[K"))
    }

    @Test("--timings prints every phase and every rule on standard error and leaves the report alone")
    func timings() throws {
        let plain = TestEnvironment(workingDirectory: examples)
        #expect(plain.run(["lint", "--format", "json", "."]) == 1)
        let timed = TestEnvironment(workingDirectory: examples)
        #expect(timed.run(["lint", "--format", "json", "--timings", "."]) == 1)
        #expect(timed.output.text == plain.output.text)

        let lines = timed.errorOutput.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("Timings: 14 files, 16 notes, 2 threads, ") == true)
        /// The seconds column of the row named `name`.
        func seconds(_ name: String) -> Double? {
            guard let row = lines.first(where: { $0.hasPrefix(name + " ") }) else { return nil }
            let fields = row.dropFirst(name.count).split(separator: " ")
            return fields.first.flatMap { Double($0) }
        }
        for phase in Phase.allCases {
            let value = try #require(seconds(phase.name), "no row for \(phase.name)")
            #expect(value >= 0)
        }
        #expect(try #require(seconds("load rules")) > 0)
        #expect(try #require(seconds("pattern scan (all rules, one pass)")) > 0)
        let rules = try #require(
            try? RuleSet.load(directories: [Fixtures.rulesDirectory.path], cacheDirectory: Fixtures.cacheDirectory)
                .get()
        ).rules
        for rule in rules {
            #expect(lines.filter { $0.hasPrefix(rule.id + " ") }.count == 1, "\(rule.id) is listed once")
        }
        // Rules are listed slowest first.
        let ruleRows = lines.drop { !$0.hasPrefix("rule (slowest first)") }.dropFirst().filter { !$0.isEmpty }
        let values = ruleRows.compactMap { row in row.split(separator: " ").dropLast().last.flatMap { Double($0) } }
        #expect(values.count == rules.count + 1)
        #expect(values == values.sorted(by: >))
    }

    @Test("--timings counts a PCRE2 pattern's time toward the rules that use it, shared equally")
    func timingsAttributePatterns() {
        let timings = RunTimings()
        timings.add(
            worker: PhaseClock(), ruleSeconds: [0.1, 0.2, 0.3], scanSeconds: 4.0,
            patternSeconds: [0: 2.0, 1: 1.0, 2: 0.25])
        let table = timings.table(
            ruleIDs: ["clinic-regex", "shared-too", "vectorscan-only"],
            patternRules: [["clinic-regex"], ["clinic-regex", "shared-too"], ["rule-turned-off"]], notes: 1, files: 1)
        let rows = table.split(separator: "\n").drop { !$0.hasPrefix("rule (slowest first)") }.dropFirst()
            .map { $0.split(separator: " ").dropLast().joined(separator: " ") }
        // 0.1 + 2.0 + 1.0 / 2; what no rule in use claims stays with the one-pass scan: 4 - 2 - 1.
        #expect(
            rows == [
                "clinic-regex 2.600", "pattern scan (all rules, one pass) 1.000", "shared-too 0.700",
                "vectorscan-only 0.300",
            ])
    }

    @Test("a broken section vocabulary stops the run with its line and column")
    func brokenVocabulary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "soaplint-vocab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "sections:\n  objectiv: [O]\n".write(
            to: folder.appendingPathComponent("sections.yml"), atomically: true, encoding: .utf8)
        let test = TestEnvironment(workingDirectory: examples, variables: ["SOAPLINT_RULES_DIR": folder.path])
        #expect(test.run(["lint", "01-cervical-strain-headings.md"]) == 2)
        #expect(test.errorOutput.text.contains("sections.yml:2:3: unknown section kind 'objectiv'"))
        #expect(test.output.text.isEmpty)
    }

    @Test("the built binary runs, prints its version, exits 2 on bad usage, and keeps file order across both streams")
    func binary() throws {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var binary = products.appendingPathComponent("soaplint")
        if !FileManager.default.fileExists(atPath: binary.path) {
            binary = products.deletingLastPathComponent().appendingPathComponent("soaplint")
        }
        try #require(FileManager.default.fileExists(atPath: binary.path), "soaplint binary beside \(products.path)")
        func run(_ arguments: [String]) throws -> (Int32, String) {
            let result = try Subprocess.run(binary, arguments, in: Fixtures.packageRoot)
            return (result.status, result.output)
        }
        let version = try run(["--version"])
        #expect(version.0 == 0)
        #expect(version.1.hasPrefix("soaplint \(SOAPLintCommand.version)\n"))
        #expect(version.1.contains("cmark-gfm") && version.1.contains("Vectorscan") && version.1.contains("PCRE2"))
        #expect(try run(["lint", "--fromat", "json"]).0 == 2)
        let lint = try run(["lint", "Examples/06-missing-objective.txt"])
        #expect(lint.0 == 1)
        #expect(
            lint.1.contains(
                "Examples/06-missing-objective.txt:8:1: error: the note has no Objective section [missing-section]"))

        // Standard output is written in blocks when it is not a terminal; a file error still
        // comes after the findings of the files before it when both streams go to one log.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "soaplint-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let deficient = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("Examples/06-missing-objective.txt"),
            encoding: .utf8)
        try deficient.write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try Data([0, 1, 2]).write(to: folder.appendingPathComponent("b.md"))
        try deficient.write(to: folder.appendingPathComponent("c.txt"), atomically: true, encoding: .utf8)
        let mixed = try run(["lint", folder.path])
        #expect(mixed.0 == 2)
        let files = mixed.1.split(separator: "\n").compactMap { line in
            ["a.txt", "b.md", "c.txt"].first { line.hasPrefix(folder.path + "/" + $0 + ":") }
        }
        #expect(files.first == "a.txt")
        #expect(files.last == "c.txt")
        #expect(files.filter { $0 == "b.md" }.count == 1)
        let errorAt = try #require(files.firstIndex(of: "b.md"))
        #expect(files[..<errorAt].allSatisfy { $0 == "a.txt" })
        #expect(files[(errorAt + 1)...].allSatisfy { $0 == "c.txt" })
    }
}
