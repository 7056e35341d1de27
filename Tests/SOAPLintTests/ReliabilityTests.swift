import Foundation
import SOAPLintEngine
import SOAPLintModel
import SOAPLintParsers
import Testing

@testable import SOAPLintCLI

/// A temporary folder, removed by `remove()`.
struct Scratch {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("soaplint-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }

    func write(_ name: String, _ text: String) throws {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: url.appendingPathComponent(name))
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Every file below the folder with its contents, for before/after comparisons.
    func snapshot() -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        while let name = enumerator?.nextObject() as? String {
            result[name] = FileManager.default.contents(atPath: url.appendingPathComponent(name).path) ?? Data()
        }
        return result
    }
}

/// A deterministic corpus in the styles clinics write: Markdown with front matter, plain text
/// and SOAP XML exports, good and deficient, in nested folders.
enum Corpus {
    static func write(notes count: Int, into scratch: Scratch) throws {
        var generator = SystemRandomNumberGenerator.Seeded(seed: 42)
        var export = "<soapNotes>\n"
        for index in 0..<count {
            let pain = Int(generator.next() % 9) + 1
            let degrees = Int(generator.next() % 60) + 20
            let deficient = generator.next() % 4 == 0
            let objective = deficient ? "" : "Rotation R \(degrees)°, TTP R upper trapezius."
            switch index % 3 {
            case 0:
                try scratch.write(
                    "clinic/\(index % 7)/visit-\(index).md",
                    "---\ndate: 2026-03-\(index % 28 + 1)\nprovider: Jane Doe, LMT\npayer: commercial\ndiagnoses: [M54.2]\n---\n"
                        + "## Subjective\nNeck pain \(pain)/10 driving.\n## Objective\n\(objective)\n## Assessment\nBetter.\n## Plan\n2x/week for 3 weeks.\n"
                )
            case 1:
                try scratch.write(
                    "clinic/\(index % 5)/visit-\(index).txt",
                    "S: Low back pain \(pain)/10.\nO: \(objective)\nA: Felt relaxed.\nP: Return as needed.\nCPT: 97140 x2 (\(pain * 4) min)\n"
                )
            default:
                export +=
                    "<note id=\"x\(index)\"><subjective>Pain \(pain)/10.</subjective><objective>\(objective)</objective></note>\n"
            }
        }
        try scratch.write("clinic/export.xml", export + "</soapNotes>\n")
    }
}

extension SystemRandomNumberGenerator {
    /// A small seeded generator (xorshift), so corpora are the same on every run.
    struct Seeded {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }
}

@Suite("Reliability")
struct ReliabilityTests {
    @Test("byte-identical output whatever --jobs is and whatever order the paths are given in")
    func determinism() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Corpus.write(notes: 300, into: scratch)
        let folders = (0..<7).map { "clinic/\($0)" } + ["clinic/export.xml"]
        var outputs: Set<String> = []
        for (jobs, paths) in [
            ("1", folders), ("2", folders.reversed()), ("8", Array(folders.shuffled())), ("3", ["clinic"]),
        ] {
            let test = TestEnvironment(workingDirectory: scratch.url)
            _ = test.run(["lint", "--jobs", jobs, "--format", "json"] + paths)
            outputs.insert(test.output.text)
            let text = TestEnvironment(workingDirectory: scratch.url)
            _ = text.run(["lint", "--jobs", jobs] + paths)
            outputs.insert(text.output.text)
        }
        #expect(outputs.count == 2)  // one JSON text, one plain text
        #expect(
            outputs.allSatisfy {
                $0.contains("clinic/0/visit-0.md") || $0.contains("\"file\": \"clinic/0/visit-0.md\"")
            })
    }

    @Test("one large export is linted on every thread, with the same report, errors in place, as on one")
    func oneLargeExport() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var generator = SystemRandomNumberGenerator.Seeded(seed: 7)
        var export = "<soapNotes>\n"
        for index in 0..<2_000 {
            let objective = generator.next() % 3 == 0 ? "" : "Rotation R \(Int(generator.next() % 60) + 20)°."
            // A note that is not valid under the schema now and then (an unknown element).
            let extra = index % 997 == 5 ? "<mood>calm</mood>" : ""
            export +=
                "<note id=\"n\(index)\"><subjective>Pain \(index % 9 + 1)/10.</subjective>\(extra)"
                + "<objective>\(objective)</objective><assessment>Felt relaxed.</assessment></note>\n"
        }
        try scratch.write("export.xml", export + "</soapNotes>\n")
        // The same notes, then a malformed element: every note before it is reported, then the error.
        try scratch.write("broken.xml", export + "<note id=\"bad\"><subjective>x</objective></note>\n</soapNotes>\n")
        try scratch.write("a.md", "## Subjective\nPain 5/10.\n")

        var outputs: [String] = []
        for jobs in ["1", "2", "4"] {
            let test = TestEnvironment(workingDirectory: scratch.url)
            #expect(
                test.run(["lint", "--jobs", jobs, "--validate", "--format", "json", "a.md", "export.xml", "broken.xml"])
                    == 2)
            outputs.append(test.output.text)
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
        let report = try JSONSerialization.jsonObject(with: Data(outputs[0].utf8)) as? [String: Any]
        let notes = try #require(report?["notes"] as? [[String: Any]])
        #expect(Set(notes.compactMap { $0["file"] as? String }) == ["a.md", "broken.xml", "export.xml"])
        let exportNotes = notes.filter { ($0["file"] as? String) == "export.xml" }
        #expect(exportNotes.map { $0["id"] as? String } == (0..<2_000).map { "n\($0)" })
        #expect(notes.first?["file"] as? String == "a.md")
        #expect(notes.last?["id"] as? String == "n1999")
        let errors = try #require(report?["errors"] as? [[String: Any]])
        #expect(errors.contains { ($0["file"] as? String) == "broken.xml" })
        #expect(errors.filter { ($0["message"] as? String)?.hasPrefix("schema:") == true }.count >= 3)
    }

    @Test("linting never changes or adds a file in the linted folders")
    func readOnly() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Corpus.write(notes: 60, into: scratch)
        let before = scratch.snapshot()
        let reports = try Scratch()
        defer { reports.remove() }
        let test = TestEnvironment(workingDirectory: scratch.url)
        _ = test.run([
            "lint", "clinic", "--format", "json:\(reports.url.path)/r.json", "--format",
            "html:\(reports.url.path)/r.html",
        ])
        #expect(scratch.snapshot() == before)
        #expect(Set(reports.snapshot().keys) == ["r.json", "r.html"])
    }

    @Test("hostile inputs end in findings or a clear error for that file, and the run completes")
    func hostile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write(
            "good.md",
            "## Subjective\nNeck pain 6/10.\n## Objective\nRotation 45°.\n## Assessment\nBetter.\n## Plan\n2x/week for 3 weeks.\n"
        )
        try scratch.write("one-line-60mb.md", bytes: Array(repeating: UInt8(ascii: "a"), count: 60 << 20))
        try scratch.write("lines-100k.txt", "S: pain\n" + String(repeating: "O: rotation 45 deg\n", count: 100_000))
        try scratch.write("headings-10k.md", (0..<10_000).map { "## Heading \($0)\ntext\n" }.joined())
        try scratch.write("nested-quotes.md", String(repeating: ">", count: 5_000) + " S: deep\n")
        try scratch.write(
            "nested-lists.md", (0..<2_000).map { String(repeating: "  ", count: $0) + "- item\n" }.joined())
        try scratch.write("open-front-matter.md", "---\ndate: 2026-01-01\n## Subjective\nx\n")
        var laughs = "---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...12 {
            laughs +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        try scratch.write("yaml-laughs.md", laughs + "---\nS: x\n")
        try scratch.write("crlf.md", "## Subjective\r\nx\r\n## Objective\r\ny\r\n")
        try scratch.write("cr.txt", "S: x\rO: y\rA: z\rP: w\r")
        try scratch.write(
            "utf16.txt", bytes: [0xFF, 0xFE] + Array("S: x".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        try scratch.write("invalid-utf8.md", bytes: Array("## Subjective\nCaf".utf8) + [0xE9] + Array(" 6/10\n".utf8))
        try scratch.write("nul.md", bytes: Array("S: x".utf8) + [0] + Array("y".utf8))
        try FileManager.default.createSymbolicLink(
            atPath: scratch.url.appendingPathComponent("loop").path, withDestinationPath: scratch.url.path)
        mkfifo(scratch.url.appendingPathComponent("pipe.md").path, 0o644)

        let test = TestEnvironment(workingDirectory: scratch.url)
        let exit = test.run(["lint", "--format", "json", ".", "pipe.md"])
        #expect(exit == 2)
        let errors = test.errorOutput.text
        #expect(
            errors.contains("./one-line-60mb.md: error: the file is 61440 KB; soaplint reads notes of up to 1024 KB"))
        #expect(
            errors.contains(
                "./open-front-matter.md:1:1: error: the front matter that starts here has no closing '---' line"))
        #expect(errors.contains("./yaml-laughs.md:") && errors.contains("expands to more than"))
        #expect(errors.contains("./utf16.txt: error: the file is UTF-16 text"))
        #expect(errors.contains("./invalid-utf8.md:2:4: error: the file is not UTF-8 text"))
        #expect(errors.contains("./nul.md: error: the file is binary"))
        #expect(errors.contains("pipe.md: error: not a regular file"))
        #expect(!errors.contains("loop"))
        for linted in [
            "./good.md", "./lines-100k.txt", "./headings-10k.md", "./nested-quotes.md", "./nested-lists.md",
            "./crlf.md", "./cr.txt",
        ] {
            #expect(test.output.text.contains("{\"file\": \"\(linted)\""), "\(linted) was linted")
        }
    }

    @Test("a file deleted between listing and reading is reported, and the rest are linted")
    func deletedDuringRun() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("a.md", "S: a\nO: b\nA: c\nP: d\n")
        try scratch.write("b.md", "S: a\n")
        let test = TestEnvironment(workingDirectory: scratch.url)
        let collector = FileCollector(paths: ["."], environment: test.environment)
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("a.md"))
        guard let context = RunContext.load(reporting: test.environment) else {
            Issue.record("no rules")
            return
        }
        var results: [String] = []
        let emitter = OrderedEmitter { event in
            switch event {
            case .note(let result): results.append("note \(result.note.file)")
            case .error(let error): results.append("error \(error.file): \(error.message)")
            }
        }
        LintCommand.process(
            InputQueue(collector: collector), jobs: 2, context: context,
            linter: Linter(ruleSet: Fixtures.ruleSet),
            environment: test.environment, emitter: emitter)
        #expect(results == ["error ./a.md: cannot read the file: no such file or directory", "note ./b.md"])
    }

    @Test("an interrupted run leaves no report file behind and exits 128 + the signal")
    func interrupted() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var export = "<soapNotes>\n"
        for index in 0..<40_000 {
            export +=
                "<note id=\"n\(index)\"><subjective>Pain 6/10 sitting.</subjective><objective>ROM 45°</objective></note>\n"
        }
        try scratch.write("export.xml", export + "</soapNotes>\n")
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var binary = products.appendingPathComponent("soaplint")
        if !FileManager.default.fileExists(atPath: binary.path) {
            binary = products.deletingLastPathComponent().appendingPathComponent("soaplint")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["lint", "export.xml", "--format", "json:report.json"]
        process.currentDirectoryURL = scratch.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the report is being written, then interrupt.
        var waited = 0
        while !scratch.snapshot().keys.contains(where: { $0.hasSuffix(".tmp") }), waited < 400, process.isRunning {
            usleep(25_000)
            waited += 1
        }
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 143)
        #expect(Set(scratch.snapshot().keys) == ["export.xml"])
    }
}
